package org.wslab.stomp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.StompVersion;

/** The sans-I/O client session's rules, one example each (STOMP 1.2 "Client Frames", "Server Frames"). */
class StompClientSessionTest {
    private static final long MS = 1_000_000;

    private static StompViolation refusal(ClientCall c) {
        return assertInstanceOf(ClientCall.Refused.class, c).violation();
    }

    @Test
    void framesBeforeConnectedAreRefusedNotSent() {
        // Rule (STOMP 1.2 "Connecting"): nothing but CONNECT goes out before CONNECTED names the version.
        ClientDriver d = ClientDriver.connecting(EnumSet.allOf(StompVersion.class), HeartBeat.NONE);
        assertEquals(StompCommand.CONNECT, ClientDriver.reparse(d.written.get(0), StompVersion.V1_2).command());
        assertEquals(StompRule.NOT_CONNECTED, refusal(d.session.send("/topic/a", "x", null, false, 0)).rule());
        assertEquals(StompRule.ALREADY_CONNECTED, refusal(d.session.connect(ClientConnectOptions.DEFAULT, 0)).rule());
        d.drain();
        assertEquals(1, d.written.size());
    }

    @Test
    void theFrameAfterConnectedInTheSameBufferDecodesUnderTheNegotiatedVersion() {
        // Rule (STOMP 1.2 "Protocol Negotiation", "Value Encoding"): 1.0 has no escapes and keeps a CR before LF,
        // so the MESSAGE behind CONNECTED version:1.0 in one buffer keeps "\c" and the CR literally.
        ClientDriver d = ClientDriver.connecting(EnumSet.of(StompVersion.V1_0, StompVersion.V1_1), HeartBeat.NONE);
        d.feed("CONNECTED\nversion:1.0\n\n\0MESSAGE\nsubscription:s\ndestination:/queue/a\nmessage-id:m\\c1\r\n\nhi\0", 0);
        assertInstanceOf(ClientEvent.Connected.class, d.events.get(0));
        StompFrame m = assertInstanceOf(ClientEvent.Message.class, d.events.get(1)).frame();
        assertEquals("m\\c1\r", m.header("message-id"));
    }

    @Test
    void ackOfAnIdTheVersionCannotEncodeIsARefusalNotAnException() {
        // Rule (STOMP 1.0 "ACK" + "Value Encoding"): a message-id ending in CR cannot be written back under 1.0.
        ClientDriver d = ClientDriver.connected(StompVersion.V1_0);
        d.feed("MESSAGE\nsubscription:s\ndestination:/queue/a\nmessage-id:m1\r\n\nhi\0", 0);
        StompFrame m = assertInstanceOf(ClientEvent.Message.class, d.last()).frame();
        ClientCall c = d.session.ack(m, null, true, 0);
        assertEquals(StompRule.UNENCODABLE_HEADER, refusal(c).rule());
        assertEquals(StompRule.NACK_IN_1_0, refusal(d.session.nack(m, null, false, 0)).rule());
        d.drain();
        assertEquals(1, d.written.size(), "only CONNECT was written");
        assertFalse(d.session.shouldCloseTransport(), "a refusal leaves the session open");
    }

    @Test
    void aMessageWithoutTheIdsItsVersionAcksByIsRefused() {
        // Rule (STOMP 1.1 "ACK"): message-id and subscription are both required.
        ClientDriver d = ClientDriver.connected(StompVersion.V1_1);
        StompFrame m = StompFrame.of(StompCommand.MESSAGE, "subscription", "s", "destination", "/queue/a");
        assertEquals(StompRule.MISSING_HEADER, refusal(d.session.ack(m, null, false, 0)).rule());
    }

    @Test
    void aSecondConnectedIsAViolationAndNeverChangesTheVersion() {
        // Rule (STOMP 1.2 "Connecting"): CONNECTED answers the one CONNECT; a second one is a protocol error.
        ClientDriver d = ClientDriver.connected(StompVersion.V1_2);
        d.feed("CONNECTED\nversion:1.0\n\n\0", 0);
        ClientEvent.Violation v = assertInstanceOf(ClientEvent.Violation.class, d.events.get(d.events.size() - 2));
        assertEquals(StompRule.ALREADY_CONNECTED, v.violation().rule());
        assertEquals(new ClientEvent.Closed(false), d.last());
        assertEquals(StompVersion.V1_2, d.session.version());
        assertTrue(d.session.shouldCloseTransport());
    }

    @Test
    void aConnectedNamingAVersionNotOfferedIsAViolation() {
        // Rule (STOMP 1.2 "Protocol Negotiation"): the server picks one of the versions the client offered.
        ClientDriver d = ClientDriver.connecting(EnumSet.of(StompVersion.V1_2), HeartBeat.NONE);
        d.feed("CONNECTED\nversion:1.1\n\n\0", 0);
        assertEquals(StompRule.NO_COMMON_VERSION,
                assertInstanceOf(ClientEvent.Violation.class, d.events.get(0)).violation().rule());
    }

    @Test
    void disconnectEndsCleanlyOnItsReceipt() {
        // Rule (STOMP 1.2 "DISCONNECT"): the RECEIPT confirms everything before it; then close.
        ClientDriver d = ClientDriver.connected(StompVersion.V1_2);
        assertTrue(d.session.subscribe("s", "/topic/a", AckMode.AUTO, false, 0).sent());
        ClientCall.Sent sent = assertInstanceOf(ClientCall.Sent.class, d.session.disconnect(0));
        String id = sent.receiptId().orElseThrow();
        assertEquals(StompRule.NOT_CONNECTED, refusal(d.session.send("/topic/a", "late", null, false, 0)).rule());
        d.feed("RECEIPT\nreceipt-id:" + id + "\n\n\0", 0);
        assertEquals(new ClientEvent.Closed(true), d.last());
        assertTrue(d.session.shouldCloseTransport());
        assertEquals(Long.MAX_VALUE, d.session.nextDeadlineNanos());
    }

    @Test
    void theSilenceToleranceIsAnOption() {
        // Rule (STOMP 1.2 "Heart-beating"): the margin before a silent server is given up is ours to set.
        ClientDriver d = new ClientDriver();
        d.session.connect(ClientConnectOptions.DEFAULT.withHeartBeat(new HeartBeat(0, 1000)).withHeartBeatTolerance(3.0), 0);
        d.feed("CONNECTED\nversion:1.2\nheart-beat:1000,0\n\n\0", 0);
        assertEquals(3000 * MS + 1, d.session.nextDeadlineNanos());
        d.session.tick(3000 * MS);
        assertFalse(d.session.shouldCloseTransport(), "3 × 1 s of silence is tolerated");
        d.session.tick(3000 * MS + 1);
        d.drain();
        assertEquals(StompRule.HEART_BEAT_TIMEOUT,
                assertInstanceOf(ClientEvent.Violation.class, d.events.get(d.events.size() - 2)).violation().rule());
        assertEquals(Optional.empty(), d.written.stream().skip(1).findAny().map(b -> b), "no beats were owed");
    }

    @Test
    void aLostTransportIsAViolationThenClosed() {
        // Rule (STOMP 1.2 "DISCONNECT"): a connection that ends without DISCONNECT's RECEIPT did not end
        // cleanly; it is named as that, not as a broker's refusal (no ERROR frame came)
        ClientDriver d = ClientDriver.connected(StompVersion.V1_2);
        d.events.addAll(d.session.transportClosed(0));
        assertEquals(StompRule.CONNECTION_ENDED,
                assertInstanceOf(ClientEvent.Violation.class, d.events.get(d.events.size() - 2)).violation().rule());
        assertEquals(new ClientEvent.Closed(false), d.last());
    }

    @Test
    void octetsBeforeConnectAreAViolation() {
        // Rule (STOMP 1.2 "Connecting"): the server speaks only after the client's CONNECT.
        ClientDriver d = new ClientDriver();
        d.feed("MESSAGE\nsubscription:s\n\n\0", 0);
        assertEquals(StompRule.NOT_CONNECTED,
                assertInstanceOf(ClientEvent.Violation.class, d.events.get(0)).violation().rule());
        assertEquals(new ClientEvent.Closed(false), d.last());
        assertEquals(0, d.session.heartBeatMillis()[0]);
    }
}
