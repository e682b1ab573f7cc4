package org.wslab.framing.tls;

/**
 * Recognises the start of a TLS record (RFC 8446 §5.1: a content type 20–23, then a legacy
 * version 3.x) and of a plain HTTP message, so that a {@code ws://} URL pointed at a TLS port and a
 * {@code wss://} URL pointed at a plain port can each be named for what they are.
 *
 * <pre>
 *   struct { ContentType type;                  // 0x14 change_cipher_spec, 0x15 alert,
 *            ProtocolVersion legacy_record_version;  //   0x16 handshake, 0x17 application_data
 *            uint16 length; opaque fragment[length]; } TLSPlaintext;   // version 0x0301..0x0304
 * </pre>
 */
public final class TlsRecords {
    private static final int CHANGE_CIPHER_SPEC = 0x14;
    private static final int APPLICATION_DATA = 0x17;
    private static final int ALERT = 0x15;

    private TlsRecords() {
    }

    /** Whether {@code head} (at least 3 octets) starts like a TLS record. */
    public static boolean looksLikeTls(byte[] head, int length) {
        if (length < 3) {
            return false;
        }
        int type = head[0] & 0xFF;
        return type >= CHANGE_CIPHER_SPEC && type <= APPLICATION_DATA && head[1] == 3 && (head[2] & 0xFF) <= 4;
    }

    /** Whether {@code head} starts like an HTTP/1.x message or request ({@code HTTP/}, {@code GET }, …). */
    public static boolean looksLikeHttp(byte[] head, int length) {
        String start = new String(head, 0, Math.min(length, 8), java.nio.charset.StandardCharsets.ISO_8859_1);
        return start.startsWith("HTTP/") || start.matches("^[A-Z]{3,7} .*") ;
    }

    /** For a TLS alert record (RFC 8446 §6): its description code, or -1. */
    public static int alertDescription(byte[] head, int length) {
        if (length >= 7 && (head[0] & 0xFF) == ALERT && head[1] == 3) {
            return head[6] & 0xFF;
        }
        return -1;
    }

    /**
     * Up to 40 octets, to the end of a first line, as printable ASCII and others as {@code \xNN}:
     * what a message quotes of unexpected bytes ({@code HTTP/1.1 400 Bad Request}).
     */
    public static String quote(byte[] head, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(length, 40); i++) {
            int b = head[i] & 0xFF;
            if ((b == '\r' || b == '\n') && i > 0 && looksLikeHttp(head, length)) {
                break;
            }
            if (b >= 0x20 && b < 0x7F) {
                text.append((char) b);
            } else {
                text.append(String.format("\\x%02x", b));
            }
        }
        return text.toString();
    }
}
