package org.wslab.framing.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;
import org.wslab.testkit.Splits;

/**
 * The fast paths (header read in place, unmasking while copying, the allocation-free
 * {@link FrameSink} delivery, the zero-copy {@link FrameViewSink} one) decode exactly as the decoder did before them
 * ({@link FrameDecoderReference}): RFC 6455 §5.2 frames from any stream, any split, heap or
 * direct or read-only or little-endian buffers, any settings — same frames, same typed error with
 * the same detail, same octets consumed, same buffered capacity after every call.
 */
class FrameDecoderEquivalencePropertiesTest {
    private static final long[] LIMITS = {0, 1, 125, 126, 300, 65_535, 65_536, DecoderSettings.DEFAULT_MAX_FRAME};

    /** What one call did, as both decoders must report it. */
    private record Step(String what, int consumed, boolean atBoundary, int capacity) {}

    @Test
    void validStreamsDecodeAsBefore() {
        // frames the peer may send (§5.1: masked from a client), cut anywhere
        Props.qt().forAll(FrameGenerators.frameLists(6, 300), integers().between(0, 1), Splits.cutPoints(10), longs().all())
                .checkAssert((frames, role, cuts, seed) -> {
                    Role peer = Role.values()[role];
                    SplittableRandom keys = new SplittableRandom(seed);
                    FrameEncoder enc = new FrameEncoder(peer, keys::nextInt);
                    byte[] wire = FrameCodecPropertiesTest.concat(frames.stream().map(enc::encode).toList());
                    DecoderSettings s = DecoderSettings.defaults(peer.peer()).withAllowedRsv(7);
                    compare(s, Splits.apply(wire, cuts), seed);
                });
    }

    @Test
    void corruptedStreamsFailOrDecodeAsBefore() {
        // a valid stream with octets overwritten, cut short, under random limits: the same frames,
        // then the same typed error (or the same need for more) as before
        Props.qt().forAll(FrameGenerators.frameLists(4, 200), settings(), Splits.cutPoints(8), longs().all())
                .checkAssert((frames, s, cuts, seed) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    FrameEncoder enc = new FrameEncoder(s.localRole().peer(), random::nextInt);
                    byte[] wire = FrameCodecPropertiesTest.concat(frames.stream().map(enc::encode).toList());
                    for (int i = random.nextInt(4); i > 0 && wire.length > 0; i--) {
                        wire[random.nextInt(Math.min(wire.length, 16))] = (byte) random.nextInt(256);
                    }
                    int keep = random.nextBoolean() ? wire.length : random.nextInt(wire.length + 1);
                    compare(s, Splits.apply(Arrays.copyOf(wire, keep), cuts), seed);
                });
    }

    @Test
    void garbageFailsOrDecodesAsBefore() {
        // any octets at all (§7.1.7): the same outcome, error detail included
        Props.qt().forAll(ByteGens.bytes(0, 300), settings(), Splits.cutPoints(6), longs().all())
                .checkAssert((bytes, s, cuts, seed) -> compare(s, Splits.apply(bytes, cuts), seed));
    }

    @Test
    void longLengthFormsDecodeAsBefore() {
        // 16- and 64-bit lengths, both roles, split inside the extended length and the key
        Props.qt(60).forAll(integers().between(120, 70_000), integers().between(0, 1), Splits.cutPoints(5), longs().all())
                .checkAssert((n, role, cuts, seed) -> {
                    Role peer = Role.values()[role];
                    byte[] payload = new byte[n];
                    new SplittableRandom(seed).nextBytes(payload);
                    byte[] wire = new FrameEncoder(peer, () -> (int) (long) seed).encode(Frame.binary(payload));
                    compare(DecoderSettings.defaults(peer.peer()), Splits.apply(wire, cuts), seed);
                });
    }

    private static Gen<DecoderSettings> settings() {
        return integers().between(0, 1).zip(integers().between(0, 7), integers().between(0, LIMITS.length - 1),
                integers().between(0, 1), (role, rsv, limit, strict) -> new DecoderSettings(Role.values()[role], rsv,
                        LIMITS[limit], strict == 1));
    }

    /** Runs the reference on heap buffers and the new decoder on buffers and APIs drawn from {@code seed}. */
    private static void compare(DecoderSettings settings, List<byte[]> chunks, long seed) {
        SplittableRandom choice = new SplittableRandom(seed ^ 0x5DEECE66DL);
        assertEquals(reference(settings, chunks), current(settings, chunks, choice));
    }

    private static List<Step> reference(DecoderSettings settings, List<byte[]> chunks) {
        FrameDecoderReference d = new FrameDecoderReference(settings);
        List<Step> steps = new ArrayList<>();
        for (byte[] chunk : chunks) {
            ByteBuffer in = ByteBuffer.wrap(chunk);
            while (true) {
                DecodeResult r = d.decode(in);
                steps.add(new Step(describe(r), in.position(), d.atFrameBoundary(), d.bufferedCapacity()));
                if (r instanceof DecodeResult.Failed) {
                    return steps;
                }
                if (r instanceof DecodeResult.NeedMore) {
                    break;
                }
            }
        }
        return steps;
    }

    private static List<Step> current(DecoderSettings settings, List<byte[]> chunks, SplittableRandom choice) {
        FrameDecoder d = new FrameDecoder(settings);
        List<Step> steps = new ArrayList<>();
        for (byte[] chunk : chunks) {
            ByteBuffer in = buffer(chunk.clone(), choice.nextInt(5)); // in place: the reference's chunks stay as sent
            int start = in.position();
            while (true) {
                String what;
                boolean more;
                boolean failed;
                int api = choice.nextInt(3);
                if (api == 0) {
                    DecodeResult r = d.decode(in);
                    what = describe(r);
                    failed = r instanceof DecodeResult.Failed;
                    more = r instanceof DecodeResult.NeedMore;
                } else {
                    Frame[] got = new Frame[1];
                    DecodeStep s = api == 1
                            ? d.decode(in, (fin, rsv, op, masked, key, payload) ->
                                    got[0] = new Frame(fin, rsv, op, masked, key, payload))
                            : d.decodeInPlace(in, (fin, rsv, op, masked, key, buf, off, len) ->
                                    got[0] = new Frame(fin, rsv, op, masked, key, Arrays.copyOfRange(buf, off, off + len)));
                    failed = s == DecodeStep.FAILED;
                    more = s == DecodeStep.NEED_MORE;
                    what = failed ? "failed " + d.error().orElseThrow() : more ? "need more" : "frame " + describe(got[0]);
                }
                steps.add(new Step(what, in.position() - start, d.atFrameBoundary(), d.bufferedCapacity()));
                if (failed) {
                    return steps;
                }
                if (more) {
                    break;
                }
            }
        }
        return steps;
    }

    private static String describe(DecodeResult r) {
        if (r instanceof DecodeResult.Decoded dd) {
            return "frame " + describe(dd.frame());
        }
        return r instanceof DecodeResult.Failed f ? "failed " + f.error() : "need more";
    }

    private static String describe(Frame f) {
        return f + " " + java.util.HexFormat.of().formatHex(f.payload());
    }

    /** The chunk as a heap, direct, read-only, little-endian, or offset-slice buffer. */
    private static ByteBuffer buffer(byte[] chunk, int kind) {
        return switch (kind) {
            case 0 -> ByteBuffer.wrap(chunk);
            case 1 -> ByteBuffer.allocateDirect(chunk.length).put(chunk).flip();
            case 2 -> ByteBuffer.wrap(chunk).asReadOnlyBuffer();
            case 3 -> ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
            default -> {
                ByteBuffer big = ByteBuffer.allocate(chunk.length + 7);
                big.position(3);
                ByteBuffer slice = big.slice();
                slice.put(chunk).flip();
                yield slice.position(0).limit(chunk.length);
            }
        };
    }
}
