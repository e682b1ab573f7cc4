package org.wslab.framing.deflate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import org.junit.jupiter.api.Test;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Hex;
import org.wslab.testkit.Props;

/**
 * RFC 7692 §7.1.2: when the peer limits our LZ77 window below 15 bits, java.util.zip cannot
 * honour it (its Deflater always uses 15), so {@link MessageCompressor} emits only stored
 * (BTYPE 00, RFC 1951 §3.2.4) blocks, which hold no back-references and fit any window.
 */
class SmallWindowTest {
    @Test
    void belowFifteenBitsEveryBlockIsStored() {
        // §7.1.2.1/§7.1.2.2: a window below 15 bits must never be exceeded; stored blocks never reference back
        Props.qt(100).forAll(lists().of(ByteGens.bytesFrom("abcab \u0001", 0, 2000)).ofSizeBetween(1, 4),
                booleans().all(), integers().between(8, 14)).checkAssert((messages, noTakeover, bits) -> {
                    try (MessageCompressor c = new MessageCompressor(noTakeover, bits)) {
                        for (byte[] m : messages) {
                            assertOnlyStoredBlocks(c.compress(m), m.length);
                        }
                    }
                });
    }

    @Test
    void helloInAStoredBlockIsTheSpecExample() {
        // RFC 7692 §7.2.3.3: "Hello" in one stored block, tail removed: 00 05 00 fa ff 48 65 6c 6c 6f 00
        try (MessageCompressor c = new MessageCompressor(false, 10)) {
            assertEquals("00 05 00 fa ff 48 65 6c 6c 6f 00", Hex.of(c.compress("Hello".getBytes())));
        }
    }

    /** Walks the DEFLATE stream block by block: every block is stored; the last may lack LEN/NLEN (the stripped tail). */
    private static void assertOnlyStoredBlocks(byte[] data, int expectedLength) {
        int pos = 0;
        int carried = 0;
        while (pos < data.length) {
            int header = data[pos] & 0x07;   // stored blocks start byte-aligned after a flush
            assertEquals(0, header >>> 1, () -> "BTYPE of the block at byte of " + Hex.of(data));
            pos++;
            if (pos == data.length) {
                break;   // the empty stored block whose 00 00 ff ff §7.2.1 removed
            }
            int len = (data[pos] & 0xFF) | (data[pos + 1] & 0xFF) << 8;
            int nlen = (data[pos + 2] & 0xFF) | (data[pos + 3] & 0xFF) << 8;
            assertEquals(len ^ 0xFFFF, nlen, "NLEN is the complement of LEN");
            pos += 4 + len;
            carried += len;
        }
        assertTrue(pos == data.length, "blocks end at the end of the payload");
        assertEquals(expectedLength, carried, "the stored blocks carry the message verbatim");
    }
}
