package org.wslab.framing.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Hex;
import org.wslab.testkit.Props;

/** RFC 6455 §5.3 masking: the word-at-a-time path against the byte-loop reference. */
class MaskingPropertiesTest {
    @Test
    void specExampleMasksHello() {
        byte[] hello = "Hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Masking.apply(hello, 0, 5, 0x37fa213d, 0);
        assertArrayEquals(Hex.bytes("7f 9f 4d 51 58"), hello);
    }

    @Test
    void fastPathEqualsByteLoopAtEveryOffsetAndLength() {
        // §5.3: octet i is XORed with key octet (i mod 4), whatever slice of the payload we hold
        Props.qt().forAll(ByteGens.bytes(0, 80), integers().all(), integers().between(0, 80), integers().between(0, 1000))
                .checkAssert((data, key, from, payloadOffset) -> {
                    int off = Math.min(from, data.length);
                    int len = data.length - off;
                    byte[] fast = data.clone();
                    byte[] slow = data.clone();
                    Masking.apply(fast, off, len, key, payloadOffset);
                    Masking.applyByteLoop(slow, off, len, key, payloadOffset);
                    assertArrayEquals(slow, fast);
                });
    }

    @Test
    void maskingTwiceIsTheIdentity() {
        // §5.3: the same algorithm masks and unmasks
        Props.qt().forAll(ByteGens.bytes(0, 200), integers().all(), integers().between(0, 7)).checkAssert((data, key, offset) -> {
            byte[] copy = data.clone();
            Masking.apply(copy, 0, copy.length, key, offset);
            Masking.apply(copy, 0, copy.length, key, offset);
            assertArrayEquals(data, copy);
        });
    }

    @Test
    void maskingInPiecesEqualsMaskingWhole() {
        // the decoder unmasks each chunk as it arrives, at its payload offset
        Props.qt().forAll(ByteGens.bytes(0, 200), integers().all(), integers().between(0, 200)).checkAssert((data, key, cut) -> {
            int c = Math.min(cut, data.length);
            byte[] whole = data.clone();
            Masking.apply(whole, 0, whole.length, key, 0);
            byte[] pieces = data.clone();
            Masking.apply(pieces, 0, c, key, 0);
            Masking.apply(pieces, c, pieces.length - c, key, c);
            assertArrayEquals(whole, pieces);
        });
    }

    @Test
    void copyingWhileMaskingEqualsByteLoop() {
        // the encoder's and decoder's copy: same octets as copy-then-byte-loop, source untouched
        // short payloads take the fused loop, from Masking.COPY_THEN_MASK octets copy-then-mask
        Props.qt().forAll(ByteGens.largeBytes(0, 3 * Masking.COPY_THEN_MASK), integers().all(), integers().between(0, 9),
                        integers().between(0, 1000))
                .checkAssert((data, key, dstOff, payloadOffset) -> {
                    byte[] src = data.clone();
                    byte[] fast = new byte[data.length + dstOff + 3];
                    byte[] slow = fast.clone();
                    Masking.copy(src, 0, fast, dstOff, data.length, key, payloadOffset);
                    System.arraycopy(data, 0, slow, dstOff, data.length);
                    Masking.applyByteLoop(slow, dstOff, data.length, key, payloadOffset);
                    assertArrayEquals(slow, fast);
                    assertArrayEquals(data, src);
                });
    }

    @Test
    void bufferMaskingEqualsByteLoopOnDirectAndHeapBuffersOfEitherOrder() {
        // §5.3 on ByteBuffers: absolute indexes, the buffer's byte order must not matter
        Props.qt().forAll(ByteGens.bytes(0, 120), integers().all(), integers().between(0, 40), integers().between(0, 7))
                .checkAssert((data, key, from, kind) -> {
                    int off = Math.min(from, data.length);
                    int len = data.length - off;
                    ByteBuffer buf = (kind % 2 == 0 ? ByteBuffer.allocateDirect(data.length) : ByteBuffer.allocate(data.length))
                            .order(kind / 2 % 2 == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                    buf.put(data).flip();
                    Masking.apply(buf, off, len, key, kind);
                    byte[] slow = data.clone();
                    Masking.applyByteLoop(slow, off, len, key, kind);
                    byte[] fast = new byte[data.length];
                    buf.get(0, fast);
                    assertArrayEquals(slow, fast);
                });
    }
}
