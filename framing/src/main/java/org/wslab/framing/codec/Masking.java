package org.wslab.framing.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Client-to-server masking (RFC 6455 §5.3): octet {@code i} of the payload is XORed with octet
 * {@code i mod 4} of the 32-bit key. Applying it twice is the identity, so the same routine masks
 * and unmasks.
 *
 * <p>{@link #apply} works a 64-bit word at a time: the key is rotated to the payload offset where
 * the slice starts and doubled into a long. {@link #applyByteLoop} is the plain reference the
 * property tests compare it with.
 */
public final class Masking {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private Masking() {}

    /**
     * Masks {@code buf[off, off+len)} in place, where {@code buf[off]} is octet
     * {@code payloadOffset} of the frame payload.
     */
    public static void apply(byte[] buf, int off, int len, int key, long payloadOffset) {
        if (key == 0 || len == 0) {
            return;
        }
        int rotated = Integer.rotateLeft(key, 8 * (int) (payloadOffset & 3));
        long word = ((long) rotated << 32) | (rotated & 0xFFFFFFFFL);
        int i = off;
        int end = off + len;
        for (int limit = end - 7; i < limit; i += 8) {
            LONGS.set(buf, i, (long) LONGS.get(buf, i) ^ word);
        }
        for (int shift = 0; i < end; i++, shift++) {
            buf[i] ^= (byte) (rotated >>> (24 - 8 * (shift & 3)));
        }
    }

    /** The reference: one octet at a time, straight from the §5.3 formula. */
    public static void applyByteLoop(byte[] buf, int off, int len, int key, long payloadOffset) {
        for (int k = 0; k < len; k++) {
            long j = (payloadOffset + k) % 4;
            int keyOctet = (key >>> (24 - 8 * (int) j)) & 0xFF;
            buf[off + k] = (byte) (buf[off + k] ^ keyOctet);
        }
    }
}
