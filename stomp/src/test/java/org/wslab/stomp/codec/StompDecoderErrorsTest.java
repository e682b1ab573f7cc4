package org.wslab.stomp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.StompViolation;

/** Each malformed shape ends in the violation that names its rule, and the decoder stays failed. */
class StompDecoderErrorsTest {

    private static StompViolation violation(StompVersion v, StompLimits limits, String wire) {
        Decoded d = Decoded.of(v, limits, List.of(wire.getBytes(StandardCharsets.UTF_8)));
        assertTrue(d.violation().isPresent(), "expected a violation for " + wire);
        return d.violation().get();
    }

    private static StompViolation violation(StompVersion v, String wire) {
        return violation(v, StompLimits.DEFAULT, wire);
    }

    @Test
    void undefinedEscapeIsFatal() {
        StompViolation v = violation(StompVersion.V1_2, "SEND\ndestination:/queue/a\\t\n\n\0");
        assertEquals(StompRule.UNDEFINED_ESCAPE, v.rule());
        assertEquals("STOMP 1.2 \"Value Encoding\"", v.citation());
    }

    @Test
    void backslashRIsUndefinedIn11() {
        assertEquals(StompRule.UNDEFINED_ESCAPE, violation(StompVersion.V1_1, "SEND\na:\\r\n\n\0").rule());
        assertEquals(StompRule.UNDEFINED_ESCAPE, violation(StompVersion.V1_1, "SEND\na:\\\n\n\0").rule());
    }

    @Test
    void overLongHeaderLine() {
        StompLimits limits = StompLimits.DEFAULT.withMaxLineLength(32);
        assertEquals(StompRule.LINE_TOO_LONG, violation(StompVersion.V1_2, limits, "SEND\na:" + "x".repeat(31) + "\n\n\0").rule());
        // without its end in sight, too
        assertEquals(StompRule.LINE_TOO_LONG, violation(StompVersion.V1_2, limits, "SEND\na:" + "x".repeat(64)).rule());
        // exactly at the limit passes
        assertTrue(Decoded.of(StompVersion.V1_2, limits, List.of(("SEND\na:" + "x".repeat(30) + "\n\n\0")
                .getBytes(StandardCharsets.UTF_8))).violation().isEmpty());
    }

    @Test
    void tooManyHeaders() {
        StompLimits limits = StompLimits.DEFAULT.withMaxHeaders(3);
        assertEquals(StompRule.TOO_MANY_HEADERS, violation(StompVersion.V1_2, limits, "SEND\na:1\nb:2\nc:3\nd:4\n\n\0").rule());
        assertTrue(Decoded.of(StompVersion.V1_2, limits, List.of("SEND\na:1\nb:2\nc:3\n\n\0".getBytes(StandardCharsets.UTF_8)))
                .violation().isEmpty());
    }

    @Test
    void bodyTooLarge() {
        StompLimits limits = StompLimits.DEFAULT.withMaxBodySize(4);
        assertEquals(StompRule.BODY_TOO_LARGE, violation(StompVersion.V1_2, limits, "SEND\n\n12345").rule());
        assertEquals(StompRule.BODY_TOO_LARGE, violation(StompVersion.V1_2, limits, "SEND\ncontent-length:5\n\n").rule());
        assertEquals(StompRule.BODY_TOO_LARGE, violation(StompVersion.V1_2, "SEND\ncontent-length:99999999999\n\n").rule());
    }

    @Test
    void contentLengthTooShort() {
        StompViolation v = violation(StompVersion.V1_2, "SEND\ncontent-length:2\n\nhello\0");
        assertEquals(StompRule.CONTENT_LENGTH_MISMATCH, v.rule());
        assertEquals("STOMP 1.2 \"Header content-length\"", v.citation());
    }

    @Test
    void contentLengthNotANumber() {
        for (String bad : List.of("abc", "", "-1", " 5", "5 ", "0x10")) {
            assertEquals(StompRule.CONTENT_LENGTH_NOT_A_NUMBER,
                    violation(StompVersion.V1_2, "SEND\ncontent-length:" + bad + "\n\nhello\0").rule(), bad);
        }
    }

    @Test
    void bodyOnSubscribe() {
        assertEquals(StompRule.BODY_NOT_ALLOWED, violation(StompVersion.V1_2, "SUBSCRIBE\nid:0\ndestination:/topic/a\n\nbody\0").rule());
        assertEquals(StompRule.BODY_NOT_ALLOWED, violation(StompVersion.V1_2, "SUBSCRIBE\ncontent-length:1\n\nx\0").rule());
    }

    @Test
    void unknownCommandHeaderWithoutColonBadUtf8BareCr() {
        assertEquals(StompRule.UNKNOWN_COMMAND, violation(StompVersion.V1_2, "HELLO\n\n\0").rule());
        assertEquals(StompRule.UNKNOWN_COMMAND, violation(StompVersion.V1_2, "send\n\n\0").rule());
        assertEquals(StompRule.HEADER_WITHOUT_COLON, violation(StompVersion.V1_2, "SEND\nnocolon\n\n\0").rule());
        assertEquals(StompRule.BARE_CARRIAGE_RETURN, violation(StompVersion.V1_2, "\rSEND\n\n\0").rule());
        byte[] badUtf8 = {'S', 'E', 'N', 'D', '\n', 'a', ':', (byte) 0xC3, '(', '\n', '\n', 0};
        Decoded d = Decoded.of(StompVersion.V1_2, StompLimits.DEFAULT, List.of(badUtf8));
        assertEquals(StompRule.INVALID_UTF8, d.violation().orElseThrow().rule());
    }

    @Test
    void failedDecoderStaysFailed() {
        StompDecoder decoder = new StompDecoder(StompVersion.V1_2, StompLimits.DEFAULT);
        byte[] bad = "HELLO\n\n\0".getBytes(StandardCharsets.UTF_8);
        StompFrameSink sink = f -> {
            throw new AssertionError("no frame expected");
        };
        StompViolation first = decoder.feed(bad, 0, bad.length, sink).orElseThrow();
        byte[] good = "SEND\n\n\0".getBytes(StandardCharsets.UTF_8);
        assertEquals(first, decoder.feed(good, 0, good.length, sink).orElseThrow());
    }
}
