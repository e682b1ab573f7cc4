package org.wslab.framing.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Client-to-server masking (RFC 6455 §5.3): octet {@code i} of the payload is XORed with octet
 * {@code i mod 4} of the 32-bit key. Applying it twice is the identity, so the same routine masks
 * and unmasks.
 *
 * <p>{@link #apply} works a 64-bit word at a time through a <em>little-endian</em> long view of
 * the array: the key is rotated to the payload offset where the slice starts, its octets laid out
 * in memory order (the first key octet in the low byte) and doubled into a long. Little-endian is
 * the native order of the machines the JIT vectorizes for, so the loop becomes SIMD XORs; a
 * big-endian view would need a byte swap per word and stays scalar. {@link #copy} does the same
 * while copying (one pass for short payloads; from {@value #COPY_THEN_MASK} octets a bulk copy,
 * then the vectorized in-place loop, which is faster than a fused loop the JIT leaves scalar), {@link #apply(ByteBuffer, int, int,
 * int, long)} serves direct buffers. {@link #applyByteLoop} is the plain reference the property
 * tests compare them with.
 */
public final class Masking {
    private static final VarHandle LONGS =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /** From this length {@link #copy} copies first, then masks in place (measured crossover). */
    static final int COPY_THEN_MASK = 512;

    private Masking() {}

    /**
     * The key as 4 octets in memory order (the octet for {@code payloadOffset} in the low byte),
     * doubled into a little-endian long.
     */
    static long littleEndianWord(int key, long payloadOffset) {
        int le = Integer.reverseBytes(Integer.rotateLeft(key, 8 * (int) (payloadOffset & 3)));
        return (le & 0xFFFFFFFFL) | ((long) le << 32);
    }

    /**
     * Masks {@code buf[off, off+len)} in place, where {@code buf[off]} is octet
     * {@code payloadOffset} of the frame payload.
     */
    public static void apply(byte[] buf, int off, int len, int key, long payloadOffset) {
        if (key == 0 || len <= 0) {
            return;
        }
        long word = littleEndianWord(key, payloadOffset);
        int i = off;
        int end = off + len;
        for (int limit = end - 8; i <= limit; i += 8) {
            LONGS.set(buf, i, (long) LONGS.get(buf, i) ^ word);
        }
        for (; i < end; i++) {
            buf[i] ^= (byte) word;
            word = (word >>> 8) | (word << 56);
        }
    }

    /**
     * Writes {@code src[srcOff, srcOff+len)} masked into {@code dst[dstOff, dstOff+len)} in one
     * pass, where {@code src[srcOff]} is octet {@code payloadOffset} of the frame payload. The
     * ranges must not overlap unless they are the same.
     */
    public static void copy(byte[] src, int srcOff, byte[] dst, int dstOff, int len, int key, long payloadOffset) {
        if (len <= 0) {
            return;
        }
        if (key == 0) {
            System.arraycopy(src, srcOff, dst, dstOff, len);
            return;
        }
        if (len >= COPY_THEN_MASK) {
            // the JIT vectorizes neither a fused copy-and-XOR between two arrays it cannot prove
            // apart nor skips the check; a bulk copy then the in-place loop is faster from here on
            System.arraycopy(src, srcOff, dst, dstOff, len);
            apply(dst, dstOff, len, key, payloadOffset);
            return;
        }
        long word = littleEndianWord(key, payloadOffset);
        int i = 0;
        for (int limit = len - 8; i <= limit; i += 8) {
            LONGS.set(dst, dstOff + i, (long) LONGS.get(src, srcOff + i) ^ word);
        }
        for (; i < len; i++) {
            dst[dstOff + i] = (byte) (src[srcOff + i] ^ (byte) word);
            word = (word >>> 8) | (word << 56);
        }
    }

    /**
     * Masks {@code len} octets of {@code buf} from absolute index {@code index} in place (heap or
     * direct, any byte order; position and limit untouched), where octet {@code index} is octet
     * {@code payloadOffset} of the frame payload.
     */
    public static void apply(ByteBuffer buf, int index, int len, int key, long payloadOffset) {
        if (key == 0 || len <= 0) {
            return;
        }
        if (buf.hasArray()) {
            apply(buf.array(), buf.arrayOffset() + index, len, key, payloadOffset);
            return;
        }
        long le = littleEndianWord(key, payloadOffset);
        long word = buf.order() == ByteOrder.LITTLE_ENDIAN ? le : Long.reverseBytes(le);
        int i = index;
        int end = index + len;
        for (int limit = end - 8; i <= limit; i += 8) {
            buf.putLong(i, buf.getLong(i) ^ word);
        }
        for (; i < end; i++) {
            buf.put(i, (byte) (buf.get(i) ^ (byte) le));
            le = (le >>> 8) | (le << 56);
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
