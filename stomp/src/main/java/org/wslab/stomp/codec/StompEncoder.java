package org.wslab.stomp.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.StompViolation;

/**
 * Writes frames as STOMP octets (STOMP 1.2 "STOMP Frames"): command, LF, {@code name:value} LF
 * per header, LF, body, NUL. Headers are escaped per version except in CONNECT and CONNECTED
 * (STOMP 1.2 "Value Encoding"); lines end with LF only. {@link #check} says whether a frame can
 * be written under a version; {@link #encode} refuses one that cannot.
 */
public final class StompEncoder {
    /** A heart-beat: one EOL (STOMP 1.2 "Heart-beating"). */
    public static final byte[] HEART_BEAT = {'\n'};

    private StompEncoder() {}

    /** Why {@code frame} cannot be written under {@code version}, if it cannot. */
    public static Optional<StompViolation> check(StompFrame frame, StompVersion version) {
        boolean escaped = version.escapes() && frame.command().escapesHeaders();
        for (StompHeader h : frame.headers()) {
            String problem = !validUtf16(h.name()) || !validUtf16(h.value()) ? "unpaired surrogate, not UTF-8"
                    : escaped ? escapedProblem(h) : rawProblem(h);
            if (problem != null) {
                return Optional.of(new StompViolation(StompRule.UNENCODABLE_HEADER, version,
                        frame.command() + " header \"" + h.name() + "\": " + problem));
            }
        }
        byte[] body = frame.body();
        if (body.length > 0 && !frame.command().allowsBody()) {
            return Optional.of(new StompViolation(StompRule.BODY_NOT_ALLOWED, version, frame.command() + " with a body"));
        }
        String cl = frame.header("content-length");
        if (cl != null) {
            if (!FrameWriter.spells(cl, body.length)) {
                return Optional.of(new StompViolation(StompRule.CONTENT_LENGTH_MISMATCH, version,
                        "content-length " + cl + " but body has " + body.length + " octets"));
            }
        } else if (ByteScan.indexOf(body, 0, body.length, (byte) 0) >= 0) {
            return Optional.of(new StompViolation(StompRule.CONTENT_LENGTH_MISMATCH, version,
                    "body contains NUL but has no content-length"));
        }
        return Optional.empty();
    }

    private static String rawProblem(StompHeader h) {
        if (h.name().indexOf(':') >= 0) {
            return "':' in a name cannot be written unescaped";
        }
        if (h.name().indexOf('\n') >= 0 || h.value().indexOf('\n') >= 0) {
            return "LF cannot be written unescaped";
        }
        if (h.value().endsWith("\r")) {
            return "a trailing CR would read as a CR LF line end";
        }
        return null;
    }

    private static String escapedProblem(StompHeader h) {
        return null; // with escaping every character has a spelling; 1.1 keeps a raw CR as data
    }

    private static boolean validUtf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The frame's octets; throws IllegalArgumentException when {@link #check} finds a problem. */
    public static byte[] encode(StompFrame frame, StompVersion version) {
        byte[] octets = FrameWriter.encode(frame, version);
        return octets != null ? octets : general(frame, version);
    }

    /** Any frame, through {@link #check} and a growable writer: the path {@link FrameWriter} is tested against. */
    static byte[] general(StompFrame frame, StompVersion version) {
        Optional<StompViolation> problem = check(frame, version);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get().toString());
        }
        boolean escaped = version.escapes() && frame.command().escapesHeaders();
        Out out = new Out(64 + frame.body().length + frame.headers().size() * 32);
        out.ascii(frame.command().ascii());
        out.put((byte) '\n');
        for (StompHeader h : frame.headers()) {
            out.text(h.name(), escaped, version);
            out.put((byte) ':');
            out.text(h.value(), escaped, version);
            out.put((byte) '\n');
        }
        out.put((byte) '\n');
        out.ascii(frame.body());
        out.put((byte) 0);
        return out.toArray();
    }

    /** A growable byte writer. */
    private static final class Out {
        private byte[] buf;
        private int n;

        Out(int capacity) {
            buf = new byte[capacity];
        }

        void ensure(int more) {
            if (n + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
            }
        }

        void put(byte b) {
            ensure(1);
            buf[n++] = b;
        }

        void ascii(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, n, bytes.length);
            n += bytes.length;
        }

        void text(String s, boolean escaped, StompVersion version) {
            int len = s.length();
            ensure(len * 2);
            for (int i = 0; i < len; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    ascii(encodeRest(s, i, escaped, version));
                    return;
                }
                if (escaped) {
                    if (c == '\\') {
                        buf[n++] = '\\';
                        buf[n++] = '\\';
                        continue;
                    } else if (c == '\n') {
                        buf[n++] = '\\';
                        buf[n++] = 'n';
                        continue;
                    } else if (c == ':') {
                        buf[n++] = '\\';
                        buf[n++] = 'c';
                        continue;
                    } else if (c == '\r' && version == StompVersion.V1_2) {
                        buf[n++] = '\\';
                        buf[n++] = 'r';
                        continue;
                    }
                }
                buf[n++] = (byte) c;
            }
        }

        private static byte[] encodeRest(String s, int from, boolean escaped, StompVersion version) {
            String rest = s.substring(from);
            if (escaped) {
                rest = rest.replace("\\", "\\\\").replace("\n", "\\n").replace(":", "\\c");
                if (version == StompVersion.V1_2) {
                    rest = rest.replace("\r", "\\r");
                }
            }
            return rest.getBytes(StandardCharsets.UTF_8);
        }

        byte[] toArray() {
            return n == buf.length ? buf : Arrays.copyOf(buf, n);
        }
    }
}
