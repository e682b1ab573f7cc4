package org.wslab.testkit;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.quicktheories.core.Gen;

/**
 * "Any split of the input": cut points that chop a byte stream into chunks, the way TCP may
 * deliver it. Cut points shrink towards few and small, so a failing case reads as
 * "split after byte 3".
 */
public final class Splits {
    private Splits() {}

    /** Up to {@code maxCuts} raw cut points; {@link #apply} folds them into the data's length. */
    public static Gen<List<Integer>> cutPoints(int maxCuts) {
        return lists().of(integers().between(0, Integer.MAX_VALUE - 1)).ofSizeBetween(0, maxCuts);
    }

    /** Chops {@code data} at the given points (each taken modulo {@code data.length + 1}). */
    public static List<byte[]> apply(byte[] data, List<Integer> cuts) {
        TreeSet<Integer> points = new TreeSet<>();
        for (int c : cuts) {
            points.add(c % (data.length + 1));
        }
        points.add(data.length);
        List<byte[]> chunks = new ArrayList<>();
        int from = 0;
        for (int to : points) {
            chunks.add(Arrays.copyOfRange(data, from, to));
            from = to;
        }
        return chunks;
    }

    /** Every split of {@code data} into two chunks, at each of its {@code length + 1} points. */
    public static List<List<byte[]>> everyTwoWaySplit(byte[] data) {
        List<List<byte[]>> all = new ArrayList<>();
        for (int i = 0; i <= data.length; i++) {
            all.add(List.of(Arrays.copyOfRange(data, 0, i), Arrays.copyOfRange(data, i, data.length)));
        }
        return all;
    }
}
