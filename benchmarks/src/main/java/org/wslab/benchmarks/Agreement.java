package org.wslab.benchmarks;

import java.util.Arrays;
import java.util.Objects;

/**
 * The check every benchmark's set-up runs before it is timed: all implementations compared in
 * one benchmark produce the same output for its input, so a fast wrong answer cannot win. A
 * disagreement stops the run with {@link Disagreement}, naming the implementation and where its
 * output first differs.
 */
public final class Agreement {
    private Agreement() {}

    /** Thrown by a set-up whose implementations disagree: the benchmark must not be timed. */
    public static final class Disagreement extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Disagreement(String message) {
            super(message);
        }
    }

    /** {@code actual} (what {@code who} produced) equals {@code expected} octet for octet. */
    public static void sameBytes(String who, byte[] expected, byte[] actual) {
        if (!Arrays.equals(expected, actual)) {
            int at = Arrays.mismatch(expected, actual);
            throw new Disagreement(who + " differs from wslab at octet " + at + " of "
                    + expected.length + " (its output has " + actual.length + " octets)");
        }
    }

    /** {@code actual} (what {@code who} produced) equals {@code expected}. */
    public static <T> void same(String who, T expected, T actual) {
        if (!Objects.equals(expected, actual)) {
            throw new Disagreement(who + " gives " + cut(actual) + ", wslab " + cut(expected));
        }
    }

    /** A condition the set-up needs, with what it means when it fails. */
    public static void require(boolean condition, String what) {
        if (!condition) {
            throw new Disagreement(what);
        }
    }

    private static String cut(Object value) {
        String s = String.valueOf(value);
        return s.length() <= 120 ? s : s.substring(0, 117) + "...";
    }
}
