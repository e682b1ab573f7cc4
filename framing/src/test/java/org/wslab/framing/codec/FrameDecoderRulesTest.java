package org.wslab.framing.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.wslab.testkit.Hex;

/** Each header rule of RFC 6455 §5.2–§5.5 broken by a hex literal, and the close code it yields. */
class FrameDecoderRulesTest {
    private static DecodeResult decode(DecoderSettings settings, String hex) {
        FrameDecoder decoder = new FrameDecoder(settings);
        DecodeResult r = decoder.decode(ByteBuffer.wrap(Hex.bytes(hex)));
        return r;
    }

    private static void assertViolation(Violation expected, DecoderSettings settings, String hex) {
        DecodeResult r = decode(settings, hex);
        DecodeResult.Failed failed = assertInstanceOf(DecodeResult.Failed.class, r, () -> hex + " gave " + r);
        assertEquals(expected, failed.error().violation(), failed.error().toString());
    }

    private static final DecoderSettings CLIENT = DecoderSettings.defaults(Role.CLIENT);
    private static final DecoderSettings SERVER = DecoderSettings.defaults(Role.SERVER);

    @Test
    void rsvBitsWithoutExtensionAre1002() {
        assertViolation(Violation.RESERVED_BITS, CLIENT, "c1 00");
        assertViolation(Violation.RESERVED_BITS, CLIENT, "a1 00");
        assertViolation(Violation.RESERVED_BITS, CLIENT, "91 00");
        assertViolation(Violation.RESERVED_BITS, CLIENT.withAllowedRsv(Frame.RSV1), "a1 00");
        assertInstanceOf(DecodeResult.Decoded.class, decode(CLIENT.withAllowedRsv(Frame.RSV1), "c1 00"));
        assertEquals(1002, Violation.RESERVED_BITS.closeCode().code());
    }

    @Test
    void reservedOpcodesAre1002() {
        for (int op : new int[] {3, 4, 5, 6, 7, 0xB, 0xC, 0xD, 0xE, 0xF}) {
            assertViolation(Violation.RESERVED_OPCODE, CLIENT, String.format("%02x 00", 0x80 | op));
        }
    }

    @Test
    void controlFramesAreShortAndUnfragmented() {
        assertViolation(Violation.CONTROL_FRAGMENTED, CLIENT, "09 00");
        assertViolation(Violation.CONTROL_TOO_LONG, CLIENT, "89 7e 00 7e");
        assertViolation(Violation.CONTROL_TOO_LONG, CLIENT, "88 7f");
    }

    @Test
    void maskingRequiredFromClientForbiddenFromServer() {
        assertViolation(Violation.UNMASKED_CLIENT_FRAME, SERVER, "81 00");
        assertViolation(Violation.MASKED_SERVER_FRAME, CLIENT, "81 80 00 00 00 00");
    }

    @Test
    void lengthTopBitAndNonMinimalForms() {
        assertViolation(Violation.LENGTH_TOP_BIT, CLIENT, "82 7f 80 00 00 00 00 00 00 00");
        assertViolation(Violation.NON_MINIMAL_LENGTH, CLIENT, "82 7e 00 7d");
        assertViolation(Violation.NON_MINIMAL_LENGTH, CLIENT, "82 7f 00 00 00 00 00 00 ff ff");
        DecoderSettings lenient = CLIENT.withStrictLengths(false);
        DecodeResult r = decode(lenient, "82 7e 00 01 2a");
        assertEquals(Frame.binary(new byte[] {42}), assertInstanceOf(DecodeResult.Decoded.class, r).frame());
    }

    @Test
    void aHeaderClaiming2Pow62BytesFailsWith1009BeforeAnyAllocation() {
        // 2^62 = 0x4000000000000000: legal top bit, far beyond any limit; no payload follows
        DecodeResult r = decode(CLIENT, "82 7f 40 00 00 00 00 00 00 00");
        DecodeResult.Failed failed = assertInstanceOf(DecodeResult.Failed.class, r);
        assertEquals(Violation.FRAME_TOO_BIG, failed.error().violation());
        assertEquals(1009, failed.error().closeCode().code());
    }

    @Test
    void frameLimitIsInclusive() {
        DecoderSettings tiny = CLIENT.withMaxFramePayload(3);
        assertInstanceOf(DecodeResult.Decoded.class, decode(tiny, "82 03 01 02 03"));
        assertViolation(Violation.FRAME_TOO_BIG, tiny, "82 04");
    }

    @Test
    void everyRuleCitesItsSectionAndFitsACloseReason() {
        // §5.5: a close reason is at most 123 bytes; every violation's reason must fit whole
        for (Violation v : Violation.values()) {
            String reason = new ProtocolError(v, "").reason();
            org.junit.jupiter.api.Assertions.assertTrue(reason.startsWith("RFC ") || reason.startsWith("wslab policy"), reason);
            org.junit.jupiter.api.Assertions.assertTrue(
                    reason.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 123, reason);
        }
    }

    @Test
    void failureIsSticky() {
        FrameDecoder decoder = new FrameDecoder(CLIENT);
        DecodeResult first = decoder.decode(ByteBuffer.wrap(Hex.bytes("83 00")));
        DecodeResult again = decoder.decode(ByteBuffer.wrap(Hex.bytes("81 00")));
        assertSame(first, again);
    }

    @Test
    void closeCodeTable() {
        assertEquals(false, CloseCode.validOnWire(1005));
        assertEquals(false, CloseCode.validOnWire(1006));
        assertEquals(false, CloseCode.validOnWire(1015));
        assertEquals(false, CloseCode.validOnWire(1004));
        assertEquals(false, CloseCode.validOnWire(999));
        assertEquals(false, CloseCode.validOnWire(1016));
        assertEquals(false, CloseCode.validOnWire(2999));
        assertEquals(false, CloseCode.validOnWire(5000));
        assertEquals(true, CloseCode.validOnWire(1000));
        assertEquals(true, CloseCode.validOnWire(1014));
        assertEquals(true, CloseCode.validOnWire(3000));
        assertEquals(true, CloseCode.validOnWire(4999));
        assertEquals("1009 message too big", CloseCode.describe(1009));
    }
}
