package org.wslab.framing.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wslab.framing.engine.EngineHarness.drain;
import static org.wslab.framing.engine.EngineHarness.framesSentBy;
import static org.wslab.framing.engine.EngineHarness.server;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.codec.Role;
import org.wslab.framing.codec.Violation;
import org.wslab.testkit.Hex;

/** The engine's rules, one hex literal at a time (masked with key 00000000 for readability). */
class ConnectionTest {
    private static List<Event> feed(Connection c, String hex) {
        return c.receive(ByteBuffer.wrap(Hex.bytes(hex)), 0);
    }

    private static Event.Closed lastClosed(List<Event> events) {
        return assertInstanceOf(Event.Closed.class, events.get(events.size() - 1), events::toString);
    }

    @Test
    void textMessageAndPingAnsweredWithPong() {
        Connection s = server();
        List<Event> events = feed(s, "81 85 00 00 00 00 48 65 6c 6c 6f  89 82 00 00 00 00 68 69");
        assertEquals(Event.TextMessage.of("Hello"), events.get(0));
        assertInstanceOf(Event.PingReceived.class, events.get(1));
        assertEquals("8a 02 68 69", Hex.of(drain(s)), "§5.5.2: pong with the ping's payload");
    }

    @Test
    void fragmentsWithAPingBetweenReassemble() {
        // §5.4: control frames may be injected in the middle of a fragmented message
        Connection s = server();
        List<Event> events = feed(s, "01 83 00 00 00 00 48 65 6c  89 80 00 00 00 00  80 82 00 00 00 00 6c 6f");
        assertInstanceOf(Event.PingReceived.class, events.get(0));
        assertEquals(Event.TextMessage.of("Hello"), events.get(1));
    }

    @Test
    void closeIsEchoedWithItsCode() {
        // §5.5.1: the endpoint answers a close with a close, echoing the status code
        Connection s = server();
        Event.Closed closed = lastClosed(feed(s, "88 84 00 00 00 00 0f a0 68 69"));
        assertEquals(4000, closed.code());
        assertEquals("hi", closed.reason());
        assertTrue(closed.clean());
        assertEquals("88 02 0f a0", Hex.of(drain(s)));
        assertEquals(ConnectionState.CLOSED, s.state());
        assertFalse(s.sendText("late"), "§5.5.1: nothing is sent after a close");
        assertEquals(0, drain(s).length);
    }

    @Test
    void emptyCloseReports1005AndIsAnsweredEmpty() {
        Connection s = server();
        assertEquals(1005, lastClosed(feed(s, "88 80 00 00 00 00")).code());
        assertEquals("88 00", Hex.of(drain(s)));
    }

    @Test
    void invalidCloseBodies() {
        assertFails("88 81 00 00 00 00 03", Violation.CLOSE_PAYLOAD_ONE_BYTE, 1002);
        assertFails("88 82 00 00 00 00 03 ed", Violation.INVALID_CLOSE_CODE, 1002);   // 1005 on the wire
        assertFails("88 82 00 00 00 00 03 ee", Violation.INVALID_CLOSE_CODE, 1002);   // 1006
        assertFails("88 82 00 00 00 00 0b b8".replace("0b b8", "07 d0"), Violation.INVALID_CLOSE_CODE, 1002); // 2000
        assertFails("88 84 00 00 00 00 03 e8 c0 af", Violation.INVALID_CLOSE_REASON, 1007);
    }

    @Test
    void protocolErrorsFailWithTheirCode() {
        assertFails("81 83 00 00 00 00 e0 80 af", Violation.INVALID_UTF8, 1007);
        assertFails("80 81 00 00 00 00 41", Violation.UNEXPECTED_CONTINUATION, 1002);
        assertFails("01 81 00 00 00 00 41 81 81 00 00 00 00 41", Violation.EXPECTED_CONTINUATION, 1002);
        assertFails("c1 80 00 00 00 00", Violation.RESERVED_BITS, 1002);
        assertFails("81 00", Violation.UNMASKED_CLIENT_FRAME, 1002);
        // the UTF-8 error is found in the first fragment, before the message ends
        assertFails("01 82 00 00 00 00 41 ff", Violation.INVALID_UTF8, 1007);
        // §8.1: a text message that ends inside a code point (E2 82 of €)
        assertFails("81 83 00 00 00 00 41 e2 82", Violation.INVALID_UTF8, 1007);
        assertFails("01 81 00 00 00 00 e2  80 81 00 00 00 00 82", Violation.INVALID_UTF8, 1007);
    }

    @Test
    void aCodePointSplitAcrossFragmentsIsValid() {
        // §5.6/§8.1: validity is a property of the whole message, not of each fragment
        List<Event> events = feed(server(), "01 81 00 00 00 00 e2  00 81 00 00 00 00 82  80 81 00 00 00 00 ac");
        assertEquals(List.of(Event.TextMessage.of("\u20ac")), events);
    }

    @Test
    void aLongCloseReasonIsCutOnACodePointAt123Bytes() {
        // §5.5: a control payload is at most 125 bytes; §5.5.1: the reason stays valid UTF-8
        Connection s = server();
        assertTrue(s.close(1000, "\u20ac".repeat(100), 0));
        Frame close = framesSentBy(Role.SERVER, drain(s)).get(0);
        assertEquals(2 + 41 * 3, close.length());
        CloseBody body = assertInstanceOf(CloseBody.Parsed.Valid.class, CloseBody.parse(close.payload())).body();
        assertEquals("\u20ac".repeat(41), body.reason());
    }

    @Test
    void aControlPayloadOver125BytesIsRefusedBeforeSending() {
        // §5.5: control frames carry at most 125 bytes; the limit holds on our side too
        Connection s = server();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> s.sendPing(new byte[126]));
        assertTrue(s.sendPing(new byte[125]));
        assertEquals(2 + 125, drain(s).length);
    }

    private static void assertFails(String hex, Violation expected, int code) {
        Connection s = server();
        Event.Closed closed = lastClosed(feed(s, hex));
        assertEquals(expected, closed.error().orElseThrow().violation(), closed.toString());
        assertEquals(code, closed.code());
        assertFalse(closed.clean());
        List<Frame> sent = framesSentBy(Role.SERVER, drain(s));
        assertEquals(1, sent.size(), "exactly one close frame, then nothing");
        assertEquals(Opcode.CLOSE, sent.get(0).opcode());
        CloseBody body = assertInstanceOf(CloseBody.Parsed.Valid.class, CloseBody.parse(sent.get(0).payload())).body();
        assertEquals(code, body.code());
        assertEquals(expected.cite(), body.reason(), "the reason names the rule and its section");
        assertEquals(body.reason(), closed.reason());
        assertEquals(0, feed(s, "81 80 00 00 00 00").size(), "input after CLOSED is ignored");
    }

    @Test
    void limitsCloseWith1009() {
        EngineSettings small = EngineHarness.settings().withLimits(4, 6);
        Connection frameTooBig = server(small, Optional.empty());
        assertEquals(Violation.FRAME_TOO_BIG, lastClosed(feed(frameTooBig, "82 85")).error().orElseThrow().violation());
        Connection messageTooBig = server(small, Optional.empty());
        Event.Closed closed = lastClosed(feed(messageTooBig,
                "02 84 00 00 00 00 01 02 03 04  80 83 00 00 00 00 05 06 07"));
        assertEquals(Violation.MESSAGE_TOO_BIG, closed.error().orElseThrow().violation());
        assertEquals(1009, closed.code());
    }

    @Test
    void limitsBeyondAJavaArrayMeanTheLargestOneNotAnExceptionLater() {
        // a limit of Integer.MAX_VALUE (the lab's largest --max-message) used to pass EngineSettings
        // and then throw from DecoderSettings when the connection opened, inside receive()
        EngineSettings huge = EngineHarness.settings().withMaxSize(Integer.MAX_VALUE);
        assertEquals(org.wslab.framing.codec.DecoderSettings.HARD_MAX_FRAME, huge.maxFramePayload());
        Connection s = server(huge, Optional.empty());
        assertEquals(Event.TextMessage.of("A"), feed(s, "81 81 00 00 00 00 41").get(0));
    }

    @Test
    void ourCloseWaitsForThePeersThenTimesOut() {
        Connection s = server();
        assertTrue(s.close(1000, "bye", 100));
        assertEquals("88 05 03 e8 62 79 65", Hex.of(drain(s)));
        assertEquals(ConnectionState.CLOSING, s.state());
        assertFalse(s.sendText("no"), "§5.5.1: no data after our close");
        // data may still arrive while CLOSING; pings are not answered any more
        assertEquals(Event.TextMessage.of("A"), feed(s, "81 81 00 00 00 00 41").get(0));
        feed(s, "89 80 00 00 00 00");
        assertEquals(0, drain(s).length);
        long deadline = s.nextDeadlineNanos();
        assertEquals(100 + EngineSettings.defaults().closeTimeoutNanos(), deadline);
        assertTrue(s.tick(deadline - 1).isEmpty());
        Event.Closed closed = lastClosed(s.tick(deadline));
        assertEquals(CloseCode.ABNORMAL_CLOSURE.code(), closed.code());
        assertTrue(closed.reason().startsWith("RFC 6455 §7.1.1"), closed.reason());
        assertEquals(ConnectionState.CLOSED, s.state());
    }

    @Test
    void aCodeThatMayNotBeSentIsRefusedAndTheConnectionStaysOpen() {
        // §7.4.1: 1005/1006/1015 are never put in a close frame; 2999 is unassigned
        Connection s = server();
        for (int code : new int[] {1006, 1015, 2999}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> s.close(code, "", 0));
            assertEquals(ConnectionState.OPEN, s.state());
        }
        assertEquals(0, drain(s).length);
        assertTrue(s.close(1005, "", 0), "1005 = close without a code: an empty body");
        assertEquals("88 00", Hex.of(drain(s)));
    }

    @Test
    void peerCloseAfterOursIsCleanAndNotAnswered() {
        Connection s = server();
        s.close(1001, "", 0);
        drain(s);
        Event.Closed closed = lastClosed(feed(s, "88 82 00 00 00 00 03 e9"));
        assertTrue(closed.clean());
        assertEquals(1001, closed.code());
        assertEquals(0, drain(s).length);
    }

    @Test
    void idleTimeoutClosesWith1001() {
        Connection s = server(EngineHarness.settings().withTimeouts(0, 1_000, 5_000), Optional.empty());
        feed(s, "89 80 00 00 00 00");
        drain(s);
        assertEquals(5_000, s.nextDeadlineNanos());
        s.tick(4_999);
        assertEquals(ConnectionState.OPEN, s.state());
        s.tick(5_000);
        assertEquals(ConnectionState.CLOSING, s.state());
        assertEquals("88 0e 03 e9 69 64 6c 65 20 74 69 6d 65 6f 75 74", Hex.of(drain(s)));
    }

    @Test
    void theListenerSeesExactlyTheFramesOnTheWireMaskKeysIncluded() {
        // §5.3: a client masks every frame with a fresh key; the trace shows the key actually used
        List<Frame> seen = new java.util.ArrayList<>();
        EngineSettings s = EngineHarness.settings().withListener((dir, f) -> {
            if (dir == FrameListener.Direction.SENT) {
                seen.add(f);
            }
        });
        Connection c = Connection.open(Role.CLIENT, Optional.empty(), s, 0);
        c.sendText("Hello");
        c.sendFragment(Opcode.BINARY, new byte[300], false);
        c.sendPing(new byte[] {1});
        c.sendFragment(Opcode.BINARY, new byte[] {2}, true);
        byte[] wire = drain(c);
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        seen.forEach(f -> expected.writeBytes(org.wslab.framing.codec.FrameEncoder.toBytes(f)));
        assertEquals(Hex.of(expected.toByteArray()), Hex.of(wire));
        assertEquals(4, seen.size());
        assertTrue(seen.stream().allMatch(Frame::masked));
        assertEquals(4, seen.stream().map(Frame::maskKey).distinct().count(), "a fresh key per frame");
    }

    @Test
    void eofWithoutCloseIs1006() {
        Connection s = server();
        Event.Closed closed = lastClosed(s.receiveEof(0));
        assertEquals(1006, closed.code());
        assertFalse(closed.clean());
        assertTrue(closed.reason().startsWith("RFC 6455 §7.1.5"), closed.reason());
    }
}
