package org.wslab.stomp.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds a byte eight at a time (SWAR): STOMP decoding is a search for LF, ':' and NUL, and a
 * word-at-a-time loop beats a byte-at-a-time one on bodies and long header lines.
 */
final class ByteScan {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteScan() {}

    /** Index of the first {@code target} in {@code buf[from, to)}, or -1. */
    static int indexOf(byte[] buf, int from, int to, byte target) {
        long pattern = (target & 0xFFL) * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(buf, i) ^ pattern;
            long t = (v - ONES) & ~v & HIGHS;
            if (t != 0) {
                return i + (Long.numberOfTrailingZeros(t) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (buf[i] == target) {
                return i;
            }
        }
        return -1;
    }

    /** True when {@code buf[from, to)} holds no octet above 0x7F and, if {@code noBackslash}, no {@code '\\'}. */
    static boolean plain(byte[] buf, int from, int to, boolean noBackslash) {
        long backslash = noBackslash ? '\\' * ONES : 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(buf, i);
            long x = v ^ backslash;
            long found = noBackslash ? (x - ONES) & ~x & HIGHS : 0;
            if (((v & HIGHS) | found) != 0) {
                return false;
            }
        }
        for (; i < to; i++) {
            byte b = buf[i];
            if (b < 0 || (b == '\\' && noBackslash)) {
                return false;
            }
        }
        return true;
    }

    /** True when {@code buf[from, to)} holds LF, ':', a backslash, or (if {@code cr}) CR: an octet STOMP 1.1/1.2 escapes. */
    static boolean anyOf(byte[] buf, int from, int to, boolean cr) {
        long crs = cr ? '\r' * ONES : '\n' * ONES;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long v = (long) LONGS.get(buf, i);
            if ((zero(v ^ ('\n' * ONES)) | zero(v ^ (':' * ONES)) | zero(v ^ ('\\' * ONES)) | zero(v ^ crs)) != 0) {
                return true;
            }
        }
        for (; i < to; i++) {
            byte b = buf[i];
            if (b == '\n' || b == ':' || b == '\\' || (b == '\r' && cr)) {
                return true;
            }
        }
        return false;
    }

    /** The high bit of each zero octet of {@code x} set (exact when tested for any, as here). */
    private static long zero(long x) {
        return (x - ONES) & ~x & HIGHS;
    }
}
