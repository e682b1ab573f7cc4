package org.wslab.framing.interop;

import java.util.List;
import java.util.SplittableRandom;

/** The interop matrix (RFC 6455 §5.2 length forms): sizes across every length form, up to 16 MiB. */
final class Payloads {
    static final List<Integer> SIZES = List.of(0, 125, 126, 65535, 65536, 16 * 1024 * 1024);

    private Payloads() {}

    static byte[] binary(int size, long seed) {
        byte[] b = new byte[size];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            b[i] = (byte) r.nextInt();
        }
        return b;
    }

    /** ASCII text of exactly {@code size} bytes with some variety. */
    static String text(int size) {
        StringBuilder s = new StringBuilder(size);
        for (int i = 0; i < size; i++) {
            s.append((char) ('a' + (i * 7 + i / 26) % 26));
        }
        return s.toString();
    }
}
