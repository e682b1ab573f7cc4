package org.wslab.testkit;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.SplittableRandom;
import org.quicktheories.core.Gen;

/**
 * Byte-array generators (QuickTheories has none). Small arrays are built element by element so
 * they shrink to short arrays of small bytes; large ones are drawn from a seed and shrink in length.
 */
public final class ByteGens {
    private ByteGens() {}

    /** Arrays of {@code min..max} arbitrary bytes that shrink element by element (use for max ≲ 4 KiB). */
    public static Gen<byte[]> bytes(int min, int max) {
        return lists().of(integers().between(0, 255)).ofSizeBetween(min, max).map(ByteGens::toArray);
    }

    /** Arrays of {@code min..max} bytes drawn from {@code alphabet}, for readable text-like payloads. */
    public static Gen<byte[]> bytesFrom(String alphabet, int min, int max) {
        return lists().of(integers().between(0, alphabet.length() - 1)).ofSizeBetween(min, max)
                .map(idx -> {
                    byte[] out = new byte[idx.size()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = (byte) alphabet.charAt(idx.get(i));
                    }
                    return out;
                });
    }

    /**
     * Large arrays ({@code min..max} bytes, up to megabytes) filled from a seed: cheap to generate,
     * shrinking only in length. The description prints length and seed, not the bytes.
     */
    public static Gen<byte[]> largeBytes(int min, int max) {
        return integers().between(min, max).zip(longs().all(), (len, seed) -> {
            byte[] out = new byte[len];
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < len; i += 8) {
                long word = random.nextLong();
                for (int j = 0; j < 8 && i + j < len; j++) {
                    out[i + j] = (byte) (word >>> (8 * j));
                }
            }
            return out;
        }).describedAs(b -> "byte[" + b.length + "]");
    }

    private static byte[] toArray(List<Integer> values) {
        byte[] out = new byte[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (int) values.get(i);
        }
        return out;
    }
}
