package org.wslab.framing.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.testkit.Hex;
import org.wslab.testkit.Props;
import org.wslab.testkit.Splits;

/**
 * The decoder's memory follows the bytes received, not the length a header claims (DESIGN.md
 * "never an unbounded allocation"; RFC 6455 §10.4 "limits on frame size"): a peer cannot make us
 * hold 16 MiB per connection by sending headers alone.
 */
class FrameDecoderMemoryTest {
    private static final int MAX = (int) DecoderSettings.DEFAULT_MAX_FRAME;
    private static final int KIB64 = FrameDecoder.INITIAL_PAYLOAD_BUFFER;

    /** A server-to-client binary frame header claiming {@code n} payload bytes (minimal form). */
    private static byte[] header(int n) {
        ByteBuffer b = ByteBuffer.allocate(10);
        b.put((byte) 0x82);
        if (n <= 125) {
            b.put((byte) n);
        } else if (n <= 0xFFFF) {
            b.put((byte) 126).putShort((short) n);
        } else {
            b.put((byte) 127).putLong(n);
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    @Test
    void aHeaderAloneAllocatesNoPayload() {
        // a 16 MiB claim with no payload yet holds nothing
        FrameDecoder d = new FrameDecoder(DecoderSettings.defaults(Role.CLIENT));
        assertInstanceOf(DecodeResult.NeedMore.class, d.decode(ByteBuffer.wrap(Hex.bytes("82 7f 00 00 00 00 01 00 00 00"))));
        assertEquals(0, d.bufferedCapacity());
        assertEquals(false, d.atFrameBoundary());
    }

    @Test
    void capacityFollowsTheBytesReceivedNotTheClaim() {
        // after a header claiming N and K < N payload bytes in any chunks: capacity ≤ max(64 KiB, 2·K)
        Props.qt(60).forAll(integers().between(1, MAX), integers().between(0, 300_000), Splits.cutPoints(6))
                .checkAssert((claimed, k0, cuts) -> {
                    int k = Math.min(k0, claimed - 1);
                    FrameDecoder d = new FrameDecoder(DecoderSettings.defaults(Role.CLIENT));
                    assertInstanceOf(DecodeResult.NeedMore.class, d.decode(ByteBuffer.wrap(header(claimed))));
                    for (byte[] chunk : Splits.apply(new byte[k], cuts)) {
                        assertInstanceOf(DecodeResult.NeedMore.class, d.decode(ByteBuffer.wrap(chunk)));
                        assertTrue(d.bufferedCapacity() <= claimed, "never past the claim");
                    }
                    assertTrue(d.bufferedCapacity() <= Math.max(KIB64, 2 * k),
                            () -> "claimed " + claimed + ", received " + k + ", capacity " + d.bufferedCapacity());
                });
    }

    @Test
    void aPayloadArrivingInPiecesStillDecodesExactly() {
        // growth is invisible in the result: the frame's payload is exactly the bytes sent (§5.2)
        Props.qt(20).forAll(integers().between(KIB64 - 10, 3 * KIB64), Splits.cutPoints(8)).checkAssert((n, cuts) -> {
            byte[] payload = new byte[n];
            for (int i = 0; i < n; i++) {
                payload[i] = (byte) (i * 31);
            }
            byte[] wire = FrameEncoder.toBytes(Frame.binary(payload));
            FrameDecoder d = new FrameDecoder(DecoderSettings.defaults(Role.CLIENT));
            List<Frame> got = FrameCodecPropertiesTest.decodeChunks(d.settings(), Splits.apply(wire, cuts));
            assertEquals(List.of(Frame.binary(payload)), got);
        });
    }

    @Test
    void aWholePayloadInTheInputIsAllocatedAtItsExactSize() {
        // fast path: the payload is present, so one array of exactly its length (copy once)
        byte[] wire = FrameEncoder.toBytes(Frame.binary(new byte[200_000]));
        FrameDecoder d = new FrameDecoder(DecoderSettings.defaults(Role.CLIENT));
        ByteBuffer in = ByteBuffer.wrap(wire);
        Frame f = assertInstanceOf(DecodeResult.Decoded.class, d.decode(in)).frame();
        assertEquals(200_000, f.payload().length);
        assertEquals(0, d.bufferedCapacity());
        assertTrue(d.atFrameBoundary());
    }
}
