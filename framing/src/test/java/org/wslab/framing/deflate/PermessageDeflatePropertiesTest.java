package org.wslab.framing.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.framing.codec.BoundedBuffer;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;
import org.wslab.testkit.Splits;

/** RFC 7692 §7.2: compress → decompress is the identity, per message and across messages. */
class PermessageDeflatePropertiesTest {
    @Test
    void messagesRoundTripWithAndWithoutContextTakeover() {
        // §7.2.1/§7.2.2 with §7.1.1: the inflater tracks the deflater's window across messages
        Props.qt(150).forAll(lists().of(ByteGens.bytesFrom("abcab \u0001", 0, 300)).ofSizeBetween(1, 6),
                booleans().all(), integers().between(8, 15)).checkAssert((messages, noTakeover, bits) -> {
                    try (MessageCompressor c = new MessageCompressor(noTakeover, bits);
                         MessageDecompressor d = new MessageDecompressor(noTakeover)) {
                        for (byte[] m : messages) {
                            BoundedBuffer out = new BoundedBuffer(1 << 20);
                            assertInstanceOf(InflateOutcome.Inflated.class, d.inflate(c.compress(m), out));
                            assertArrayEquals(m, out.toByteArray());
                        }
                    }
                });
    }

    @Test
    void piecewiseCompressionAndAnyFrameSplitRoundTrip() {
        // §7.2.1 on a fragmented message: compressed pieces concatenate to one DEFLATE stream,
        // and the receiver may see that stream cut into frames anywhere
        Props.qt(150).forAll(ByteGens.largeBytes(0, 5000), Splits.cutPoints(4), Splits.cutPoints(4), booleans().all())
                .checkAssert((message, sendCuts, frameCuts, noTakeover) -> {
                    try (MessageCompressor c = new MessageCompressor(noTakeover);
                         MessageDecompressor d = new MessageDecompressor(noTakeover)) {
                        for (int round = 0; round < 2; round++) {
                            List<byte[]> pieces = Splits.apply(message, sendCuts);
                            java.io.ByteArrayOutputStream wire = new java.io.ByteArrayOutputStream();
                            for (int i = 0; i < pieces.size(); i++) {
                                byte[] p = pieces.get(i);
                                wire.writeBytes(c.compressPiece(p, 0, p.length, i == pieces.size() - 1));
                            }
                            List<byte[]> frames = Splits.apply(wire.toByteArray(), frameCuts);
                            BoundedBuffer out = new BoundedBuffer(1 << 20);
                            for (int i = 0; i < frames.size(); i++) {
                                assertInstanceOf(InflateOutcome.Inflated.class,
                                        d.inflatePiece(frames.get(i), i == frames.size() - 1, out));
                            }
                            assertArrayEquals(message, out.toByteArray());
                        }
                    }
                });
    }

    @Test
    void arbitraryBytesInflateOrFailTypedWithinTheLimit() {
        // §7.2.2 + RFC 6455 §10.4: garbage ends in a typed refusal, output never beyond the limit
        Props.qt().forAll(ByteGens.bytes(0, 200)).checkAssert(bytes -> {
            try (MessageDecompressor d = new MessageDecompressor(false)) {
                BoundedBuffer out = new BoundedBuffer(4096);
                InflateOutcome r = d.inflate(bytes, out);
                org.junit.jupiter.api.Assertions.assertTrue(out.size() <= 4096, r.toString());
            }
        });
    }
}
