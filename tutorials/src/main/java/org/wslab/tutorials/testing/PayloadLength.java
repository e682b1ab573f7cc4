package org.wslab.tutorials.testing;

/**
 * The payload length of a WebSocket frame header, RFC 6455 §5.2: seven bits for 0–125; 126 then
 * a 16-bit length; 127 then a 64-bit length, all in network byte order. A server frame's header
 * (no mask) is written by {@link #encode} and read back by {@link #decode} — and by
 * {@link #decodeBroken}, the version with a bug the chapter "Testing the protocol" lets a
 * property find.
 */
public final class PayloadLength {
    private PayloadLength() {
    }

    /** The header of an unmasked final binary frame carrying {@code length} bytes (RFC 6455 §5.2). */
    public static byte[] encode(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("RFC 6455 §5.2: a payload length is not negative: " + length);
        }
        if (length <= 125) {
            return new byte[] {(byte) 0x82, (byte) length};
        }
        if (length <= 0xFFFF) {
            return new byte[] {(byte) 0x82, 126, (byte) (length >>> 8), (byte) length};
        }
        byte[] h = new byte[10];
        h[0] = (byte) 0x82;
        h[1] = 127;
        for (int i = 0; i < 8; i++) {
            h[2 + i] = (byte) (length >>> (56 - 8 * i));
        }
        return h;
    }

    // tag::broken[]
    /** Reads the payload length from {@code header} — with a bug. */
    public static long decodeBroken(byte[] header) {
        int len7 = header[1] & 0x7F;
        if (len7 <= 125) {
            return len7;
        }
        if (len7 == 126) {
            return (header[2] << 8) | header[3]; // <1>
        }
        long length = 0;
        for (int i = 2; i < 10; i++) {
            length = (length << 8) | (header[i] & 0xFF);
        }
        return length;
    }
    // end::broken[]

    // tag::fixed[]
    /** Reads the payload length from {@code header}. */
    public static long decode(byte[] header) {
        int len7 = header[1] & 0x7F;
        if (len7 <= 125) {
            return len7;
        }
        if (len7 == 126) {
            return ((header[2] & 0xFF) << 8) | (header[3] & 0xFF); // <1>
        }
        long length = 0;
        for (int i = 2; i < 10; i++) {
            length = (length << 8) | (header[i] & 0xFF);
        }
        return length;
    }
    // end::fixed[]
}
