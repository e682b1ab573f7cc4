package org.wslab.framing.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.wslab.framing.codec.BoundedBuffer;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameEncoder;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.codec.Violation;
import org.wslab.testkit.Hex;

/** RFC 7692 §7.2.3 examples, byte for byte. */
class PermessageDeflateExamplesTest {
    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);

    private static String inflate(MessageDecompressor d, String... pieces) {
        BoundedBuffer out = new BoundedBuffer(1 << 20);
        for (int i = 0; i < pieces.length; i++) {
            InflateOutcome r = d.inflatePiece(Hex.bytes(pieces[i]), i == pieces.length - 1, out);
            assertInstanceOf(InflateOutcome.Inflated.class, r, r::toString);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void helloCompressesToTheSpecBytes() {
        // §7.2.3.1: "Hello" in one compressed frame: c1 07 f2 48 cd c9 c9 07 00
        try (MessageCompressor c = new MessageCompressor(false)) {
            byte[] payload = c.compress(HELLO);
            assertEquals("f2 48 cd c9 c9 07 00", Hex.of(payload));
            byte[] wire = FrameEncoder.toBytes(Frame.of(true, Opcode.TEXT, payload).withRsv(Frame.RSV1));
            assertEquals("c1 07 f2 48 cd c9 c9 07 00", Hex.of(wire));
        }
    }

    @Test
    void secondHelloSharesTheWindowOnlyWithContextTakeover() {
        // §7.2.3.2: with the LZ77 window shared the second "Hello" is f2 00 11 00 00
        try (MessageCompressor shared = new MessageCompressor(false);
             MessageCompressor fresh = new MessageCompressor(true)) {
            shared.compress(HELLO);
            assertEquals("f2 00 11 00 00", Hex.of(shared.compress(HELLO)));
            fresh.compress(HELLO);
            assertEquals("f2 48 cd c9 c9 07 00", Hex.of(fresh.compress(HELLO)));
        }
        try (MessageDecompressor d = new MessageDecompressor(false)) {
            assertEquals("Hello", inflate(d, "f2 48 cd c9 c9 07 00"));
            assertEquals("Hello", inflate(d, "f2 00 11 00 00"));
        }
    }

    @Test
    void specPayloadsInflate() {
        try (MessageDecompressor d = new MessageDecompressor(false)) {
            // §7.2.3.1 fragmented: 41 03 f2 48 cd / 80 04 c9 c9 07 00
            assertEquals("Hello", inflate(d, "f2 48 cd", "c9 c9 07 00"));
        }
        try (MessageDecompressor d = new MessageDecompressor(true)) {
            // §7.2.3.3: a DEFLATE block with no compression
            assertEquals("Hello", inflate(d, "00 05 00 fa ff 48 65 6c 6c 6f 00"));
            // §7.2.3.4: a block with BFINAL set
            assertEquals("Hello", inflate(d, "f3 48 cd c9 c9 07 00 00"));
            // §7.2.3.5: two DEFLATE blocks in one message
            assertEquals("Hello", inflate(d, "f2 48 05 00 00 00 ff ff ca c9 c9 07 00"));
            // §7.2.3.6: an empty message is one empty stored block
            assertEquals("", inflate(d, "00"));
        }
    }

    @Test
    void emptyMessageCompressesToOneByte() {
        try (MessageCompressor c = new MessageCompressor(true)) {
            assertArrayEquals(Hex.bytes("00"), c.compress(new byte[0]));
        }
    }

    @Test
    void aBombStopsAtTheLimitWhileInflating() {
        // §8.1 / RFC 6455 §10.4: 4 MiB of zeros deflates to ~4 KiB; a 64 KiB limit refuses it with 1009
        byte[] zeros = new byte[4 << 20];
        byte[] bomb;
        try (MessageCompressor c = new MessageCompressor(true)) {
            bomb = c.compress(zeros);
        }
        BoundedBuffer out = new BoundedBuffer(64 * 1024);
        try (MessageDecompressor d = new MessageDecompressor(true)) {
            InflateOutcome r = d.inflate(bomb, out);
            InflateOutcome.Refused refused = assertInstanceOf(InflateOutcome.Refused.class, r);
            assertEquals(Violation.INFLATED_TOO_BIG, refused.error().violation());
            assertEquals(1009, refused.error().closeCode().code());
        }
        assertEquals(true, out.array().length <= 64 * 1024, "never held more than the limit");
    }

    @Test
    void garbageIsATypedError() {
        try (MessageDecompressor d = new MessageDecompressor(true)) {
            InflateOutcome r = d.inflate(Hex.bytes("ff ff ff ff"), new BoundedBuffer(1024));
            assertEquals(Violation.INVALID_DEFLATE_DATA,
                    assertInstanceOf(InflateOutcome.Refused.class, r).error().violation());
        }
    }
}
