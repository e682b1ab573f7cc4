package org.wslab.framing.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameEncoder;
import org.wslab.framing.codec.Role;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.ServerPolicy;
import org.wslab.handshake.SubprotocolPolicy;
import org.wslab.handshake.WebSocketUri;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.extension.ExtensionParameter;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;
import org.wslab.testkit.Splits;

/** CONNECTING → OPEN through the handshake module (RFC 6455 §4.1–§4.2, RFC 7692 §5), in memory. */
class OpeningHandshakeEngineTest {
    private static final WebSocketUri URI =
            ((WebSocketUri.Parse.Valid) WebSocketUri.parse("ws://127.0.0.1:8080/websocket/echo")).uri();

    private static Connection client(ClientOptions options) {
        return Connection.client(new ClientOpening(ClientHandshake.create(URI, options, new Random(1))),
                EngineHarness.settings(), 0);
    }

    private static Connection server(ServerPolicy policy) {
        return Connection.server(new ServerOpening(new ServerHandshake(policy)), EngineHarness.settings(), 0);
    }

    @Test
    void clientAndServerOpenWithDeflateAndASubprotocol() {
        Connection c = client(ClientOptions.defaults().withSubprotocols("v12.stomp")
                .withExtensions(ExtensionOffer.of("permessage-deflate", ExtensionParameter.of("client_max_window_bits"))));
        Connection s = server(ServerPolicy.defaults().withSubprotocols(SubprotocolPolicy.SERVER_PREFERENCE, "v12.stomp"));
        assertEquals(ConnectionState.CONNECTING, c.state());
        List<Event> atServer = EngineHarness.pump(c, s);
        Event.HandshakeCompleted sOpen = assertInstanceOf(Event.HandshakeCompleted.class, atServer.get(0));
        assertEquals("/websocket/echo", ((HandshakeExchange.Server) sOpen.exchange()).request().target());
        s.sendText("first frame right behind the 101");
        List<Event> atClient = EngineHarness.pump(s, c);
        Event.HandshakeCompleted cOpen = assertInstanceOf(Event.HandshakeCompleted.class, atClient.get(0));
        assertEquals("v12.stomp", cOpen.subprotocol().orElseThrow());
        assertTrue(cOpen.deflate().isPresent() && sOpen.deflate().isPresent());
        assertEquals(Event.TextMessage.of("first frame right behind the 101"), atClient.get(1),
                "frames in the same read as the response head are not lost");
        assertEquals(ConnectionState.OPEN, c.state());
        c.sendText("and back");
        assertEquals(List.of(Event.TextMessage.of("and back")), EngineHarness.pump(c, s));
    }

    @Test
    void aBadRequestIsRefusedAndClosed() {
        Connection s = server(ServerPolicy.defaults());
        List<Event> events = s.receive(ByteBuffer.wrap(
                "GET /x HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), 0);
        Event.HandshakeFailed failed = assertInstanceOf(Event.HandshakeFailed.class, events.get(0));
        assertTrue(failed.reason().contains("RFC 6455"), failed.reason());
        assertEquals(1006, assertInstanceOf(Event.Closed.class, events.get(1)).code());
        String response = new String(EngineHarness.drain(s), StandardCharsets.US_ASCII);
        assertTrue(response.startsWith("HTTP/1.1 4"), response);
        assertEquals(ConnectionState.CLOSED, s.state());
    }

    @Test
    void aWrongAcceptFailsTheClient() {
        Connection c = client(ClientOptions.defaults());
        EngineHarness.drain(c);
        List<Event> events = c.receive(ByteBuffer.wrap(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII)), 0);
        assertInstanceOf(Event.HandshakeFailed.class, events.get(0));
        assertEquals(ConnectionState.CLOSED, c.state());
        assertEquals(0, EngineHarness.drain(c).length, "nothing is sent after a failed handshake");
    }

    @Test
    void theHandshakeTimesOutOnTheCallersClock() {
        Connection s = server(ServerPolicy.defaults());
        long deadline = s.nextDeadlineNanos();
        assertEquals(EngineSettings.defaults().handshakeTimeoutNanos(), deadline);
        assertTrue(s.tick(deadline - 1).isEmpty());
        List<Event> events = s.tick(deadline);
        assertInstanceOf(Event.HandshakeFailed.class, events.get(0));
        assertEquals(ConnectionState.CLOSED, s.state());
    }

    // RFC 6455 §4.1: the failure names the rule it ended on, HANDSHAKE_TIMEOUT or CLOSED_DURING_HANDSHAKE
    @Test
    void aHandshakeThatEndsWithoutAnAnswerNamesWhy() {
        Connection timedOut = server(ServerPolicy.defaults());
        Event.HandshakeFailed late = assertInstanceOf(Event.HandshakeFailed.class,
                timedOut.tick(timedOut.nextDeadlineNanos()).get(0));
        assertEquals(OpeningRule.HANDSHAKE_TIMEOUT,
                assertInstanceOf(HandshakeFailure.Ended.class, late.failure()).rule());
        Connection cut = server(ServerPolicy.defaults());
        cut.receive(java.nio.ByteBuffer.wrap("GET / HTTP/1.1\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 0);
        Event.HandshakeFailed gone = assertInstanceOf(Event.HandshakeFailed.class, cut.receiveEof(0).get(0));
        assertEquals(OpeningRule.CLOSED_DURING_HANDSHAKE,
                assertInstanceOf(HandshakeFailure.Ended.class, gone.failure()).rule());
        assertEquals(ConnectionState.CLOSED, cut.state());
    }

    @Test
    void aDisabledHandshakeTimeoutNeverFiresEvenOnANegativeClock() {
        // System.nanoTime() may be negative: "no deadline" (MAX_VALUE) must not overflow into "passed"
        long now = -1_000_000_000L;
        Connection s = Connection.server(new ServerOpening(new ServerHandshake(ServerPolicy.defaults())),
                EngineHarness.settings().withTimeouts(0, 1_000, 0), now);
        assertEquals(Long.MAX_VALUE, s.nextDeadlineNanos());
        assertTrue(s.tick(now).isEmpty());
        assertTrue(s.tick(Long.MIN_VALUE).isEmpty());
        assertEquals(ConnectionState.CONNECTING, s.state());
    }

    @Test
    void anySplitOfAHandshakeAndFramesOpensTheServer() {
        // §4.2.1 then §5.2 on one byte stream: the split point between head and frames is arbitrary
        byte[] request = ClientHandshake.create(URI, ClientOptions.defaults(), new Random(2)).requestBytes();
        byte[] frame = new FrameEncoder(Role.CLIENT, () -> 0x11223344).encode(Frame.text("hi"));
        byte[] all = new byte[request.length + frame.length];
        System.arraycopy(request, 0, all, 0, request.length);
        System.arraycopy(frame, 0, all, request.length, frame.length);
        Props.qt(100).forAll(Splits.cutPoints(6)).checkAssert(cuts -> {
            Connection s = server(ServerPolicy.defaults());
            List<Event> events = new ArrayList<>();
            for (byte[] chunk : Splits.apply(all, cuts)) {
                events.addAll(s.receive(ByteBuffer.wrap(chunk), 0));
            }
            assertEquals(2, events.size(), events::toString);
            assertInstanceOf(Event.HandshakeCompleted.class, events.get(0));
            assertEquals(Event.TextMessage.of("hi"), events.get(1));
        });
    }

    @Test
    void garbageWhileConnectingEndsInATypedRefusal() {
        // §4.2.1: whatever arrives instead of a request head, the server answers or waits; no exception
        Props.qt().forAll(ByteGens.bytes(0, 300), Splits.cutPoints(4)).checkAssert((bytes, cuts) -> {
            Connection s = server(ServerPolicy.defaults());
            for (byte[] chunk : Splits.apply(bytes, cuts)) {
                for (Event e : s.receive(ByteBuffer.wrap(chunk), 0)) {
                    assertTrue(e instanceof Event.HandshakeFailed || e instanceof Event.Closed, e.toString());
                }
            }
            EngineHarness.drain(s);
        });
    }
}
