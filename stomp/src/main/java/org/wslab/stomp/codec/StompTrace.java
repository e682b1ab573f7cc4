package org.wslab.stomp.codec;

import java.nio.charset.StandardCharsets;
import org.wslab.stomp.StompVersion;

/**
 * Renders STOMP octets for people: NUL as {@code ^@}, CR as {@code ^M}, LF as {@code ^J} followed
 * by a real line break, other control octets in caret notation, and invalid UTF-8 as
 * {@code <0xNN>}. Each line is prefixed with the direction ({@code >>>} sent, {@code <<<} received).
 */
public final class StompTrace {
    private StompTrace() {}

    /** The octets of one WebSocket message, each line prefixed by {@code prefix}. */
    public static String render(String prefix, byte[] wire) {
        StringBuilder sb = new StringBuilder(wire.length + 32).append(prefix);
        int i = 0;
        while (i < wire.length) {
            int b = wire[i] & 0xFF;
            if (b == '\n') {
                sb.append("^J\n");
                if (i + 1 < wire.length) {
                    sb.append(prefix);
                }
                i++;
            } else if (b < 0x20 || b == 0x7F) {
                sb.append('^').append((char) (b == 0x7F ? '?' : b + 64));
                i++;
            } else if (b < 0x80) {
                sb.append((char) b);
                i++;
            } else {
                int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
                String s = len > 0 && i + len <= wire.length ? decodeOne(wire, i, len) : null;
                if (s == null) {
                    sb.append(String.format("<0x%02x>", b));
                    i++;
                } else {
                    sb.append(s);
                    i += len;
                }
            }
        }
        return sb.toString();
    }

    /**
     * The line a trace starts with: the WebSocket sub-protocol and the STOMP version are agreed
     * separately (RFC 6455 §4.2.2 vs STOMP 1.2 "Protocol Negotiation"), so a trace shows both.
     */
    public static String banner(String subProtocol, StompVersion version) {
        return "# WebSocket sub-protocol: " + (subProtocol == null ? "(none)" : subProtocol)
                + ", STOMP version: " + (version == null ? "(not negotiated yet)" : version.text());
    }

    /** A sent frame's octets under {@code version}. */
    public static String sent(StompFrame frame, StompVersion version) {
        return render(">>> ", StompEncoder.encode(frame, version));
    }

    private static String decodeOne(byte[] wire, int at, int len) {
        for (int k = 1; k < len; k++) {
            if ((wire[at + k] & 0xC0) != 0x80) {
                return null;
            }
        }
        String s = new String(wire, at, len, StandardCharsets.UTF_8);
        return s.length() >= 1 && s.indexOf('\uFFFD') < 0 ? s : null;
    }
}
