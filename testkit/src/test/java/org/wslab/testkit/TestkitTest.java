package org.wslab.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestkitTest {

    @Test
    void hexRoundTrips() {
        byte[] b = Hex.bytes("81 05 0x48 65\n6c 6c 6f");
        assertArrayEquals(new byte[] {(byte) 0x81, 5, 'H', 'e', 'l', 'l', 'o'}, b);
        assertEquals("81 05 48 65 6c 6c 6f", Hex.of(b));
    }

    // Splitting never loses, duplicates or reorders a byte: concatenating the chunks gives the input.
    @Test
    void splitsConcatenateToTheInput() {
        Props.qt()
                .forAll(ByteGens.bytes(0, 64), Splits.cutPoints(8))
                .check((data, cuts) -> {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    Splits.apply(data, cuts).forEach(out::writeBytes);
                    return java.util.Arrays.equals(data, out.toByteArray());
                });
    }

    @Test
    void everyTwoWaySplitCoversEachPoint() {
        List<List<byte[]>> splits = Splits.everyTwoWaySplit(new byte[] {1, 2, 3});
        assertEquals(4, splits.size());
        assertEquals(1, splits.get(1).get(0).length);
    }

    // A failing property names the seed and the flags that replay it.
    @Test
    void failureCarriesReplayHint() {
        AssertionError e = assertThrows(AssertionError.class, () ->
                Props.qt().forAll(integers().between(0, 10)).check(i -> i < 0));
        assertTrue(e.getMessage().contains("-Dwslab.seed="), e.getMessage());
        assertTrue(e.getMessage().contains("-Dtest='TestkitTest#failureCarriesReplayHint'"),
                "the hint names the test it came from, ready to paste: " + e.getMessage());
    }

    @Test
    void largeBytesHaveTheDrawnLength() {
        Props.qt(20).forAll(ByteGens.largeBytes(0, 1 << 20)).check(b -> b.length <= 1 << 20);
    }

    @Test
    void scaledKeepsAtLeastOne() {
        assertTrue(Props.scaled(1) >= 1);
    }

    // -Dwslab.examples scales a costly property's own count too, so a long run is long everywhere.
    @Test
    void ownCountsFollowTheExampleProperty() {
        String before = System.getProperty(Props.EXAMPLES_PROPERTY);
        try {
            System.setProperty(Props.EXAMPLES_PROPERTY, String.valueOf(Props.DEFAULT_EXAMPLES * 10));
            java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
            Props.qt(20).forAll(integers().all()).check(i -> runs.incrementAndGet() > 0);
            assertEquals(200, runs.get());
        } finally {
            if (before == null) {
                System.clearProperty(Props.EXAMPLES_PROPERTY);
            } else {
                System.setProperty(Props.EXAMPLES_PROPERTY, before);
            }
        }
    }
}
