package org.wslab.handshake.jetty;

import java.nio.charset.StandardCharsets;

/**
 * Hand-built frames (RFC 6455 §5.2) for the interop tests, until the framing module replaces them:
 * <pre>
 *  0                   1
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
 * +-+-+-+-+-------+-+-------------+-------------------------------+
 * |F|R|R|R| opcode|M| Payload len |    Masking-key (if MASK)      |
 * </pre>
 */
final class Frames {
    static final int FIN_TEXT = 0x81;
    static final int FIN_CLOSE = 0x88;
    static final int MASK_BIT = 0x80;

    private Frames() {}

    /** A masked (client-to-server, §5.3) frame with a payload under 126 bytes. */
    static byte[] masked(int firstByte, byte[] payload, byte[] mask) {
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) firstByte;
        frame[1] = (byte) (MASK_BIT | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        return frame;
    }

    /** An unmasked (server-to-client) text frame with a payload under 126 bytes. */
    static byte[] unmaskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[2 + payload.length];
        frame[0] = (byte) FIN_TEXT;
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        return frame;
    }
}
