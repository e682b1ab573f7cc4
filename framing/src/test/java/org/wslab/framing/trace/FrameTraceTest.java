package org.wslab.framing.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameEncoder;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.codec.Role;
import org.wslab.framing.engine.CloseBody;
import org.wslab.framing.codec.FrameDecoder;
import org.wslab.framing.codec.DecoderSettings;
import org.wslab.framing.codec.DecodeResult;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;
import org.wslab.testkit.Hex;

/** The annotated dump shows the real wire bytes of RFC 6455 §5.2, each field labelled. */
class FrameTraceTest {
    @Test
    void maskedHelloFromSection57() {
        Frame frame = Frame.text("Hello").withMask(0x37fa213d);
        assertEquals(String.join("\n",
                "81                FIN=1 RSV=000 opcode=0x1 (TEXT)",
                "85                MASK=1 payload length code=5 (7-bit form)",
                "37 fa 21 3d       masking key",
                "7f 9f 4d 51 58    payload, masked on the wire (5 bytes); text \"Hello\"",
                ""), FrameTrace.render(frame));
    }

    @Test
    void extendedLengthsCloseFramesAndCompression() {
        String big = FrameTrace.render(Frame.binary(new byte[256]));
        assertTrue(big.contains("01 00             extended payload length=256"), big);
        assertTrue(big.contains("(first 32 of 256 bytes)"), big);
        String close = FrameTrace.render(Frame.of(true, Opcode.CLOSE, new CloseBody(1000, "bye").toPayload()));
        assertTrue(close.contains("close code 1000, reason \"bye\""), close);
        String compressed = FrameTrace.render(Frame.of(true, Opcode.TEXT, Hex.bytes("f2 48 cd c9 c9 07 00")).withRsv(Frame.RSV1));
        assertTrue(compressed.startsWith("c1                FIN=1 RSV=100 opcode=0x1 (TEXT) RSV1: per-message compressed"), compressed);
    }

    @Test
    void everyDecodedFrameRendersItsOwnBytes() {
        // the hex column of a trace is exactly the frame's encoding, so dumps are the real traffic
        Props.qt().forAll(ByteGens.bytes(0, 60)).checkAssert(payload -> {
            byte[] wire = new FrameEncoder(Role.CLIENT, () -> 0x01020304).encode(Frame.binary(payload));
            DecodeResult r = new FrameDecoder(DecoderSettings.defaults(Role.SERVER)).decode(java.nio.ByteBuffer.wrap(wire));
            Frame frame = ((DecodeResult.Decoded) r).frame();
            java.io.ByteArrayOutputStream shown = new java.io.ByteArrayOutputStream();
            FrameTrace.fields(frame, Integer.MAX_VALUE).forEach(f -> shown.writeBytes(f.bytes()));
            String hex = Hex.of(shown.toByteArray());
            assertTrue(FrameTrace.render(frame, Integer.MAX_VALUE).lines().count() >= 3);
            assertEquals(Hex.of(wire), hex);
        });
    }
}
