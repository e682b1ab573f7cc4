package org.wslab.stomp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.wslab.stomp.StompVersion;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;
import org.wslab.testkit.Splits;

/**
 * The fast paths equal the reference paths they sit beside, for any input and any split: the
 * decoder that reuses repeated header lines ({@link HeaderLineCache}) against one decoding every
 * line afresh, and {@link FrameWriter} against {@link StompEncoder#general}.
 */
class StompFastPathPropertiesTest {

    /** What one decoder makes of {@code messages}, switching to version {@code to} before message {@code switchAt}. */
    private static final class Run {
        static Decoded of(boolean cache, StompVersion v, StompLimits limits, List<byte[]> messages, int switchAt, StompVersion to) {
            StompDecoder d = new StompDecoder(v, limits, cache);
            return Decoded.of(d, messages, i -> {
                if (i == switchAt) {
                    d.version(to);
                }
            });
        }
    }

    private static byte[] stream(List<StompFrame> frames, StompVersion v, int repeats) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int r = 0; r < repeats; r++) {
            frames.forEach(f -> out.writeBytes(StompEncoder.encode(f, v)));
        }
        return out.toByteArray();
    }

    private static void sameRuns(StompVersion v, StompLimits limits, List<byte[]> messages, int switchAt, StompVersion to) {
        Decoded reference = Run.of(false, v, limits, messages, switchAt, to);
        assertEquals(reference, Run.of(true, v, limits, messages, switchAt, to));
    }

    @Test
    void repeatedFramesDecodeAsWithoutTheCacheForAnySplit() {
        // STOMP 1.2 "STOMP Frames": a line remembered from an earlier frame decodes to what decoding it gives
        for (StompVersion v : StompVersion.values()) {
            Props.qt(150).forAll(FrameGenerators.frameLists(v, 4), integers().between(1, 3), Splits.cutPoints(8))
                    .checkAssert((frames, repeats, cuts) -> {
                        byte[] s = stream(frames, v, repeats);
                        sameRuns(v, StompLimits.DEFAULT, Splits.apply(s, cuts), -1, v);
                        assertEquals(repeats * frames.size(), Run.of(true, v, StompLimits.DEFAULT, List.of(s), -1, v).frames().size());
                    });
        }
    }

    @Test
    void aFlippedOctetInARepeatedStreamGivesTheSameFramesOrTheSameError() {
        // a line that differs from the remembered one by one octet must not be taken for it
        Props.qt().forAll(arbitrary().enumValues(StompVersion.class).flatMap(v -> FrameGenerators.frameLists(v, 3)),
                        integers().between(0, 100_000), integers().between(0, 255), Splits.cutPoints(4))
                .checkAssert((frames, at, value, cuts) -> {
                    for (StompVersion v : StompVersion.values()) {
                        byte[] s = stream(frames, StompVersion.V1_2, 2);
                        s[s.length / 2 + at % (s.length - s.length / 2)] = (byte) (int) value;
                        sameRuns(v, new StompLimits(4, 32, 64), Splits.apply(s, cuts), -1, v);
                        sameRuns(v, StompLimits.DEFAULT, Splits.apply(s, cuts), -1, v);
                    }
                });
    }

    @Test
    void garbageGivesTheSameTypedErrorWithAndWithoutTheCache() {
        List<Gen<byte[]>> garbage = List.of(ByteGens.bytes(0, 300),
                ByteGens.bytesFrom("SENDMESAGCONTpasscode-length:0123456789\\ncr\n\r\0:", 0, 300));
        garbage.forEach(gen -> Props.qt().forAll(gen, Splits.cutPoints(4)).checkAssert((bytes, cuts) -> {
            for (StompVersion v : StompVersion.values()) {
                sameRuns(v, new StompLimits(4, 32, 64), Splits.apply(bytes, cuts), -1, v);
                sameRuns(v, StompLimits.DEFAULT, List.of(bytes, bytes, bytes), -1, v);
            }
        }));
    }

    @Test
    void aVersionSwitchForgetsLinesDecodedUnderTheOldRules() {
        // STOMP 1.2 "Value Encoding": "\r" is an escape in 1.2 only, so the same octets decode differently
        Props.qt().forAll(FrameGenerators.frameLists(StompVersion.V1_1, 3), arbitrary().enumValues(StompVersion.class),
                        arbitrary().enumValues(StompVersion.class))
                .checkAssert((frames, from, to) -> {
                    byte[] s = stream(frames, StompVersion.V1_1, 1);
                    sameRuns(from, StompLimits.DEFAULT, List.of(s, s, s), 1, to);
                    sameRuns(from, StompLimits.DEFAULT, List.of(s, s, s), 2, to);
                });
        byte[] cr = "SEND\nx:a\\rb\n\n\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Decoded r = Run.of(true, StompVersion.V1_2, StompLimits.DEFAULT, List.of(cr, cr), 1, StompVersion.V1_1);
        assertEquals("a\rb", r.frames().get(0).header("x"));
        assertEquals(1, r.frames().size()); // 1.1 has no \r escape: the second is refused, not taken from the cache
    }

    @Test
    void theExactSizeWriterEqualsTheGeneralPath() {
        // STOMP 1.2 "Value Encoding": same octets for every frame and version, or the same refusal
        for (StompVersion drawn : StompVersion.values()) {
            Props.qt().forAll(FrameGenerators.frames(drawn).map(StompFastPathPropertiesTest::ascii)).checkAssert(f -> {
                for (StompVersion v : StompVersion.values()) {
                    if (StompEncoder.check(f, v).isPresent()) {
                        String expected = assertThrows(IllegalArgumentException.class, () -> StompEncoder.general(f, v)).getMessage();
                        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> StompEncoder.encode(f, v)).getMessage());
                    } else {
                        assertEquals(java.util.Arrays.toString(StompEncoder.general(f, v)),
                                java.util.Arrays.toString(StompEncoder.encode(f, v)), f + " in " + v);
                    }
                }
                if (StompEncoder.check(f, drawn).isEmpty() && f.toString().chars().allMatch(c -> c < 0x80)) {
                    assertNotNull(FrameWriter.encode(f, drawn), "an ASCII frame takes the exact-size path: " + f);
                }
            });
        }
    }

    @Test
    void aRepeatedLineGivesTheSameEntryButAPasscodeIsNeverKept() {
        byte[] msg = "MESSAGE\ndestination:/a\nmessage-id:1\n\n\0MESSAGE\ndestination:/a\nmessage-id:2\n\n\0".getBytes();
        List<StompFrame> two = Run.of(true, StompVersion.V1_2, StompLimits.DEFAULT, List.of(msg), -1, null).frames();
        assertSame(two.get(0).headers().get(0), two.get(1).headers().get(0));
        assertEquals("2", two.get(1).header("message-id"));
        byte[] connect = "CONNECT\npasscode:pw\n\n\0".getBytes();
        List<StompFrame> c = Run.of(true, StompVersion.V1_2, StompLimits.DEFAULT, List.of(connect, connect), -1, null).frames();
        assertNotSame(c.get(0).headers().get(0), c.get(1).headers().get(0));
        assertEquals("pw", c.get(1).header("passcode"));
    }

    @Test
    void wordScansEqualByteLoops() {
        // the SWAR checks behind the fast paths give what a plain loop gives, for any octets and start
        Props.qt().forAll(ByteGens.bytesFrom("ab\\\n\r:\u00e9\u0080z", 0, 40), integers().between(0, 40), arbitrary().pick(true, false))
                .checkAssert((bytes, from, flag) -> {
                    int f = Math.min(from, bytes.length);
                    boolean plain = true;
                    boolean special = false;
                    for (int i = f; i < bytes.length; i++) {
                        byte b = bytes[i];
                        plain &= b >= 0 && !(flag && b == '\\');
                        special |= b == '\n' || b == ':' || b == '\\' || (flag && b == '\r');
                    }
                    assertEquals(plain, ByteScan.plain(bytes, f, bytes.length, flag));
                    assertEquals(special, ByteScan.anyOf(bytes, f, bytes.length, flag));
                });
    }

    /** The frame with its non-ASCII header text made ASCII (every other feature kept), half of the time. */
    private static StompFrame ascii(StompFrame f) {
        if (f.headers().size() % 2 == 1) {
            return f;
        }
        List<StompHeader> hs = new ArrayList<>();
        for (StompHeader h : f.headers()) {
            hs.add(new StompHeader(h.name().replaceAll("[^\\x00-\\x7F]", "u"), h.value().replaceAll("[^\\x00-\\x7F]", "u")));
        }
        return new StompFrame(f.command(), hs, f.body());
    }
}
