package org.wslab.stomp.codec;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.StompViolation;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;
import org.wslab.testkit.Splits;

/** Properties of the codec, per version. */
class StompCodecPropertiesTest {

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    @Test
    void encodeThenDecodeIsIdentityPerVersion() {
        // Rule: STOMP "Value Encoding" + "Header content-length": every representable frame survives
        // encode→decode exactly (escapes undone, values untrimmed, NUL bodies via content-length).
        Props.qt().forAll(arbitrary().enumValues(StompVersion.class).flatMap(FrameGenerators::frames)
                        .zip(arbitrary().enumValues(StompVersion.class), (f, v) -> f))
                .checkAssert(f -> {
                    for (StompVersion v : StompVersion.values()) {
                        if (StompEncoder.check(f, v).isEmpty()) {
                            assertEquals(f, Decoded.of(v, StompEncoder.encode(f, v)).single(), "version " + v);
                        }
                    }
                });
        for (StompVersion v : StompVersion.values()) {
            Props.qt().forAll(FrameGenerators.frames(v)).checkAssert(f ->
                    assertEquals(f, Decoded.of(v, StompEncoder.encode(f, v)).single(), "version " + v));
        }
    }

    @Test
    void anySplitAndAnyGroupingDecodeTheSame() {
        // Rule: STOMP over WebSocket frames are independent of message boundaries: any chopping of
        // the stream (frames split across messages, several per message, heart-beats between)
        // yields the same frames and heart-beats.
        for (StompVersion v : StompVersion.values()) {
            Props.qt(150).forAll(FrameGenerators.frameLists(v, 5), integers().between(0, 3), Splits.cutPoints(8))
                    .checkAssert((frames, beats, cuts) -> {
                        List<byte[]> parts = new ArrayList<>();
                        for (StompFrame f : frames) {
                            parts.add(StompEncoder.encode(f, v));
                            parts.add("\n".repeat(beats).getBytes());
                        }
                        byte[] stream = concat(parts);
                        Decoded whole = Decoded.of(v, StompLimits.DEFAULT, List.of(stream));
                        Decoded chopped = Decoded.of(v, StompLimits.DEFAULT, Splits.apply(stream, cuts));
                        assertEquals(frames, whole.frames());
                        assertEquals(frames, chopped.frames());
                        assertEquals(beats * frames.size(), chopped.heartBeats());
                        assertTrue(chopped.violation().isEmpty());
                    });
        }
    }

    @Test
    void garbageInTypedErrorOut() {
        // Rule: malformed input of any shape ends in a StompViolation, never another exception,
        // and small limits bound what is buffered.
        StompLimits tight = new StompLimits(4, 32, 64);
        Gen2.garbage().forEach(gen -> Props.qt().forAll(gen, Splits.cutPoints(4)).checkAssert((bytes, cuts) -> {
            for (StompVersion v : StompVersion.values()) {
                Decoded d = Decoded.of(v, tight, Splits.apply(bytes, cuts));
                d.violation().ifPresent(x -> assertTrue(x.citation().startsWith("STOMP ")));
            }
        }));
    }

    @Test
    void mutatedFramesEndInFramesOrTypedError() {
        // Rule: flipping any octet of a valid stream still yields frames or a StompViolation.
        Props.qt().forAll(FrameGenerators.frameLists(StompVersion.V1_2, 3), integers().between(0, 100_000),
                integers().between(0, 255)).checkAssert((frames, at, value) -> {
            byte[] stream = concat(frames.stream().map(f -> StompEncoder.encode(f, StompVersion.V1_2)).toList());
            stream[at % stream.length] = (byte) (int) value;
            Decoded d = Decoded.of(StompVersion.V1_2, StompLimits.DEFAULT, List.of(stream));
            d.violation().map(StompViolation::rule).ifPresent(r -> assertTrue(r.section().length() > 0));
        });
    }

    @Test
    void wordScanFindsWhatAByteLoopFinds() {
        // Rule: the SWAR search equals a plain loop for every position and target.
        Props.qt().forAll(ByteGens.bytes(0, 40), integers().between(0, 255), integers().between(0, 40))
                .checkAssert((bytes, target, from) -> {
                    int f = Math.min(from, bytes.length);
                    int expected = -1;
                    for (int i = f; i < bytes.length; i++) {
                        if (bytes[i] == (byte) (int) target) {
                            expected = i;
                            break;
                        }
                    }
                    assertEquals(expected, ByteScan.indexOf(bytes, f, bytes.length, (byte) (int) target));
                });
    }

    /** Garbage generators: raw bytes, and bytes from STOMP's own alphabet (more likely to go deep). */
    static final class Gen2 {
        static List<org.quicktheories.core.Gen<byte[]>> garbage() {
            return List.of(ByteGens.bytes(0, 200),
                    ByteGens.bytesFrom("SENDCONECTMAGcontent-length:0123456789\\ncr\n\r\0:", 0, 200));
        }
    }
}
