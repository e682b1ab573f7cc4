package org.wslab.framing.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;
import org.wslab.testkit.Splits;

/**
 * The word-at-a-time, table-driven {@link Utf8Validator} equals the byte-at-a-time
 * {@link Utf8ReferenceValidator} it replaced, call for call, for any bytes cut at any octets
 * (RFC 6455 §8.1: fragments may split code points), and agrees with the JDK's strict decoder.
 * Inputs are long enough to cross the 8- and 32-octet paths, with ASCII runs, every code point
 * length and raw octets mixed.
 */
class Utf8ValidatorPropertiesTest {
    /**
     * ASCII runs (up to {@code maxRun} octets, so the 128-octet skip is crossed), whole code points
     * of every length, octets at the edges of RFC 3629's ranges, raw octets.
     */
    static Gen<byte[]> longMixed(int maxRun) {
        Gen<byte[]> piece = integers().between(0, 7).zip(ByteGens.bytes(0, 3), integers().between(0, 0x10FFFF),
                (kind, raw, n) -> switch (kind) {
                    case 0 -> raw;
                    case 1 -> ascii(n % (maxRun + 1));
                    case 2 -> ascii(n % 9);
                    case 3 -> surrogateOrEdge(n);
                    default -> codePoint(n);
                });
        return lists().of(piece).ofSizeBetween(0, 30).map(ps -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ps.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    /**
     * Dense non-ASCII text (mostly 2-, 3- and 4-octet code points, as CJK is), with now and then
     * an edge sequence, a raw octet or a short ASCII run: exercises the two-lane blocks and
     * their cut at a code point boundary.
     */
    static Gen<byte[]> dense() {
        Gen<byte[]> piece = integers().between(0, 19).zip(ByteGens.bytes(1, 2), integers().between(0x80, 0x10FFFF),
                (kind, raw, n) -> switch (kind) {
                    case 0 -> raw;
                    case 1 -> surrogateOrEdge(n);
                    case 2 -> ascii(n % 5);
                    default -> codePoint(kind < 12 ? 0x800 + n % 0xF800 : n);
                });
        return lists().of(piece).ofSizeBetween(0, 120).map(ps -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ps.forEach(out::writeBytes);
            return out.toByteArray();
        });
    }

    @Test
    void denseTextEqualsTheReferenceForAnySplit() {
        Props.qt().forAll(dense(), Splits.cutPoints(4)).checkAssert((bytes, cuts) -> {
            Utf8Validator fast = new Utf8Validator();
            Utf8ReferenceValidator ref = new Utf8ReferenceValidator();
            for (byte[] piece : Splits.apply(bytes, cuts)) {
                assertEquals(ref.feed(piece), fast.feed(piece));
                assertEquals(ref.failedAt(), fast.failedAt());
                assertEquals(ref.inSequence(), fast.inSequence());
            }
            assertEquals(ref.finish(), fast.finish());
            assertEquals(ref.failedAt(), fast.failedAt());
        });
    }

    private static byte[] ascii(int n) {
        return "a".repeat(n).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] codePoint(int cp) {
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp -= 0x800;
        }
        return new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
    }

    /** Octets at the edges of RFC 3629 §4's ranges: overlongs, surrogates, above U+10FFFF. */
    private static byte[] surrogateOrEdge(int n) {
        int[][] edges = {{0xED, 0xA0, 0x80}, {0xED, 0x9F, 0xBF}, {0xE0, 0x9F, 0xBF}, {0xE0, 0xA0, 0x80},
            {0xF0, 0x8F, 0xBF, 0xBF}, {0xF0, 0x90, 0x80, 0x80}, {0xF4, 0x8F, 0xBF, 0xBF}, {0xF4, 0x90, 0x80, 0x80},
            {0xC1, 0xBF}, {0xC2, 0x80}, {0xF5, 0x80}, {0xFF}, {0xBF}};
        int[] e = edges[n % edges.length];
        byte[] out = new byte[e.length];
        for (int i = 0; i < e.length; i++) {
            out[i] = (byte) e[i];
        }
        return out;
    }

    @Test
    void equalsTheReferenceCallForCallForAnySplit() {
        Props.qt().forAll(longMixed(300), Splits.cutPoints(6)).checkAssert((bytes, cuts) -> {
            Utf8Validator fast = new Utf8Validator();
            Utf8ReferenceValidator ref = new Utf8ReferenceValidator();
            // feed slices of the one array, so offsets other than 0 are exercised
            int from = 0;
            for (int to : points(bytes.length, cuts)) {
                assertEquals(ref.feed(bytes, from, to - from), fast.feed(bytes, from, to - from), "feed " + from);
                assertEquals(ref.failedAt(), fast.failedAt());
                assertEquals(ref.inSequence(), fast.inSequence());
                from = to;
            }
            assertEquals(ref.finish(), fast.finish());
            assertEquals(ref.failedAt(), fast.failedAt());
            // a failed validator keeps answering as before
            assertEquals(ref.feed(bytes, 0, bytes.length), fast.feed(bytes, 0, bytes.length));
        });
    }

    @Test
    void agreesWithTheJdkOracleOnLongInputs() {
        Props.qt().forAll(longMixed(40), Splits.cutPoints(4)).checkAssert((bytes, cuts) -> {
            Utf8Validator v = new Utf8Validator();
            long got = -1;
            for (byte[] piece : Splits.apply(bytes, cuts)) {
                if (v.feed(piece) >= 0) {
                    got = v.failedAt();
                    break;
                }
            }
            if (got < 0 && !v.finish()) {
                got = v.failedAt();
            }
            assertEquals(Utf8Oracle.firstInvalid(bytes), got);
        });
    }

    @Test
    void resetStartsAFreshMessageAfterAFailure() {
        Props.qt().forAll(longMixed(300), longMixed(300)).checkAssert((first, second) -> {
            Utf8Validator reused = new Utf8Validator();
            reused.feed(first);
            reused.finish();
            reused.reset();
            Utf8ReferenceValidator fresh = new Utf8ReferenceValidator();
            assertEquals(fresh.feed(second), reused.feed(second));
            assertEquals(fresh.finish(), reused.finish());
            assertEquals(fresh.failedAt(), reused.failedAt());
        });
    }

    private static List<Integer> points(int length, List<Integer> cuts) {
        TreeSet<Integer> points = new TreeSet<>();
        for (int c : cuts) {
            points.add(c % (length + 1));
        }
        points.add(length);
        return new ArrayList<>(points);
    }
}
