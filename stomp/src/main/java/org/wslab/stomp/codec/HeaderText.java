package org.wslab.stomp.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.StompViolation;

/**
 * Turns header octets into text: undoes the escapes of STOMP 1.1/1.2 "Value Encoding" ({@code \n},
 * {@code \c}, {@code \\}, and in 1.2 {@code \r}; any other escape is a fatal error) and checks
 * UTF-8. ASCII text without a backslash takes a copy-free fast path. One instance per decoder.
 */
final class HeaderText {
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] scratch = new byte[128];

    /** The header names STOMP 1.2 defines, decoded once: a frame naming one gets the shared String. */
    private static final String[] KNOWN = {"accept-version", "ack", "content-length", "content-type", "destination",
        "heart-beat", "host", "id", "login", "message", "message-id", "passcode", "receipt", "receipt-id", "server",
        "session", "subscription", "transaction", "version"};
    private static final byte[][] KNOWN_OCTETS = new byte[KNOWN.length][];

    static {
        for (int i = 0; i < KNOWN.length; i++) {
            KNOWN_OCTETS[i] = KNOWN[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    /**
     * Decodes the header line {@code buf[from, to)} whose colon is at {@code colon} and adds it to
     * {@code into}; returns the rule it breaks, or empty when it was added.
     */
    Optional<StompViolation> header(byte[] buf, int from, int colon, int to, boolean unescape, StompVersion version,
            List<StompHeader> into) {
        try {
            String name = known(buf, from, colon);
            if (name == null) {
                name = decode(buf, from, colon, unescape, version);
            }
            into.add(new StompHeader(name, decode(buf, colon + 1, to, unescape, version)));
            return Optional.empty();
        } catch (Broken b) {
            return Optional.of(b.violation);
        }
    }

    /** The defined header name spelled by {@code buf[from, to)} (no escape, ASCII), or null. */
    private static String known(byte[] buf, int from, int to) {
        int len = to - from;
        for (int i = 0; i < KNOWN.length; i++) {
            byte[] k = KNOWN_OCTETS[i];
            if (k.length == len && Arrays.equals(k, 0, len, buf, from, to)) {
                return KNOWN[i];
            }
        }
        return null;
    }

    /** The text of {@code buf[from, to)}; a broken escape or malformed UTF-8 ends the frame. */
    private String decode(byte[] buf, int from, int to, boolean unescape, StompVersion version) throws Broken {
        if (ByteScan.plain(buf, from, to, unescape)) {
            return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        }
        byte[] src = buf;
        int start = from;
        int end = to;
        if (unescape) {
            if (scratch.length < to - from) {
                scratch = new byte[Math.max(to - from, scratch.length * 2)];
            }
            int n = 0;
            for (int i = from; i < to; i++) {
                byte b = buf[i];
                if (b != '\\') {
                    scratch[n++] = b;
                    continue;
                }
                byte next = i + 1 < to ? buf[i + 1] : -1;
                byte out;
                if (next == 'n') {
                    out = '\n';
                } else if (next == 'c') {
                    out = ':';
                } else if (next == '\\') {
                    out = '\\';
                } else if (next == 'r' && version == StompVersion.V1_2) {
                    out = '\r';
                } else {
                    String seq = next == -1 ? "\\ at end of header" : "\\" + printable(next);
                    throw new Broken(new StompViolation(StompRule.UNDEFINED_ESCAPE, version, "undefined escape " + seq));
                }
                scratch[n++] = out;
                i++;
            }
            src = scratch;
            start = 0;
            end = n;
        }
        try {
            CharBuffer chars = utf8.reset().decode(ByteBuffer.wrap(src, start, end - start));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new Broken(new StompViolation(StompRule.INVALID_UTF8, version, "malformed UTF-8 in a header"));
        }
    }

    /** A header the decoder must refuse; thrown once per decoder at most (it then stays failed), no stack trace. */
    private static final class Broken extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient StompViolation violation;

        Broken(StompViolation violation) {
            super(null, null, false, false);
            this.violation = violation;
        }
    }

    /** A byte as a readable token for error details. */
    static String printable(byte b) {
        int v = b & 0xFF;
        return v >= 0x21 && v < 0x7F ? String.valueOf((char) v) : String.format("<0x%02x>", v);
    }

    /** Up to 40 octets of {@code buf[from, to)}, quoted and readable, for error details. */
    static String preview(byte[] buf, int from, int to) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = from; i < Math.min(to, from + 40); i++) {
            byte b = buf[i];
            sb.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : printable(b));
        }
        return sb.append(to - from > 40 ? "…\"" : "\"").toString();
    }

    /** At most 20 chars of {@code s}, for error details. */
    static String clip(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
