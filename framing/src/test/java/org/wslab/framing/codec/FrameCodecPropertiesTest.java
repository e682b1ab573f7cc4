package org.wslab.framing.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;
import org.wslab.testkit.Splits;

/** Round trips, any split of the stream, and garbage in → typed error out (RFC 6455 §5.2). */
class FrameCodecPropertiesTest {
    private static final DecoderSettings ANY_RSV_SERVER = DecoderSettings.defaults(Role.SERVER).withAllowedRsv(7);
    private static final DecoderSettings ANY_RSV_CLIENT = DecoderSettings.defaults(Role.CLIENT).withAllowedRsv(7);

    static byte[] concat(List<byte[]> parts) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        ByteBuffer b = ByteBuffer.allocate(n);
        parts.forEach(b::put);
        return b.array();
    }

    /** Decodes chunk by chunk; returns the frames, failing the test on any error. */
    static List<Frame> decodeChunks(DecoderSettings settings, List<byte[]> chunks) {
        FrameDecoder decoder = new FrameDecoder(settings);
        List<Frame> out = new ArrayList<>();
        for (byte[] chunk : chunks) {
            ByteBuffer in = ByteBuffer.wrap(chunk);
            DecodeResult r;
            while ((r = decoder.decode(in)) instanceof DecodeResult.Decoded d) {
                out.add(d.frame());
            }
            if (r instanceof DecodeResult.Failed f) {
                throw new AssertionError(f.error().toString());
            }
        }
        return out;
    }

    @Test
    void clientFramesDecodeOnTheServerAsSent() {
        // §5.2/§5.3: decode(encode(f)) == f for a client (masked, fresh key per frame)
        SplittableRandom keys = new SplittableRandom(1);
        FrameEncoder client = new FrameEncoder(Role.CLIENT, keys::nextInt);
        Props.qt().forAll(FrameGenerators.frameLists(6, 300)).checkAssert(frames -> {
            List<Frame> sent = frames.stream().map(client::stamp).toList();
            byte[] wire = concat(sent.stream().map(FrameEncoder::toBytes).toList());
            assertEquals(sent, decodeChunks(ANY_RSV_SERVER, List.of(wire)));
        });
    }

    @Test
    void serverFramesDecodeOnTheClientAsSent() {
        // §5.1: a server never masks, and its frames decode unchanged
        FrameEncoder server = new FrameEncoder(Role.SERVER);
        Props.qt().forAll(FrameGenerators.frameLists(6, 300)).checkAssert(frames -> {
            byte[] wire = concat(frames.stream().map(server::encode).toList());
            assertEquals(frames, decodeChunks(ANY_RSV_CLIENT, List.of(wire)));
        });
    }

    @Test
    void anySplitOfTheStreamYieldsTheSameFrames() {
        // §5.2 is a byte stream: frame boundaries owe nothing to read boundaries
        SplittableRandom keys = new SplittableRandom(2);
        FrameEncoder client = new FrameEncoder(Role.CLIENT, keys::nextInt);
        Props.qt().forAll(FrameGenerators.frameLists(5, 200), Splits.cutPoints(12)).checkAssert((frames, cuts) -> {
            List<Frame> sent = frames.stream().map(client::stamp).toList();
            byte[] wire = concat(sent.stream().map(FrameEncoder::toBytes).toList());
            assertEquals(sent, decodeChunks(ANY_RSV_SERVER, Splits.apply(wire, cuts)));
        });
    }

    @Test
    void lengthFormsAreMinimalAtEveryBoundary() {
        // §5.2: "the minimal number of bytes MUST be used to encode the length" — strict decode accepts ours
        Props.qt(20).forAll(FrameGenerators.boundaryFrames()).checkAssert(frame -> {
            byte[] wire = new FrameEncoder(Role.SERVER).encode(frame);
            assertEquals(FrameEncoder.headerLength(frame.length(), false) + frame.length(), wire.length);
            assertEquals(List.of(frame), decodeChunks(DecoderSettings.defaults(Role.CLIENT), List.of(wire)));
        });
    }

    @Test
    void garbageEndsInFramesOrATypedErrorNeverAnException() {
        // §7.1.7: any byte sequence either parses or fails with a close code; nothing else escapes,
        // and the 1 KiB limit bounds every payload allocated
        Props.qt().forAll(ByteGens.bytes(0, 400), Splits.cutPoints(6), integers().between(0, 1))
                .checkAssert((bytes, cuts, role) -> {
                    DecoderSettings s = DecoderSettings.defaults(Role.values()[role]).withMaxFramePayload(1024)
                            .withAllowedRsv(role == 0 ? 0 : Frame.RSV1);
                    FrameDecoder decoder = new FrameDecoder(s);
                    for (byte[] chunk : Splits.apply(bytes, cuts)) {
                        ByteBuffer in = ByteBuffer.wrap(chunk);
                        DecodeResult r;
                        while ((r = decoder.decode(in)) instanceof DecodeResult.Decoded d) {
                            org.junit.jupiter.api.Assertions.assertTrue(d.frame().length() <= 1024);
                        }
                        if (r instanceof DecodeResult.Failed f) {
                            assertEquals(f.error().violation().closeCode(), f.error().closeCode());
                            return;
                        }
                        assertEquals(0, in.remaining());
                    }
                });
    }
}
