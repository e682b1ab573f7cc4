package org.wslab.lab.client;

import java.util.Random;

/**
 * The one WebSocket frame the handshake probe sends: a client's Close with status 1000 (RFC 6455
 * §5.5.1, §7.4.1), masked as every client frame must be (§5.3). Hand-built here until the
 * {@code framing} module's encoder replaces it.
 *
 * <pre>
 *  byte 0: FIN=1, RSV=000, opcode=0x8 (Close)   -> 0x88
 *  byte 1: MASK=1, payload length=2              -> 0x82
 *  bytes 2-5: masking key
 *  bytes 6-7: 0x03 0xE8 (1000) XOR key[0..1]
 * </pre>
 */
final class CloseFrames {
    private CloseFrames() {}

    /** A masked Close frame carrying 1000 (normal closure) and no reason. */
    static byte[] normalClosureFromClient(Random random) {
        byte[] key = new byte[4];
        random.nextBytes(key);
        return new byte[] {
            (byte) 0x88, (byte) 0x82, key[0], key[1], key[2], key[3],
            (byte) (0x03 ^ key[0]), (byte) (0xE8 ^ key[1])
        };
    }
}
