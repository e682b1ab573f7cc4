package org.wslab.framing.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.testkit.Hex;

/** RFC 6455 §5.7 examples, byte for byte, encoded and decoded. */
class FrameSpecExamplesTest {
    private static final int KEY = 0x37fa213d;
    private static final byte[] HELLO = "Hello".getBytes(StandardCharsets.US_ASCII);

    static List<Frame> decodeAll(Role local, byte[] wire) {
        FrameDecoder decoder = new FrameDecoder(DecoderSettings.defaults(local));
        ByteBuffer in = ByteBuffer.wrap(wire);
        List<Frame> out = new ArrayList<>();
        DecodeResult r;
        while ((r = decoder.decode(in)) instanceof DecodeResult.Decoded d) {
            out.add(d.frame());
        }
        DecodeResult last = r;
        assertInstanceOf(DecodeResult.NeedMore.class, last, () -> "unexpected " + last);
        assertEquals(0, in.remaining());
        return out;
    }

    @Test
    void singleFrameUnmaskedText() {
        byte[] wire = Hex.bytes("81 05 48 65 6c 6c 6f");
        assertArrayEquals(wire, new FrameEncoder(Role.SERVER).encode(Frame.text("Hello")));
        assertEquals(List.of(Frame.text("Hello")), decodeAll(Role.CLIENT, wire));
    }

    @Test
    void singleFrameMaskedText() {
        byte[] wire = Hex.bytes("81 85 37 fa 21 3d 7f 9f 4d 51 58");
        assertArrayEquals(wire, new FrameEncoder(Role.CLIENT, () -> KEY).encode(Frame.text("Hello")));
        assertEquals(List.of(Frame.text("Hello").withMask(KEY)), decodeAll(Role.SERVER, wire));
    }

    @Test
    void fragmentedUnmaskedText() {
        byte[] wire = Hex.bytes("01 03 48 65 6c 80 02 6c 6f");
        List<Frame> frames = List.of(Frame.of(false, Opcode.TEXT, "Hel".getBytes(StandardCharsets.US_ASCII)),
                Frame.of(true, Opcode.CONTINUATION, "lo".getBytes(StandardCharsets.US_ASCII)));
        FrameEncoder server = new FrameEncoder(Role.SERVER);
        ByteBuffer both = ByteBuffer.allocate(wire.length);
        frames.forEach(f -> both.put(server.encode(f)));
        assertArrayEquals(wire, both.array());
        assertEquals(frames, decodeAll(Role.CLIENT, wire));
    }

    @Test
    void unmaskedPingAndMaskedPong() {
        byte[] ping = Hex.bytes("89 05 48 65 6c 6c 6f");
        byte[] pong = Hex.bytes("8a 85 37 fa 21 3d 7f 9f 4d 51 58");
        assertArrayEquals(ping, new FrameEncoder(Role.SERVER).encode(Frame.ping(HELLO)));
        assertArrayEquals(pong, new FrameEncoder(Role.CLIENT, () -> KEY).encode(Frame.pong(HELLO)));
        assertEquals(List.of(Frame.ping(HELLO)), decodeAll(Role.CLIENT, ping));
        assertEquals(List.of(Frame.pong(HELLO).withMask(KEY)), decodeAll(Role.SERVER, pong));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0} bytes: {1}")
    @org.junit.jupiter.params.provider.CsvSource({
        "256,   82 7e 01 00",                      // §5.7: 256 bytes in the 16-bit form
        "65536, 82 7f 00 00 00 00 00 01 00 00",    // §5.7: 64 KiB in the 64-bit form
    })
    void binaryExamplesUseTheExtendedLengthForms(int size, String header) {
        byte[] payload = new byte[size];
        byte[] wire = new FrameEncoder(Role.SERVER).encode(Frame.binary(payload));
        int headerLength = Hex.bytes(header).length;
        assertEquals(header, Hex.of(java.util.Arrays.copyOf(wire, headerLength)));
        assertEquals(headerLength + size, wire.length);
        assertEquals(List.of(Frame.binary(payload)), decodeAll(Role.CLIENT, wire));
    }
}
