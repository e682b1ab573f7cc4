package org.wslab.framing.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;

/**
 * Writing a frame into the caller's buffer (RFC 6455 §5.2, §5.3) gives the octets of a plain
 * reference — header by {@link ByteBuffer} puts, payload masked octet by octet — at any offset,
 * into arrays and heap or direct buffers of either byte order, and leaves the payload untouched.
 */
class FrameEncoderIntoPropertiesTest {
    /** The reference encoding, written straight from the §5.2 diagram. */
    static byte[] reference(boolean fin, int rsv, Opcode op, boolean masked, int key, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(14 + payload.length);
        b.put((byte) ((fin ? 0x80 : 0) | rsv << 4 | op.code()));
        int m = masked ? 0x80 : 0;
        if (payload.length <= 125) {
            b.put((byte) (m | payload.length));
        } else if (payload.length <= 65_535) {
            b.put((byte) (m | 126)).putShort((short) payload.length);
        } else {
            b.put((byte) (m | 127)).putLong(payload.length);
        }
        if (masked) {
            b.putInt(key);
        }
        byte[] body = payload.clone();
        Masking.applyByteLoop(body, 0, body.length, masked ? key : 0, 0);
        b.put(body);
        return Arrays.copyOf(b.array(), b.position());
    }

    @Test
    void writeIntoAnArrayEqualsTheReference() {
        Props.qt().forAll(FrameGenerators.frames(300), integers().all(), integers().between(0, 9), integers().between(0, 1))
                .checkAssert((f, key, off, m) -> {
                    boolean masked = m == 1;
                    byte[] payload = f.payload().clone();
                    byte[] expected = reference(f.fin(), f.rsv(), f.opcode(), masked, key, payload);
                    byte[] out = new byte[off + expected.length + 5];
                    int n = FrameEncoder.writeInto(out, off, f.fin(), f.rsv(), f.opcode(), masked, key, payload, 0, payload.length);
                    assertEquals(expected.length, n);
                    assertArrayEquals(expected, Arrays.copyOfRange(out, off, off + n));
                    assertArrayEquals(f.payload(), payload);
                    assertArrayEquals(expected, FrameEncoder.write(f.fin(), f.rsv(), f.opcode(), masked, key, payload));
                });
    }

    @Test
    void writeIntoABufferEqualsTheReference() {
        // heap, direct, either byte order; a slice of a larger payload; long length forms too
        Props.qt(100).forAll(ByteGens.largeBytes(0, 70_000), integers().all(), integers().between(0, 7), integers().between(0, 3))
                .checkAssert((data, key, kind, cut) -> {
                    boolean masked = kind % 2 == 1;
                    int from = Math.min(cut, data.length);
                    byte[] slice = Arrays.copyOfRange(data, from, data.length);
                    byte[] expected = reference(true, 0, Opcode.BINARY, masked, key, slice);
                    ByteBuffer out = (kind / 2 % 2 == 0 ? ByteBuffer.allocate(expected.length + 3)
                            : ByteBuffer.allocateDirect(expected.length + 3))
                            .order(kind / 4 == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
                    out.position(3);
                    int n = FrameEncoder.writeInto(out, true, 0, Opcode.BINARY, masked, key, data, from, slice.length);
                    assertEquals(expected.length, n);
                    assertEquals(3 + n, out.position());
                    byte[] got = new byte[n];
                    out.get(3, got);
                    assertArrayEquals(expected, got);
                });
    }

    @Test
    void aFrameThatDoesNotFitWritesNothing() {
        byte[] payload = new byte[200];
        ByteBuffer small = ByteBuffer.allocate(203);
        assertThrows(BufferOverflowException.class,
                () -> FrameEncoder.writeInto(small, true, 0, Opcode.BINARY, false, 0, payload, 0, 200));
        assertEquals(0, small.position());
        assertThrows(IndexOutOfBoundsException.class,
                () -> FrameEncoder.writeInto(new byte[207], 1, true, 0, Opcode.BINARY, true, 1, payload, 0, 200));
    }
}
