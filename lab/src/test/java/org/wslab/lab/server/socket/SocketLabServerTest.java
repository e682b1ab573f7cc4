package org.wslab.lab.server.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.engines.LabServers;
import org.wslab.lab.server.EndpointKind;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.LabServerConfig;

/** What only our engine does: typed refusals, sub-protocol choice by the endpoint's preference, stopping. */
class SocketLabServerTest {
    private SocketLabServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private SocketLabServer start(EndpointRegistry registry) throws Exception {
        server = SocketLabServer.start(LabServerConfig.defaults().withAddress("127.0.0.1", 0), registry,
                LabServers.SOCKET_ENDPOINTS);
        return server;
    }

    private static String exchange(int port, String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all); // the server closes after any non-101 answer
            return all.toString(StandardCharsets.UTF_8);
        }
    }

    private static BlockingWebSocket client(String url, ClientOptions options) throws Exception {
        WebSocketUri uri = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(url)).uri();
        return BlockingWebSocket.connect(uri, options, EngineSettings.defaults());
    }

    // RFC 6455 §4.2.1 (4): a request without Sec-WebSocket-Key gets the handshake module's refusal naming the rule
    @Test
    void aBadUpgradeGetsTheTypedRefusalNamingTheRule() throws Exception {
        start(EndpointRegistry.defaults());
        String answer = exchange(server.port(), "GET /websocket/echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.contains("RFC 6455 §4.2.1") || answer.contains("§4.1"), answer);
        assertTrue(answer.contains("Sec-WebSocket-Key"), answer);
    }

    // RFC 9112 §2.2: a head that does not parse gets 400 from the handshake module, never a hang
    @Test
    void garbageGets400AndTheConnectionCloses() throws Exception {
        start(EndpointRegistry.defaults());
        String answer = exchange(server.port(), "\u0001\u0002 not http\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
    }

    // the handshake module's parser reads GET only (RFC 6455 §4.1 (1)): other methods get its typed 400
    @Test
    void otherMethodsGetTheParsersTyped400() throws Exception {
        start(EndpointRegistry.defaults());
        String answer = exchange(server.port(), "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
        assertTrue(answer.contains("method is POST"), answer);
    }

    // RFC 6455 §4.2.2 (5.4): the server picks among the offered sub-protocols; the endpoint's order is its preference
    @Test
    void picksTheEndpointsPreferredSubprotocolWhateverTheClientsOrder() throws Exception {
        LabEndpoint stompLike = new LabEndpoint("/versions", EndpointKind.ECHO,
                List.of("v12.stomp", "v11.stomp", "v10.stomp"), "echo with STOMP's sub-protocol names");
        start(new EndpointRegistry().add(stompLike));
        BlockingWebSocket ws = client("ws://127.0.0.1:" + server.port() + "/versions",
                ClientOptions.defaults().withSubprotocols("v10.stomp", "v11.stomp", "v12.stomp"));
        Event.HandshakeCompleted open = ws.awaitOpen();
        assertEquals(Optional.of("v12.stomp"), open.subprotocol());
        ws.close();
        BlockingWebSocket old = client("ws://127.0.0.1:" + server.port() + "/versions",
                ClientOptions.defaults().withSubprotocols("v10.stomp"));
        assertEquals(Optional.of("v10.stomp"), old.awaitOpen().subprotocol());
        old.close();
    }

    // RFC 6455 §7.4.1 1001 "going away": stopping the server closes open connections with a closing handshake
    @Test
    void stoppingClosesOpenConnectionsWith1001AndIsIdempotent() throws Exception {
        start(EndpointRegistry.defaults());
        assertTrue(server.port() > 0);
        BlockingWebSocket ws = client("ws://127.0.0.1:" + server.port() + "/websocket/echo", ClientOptions.defaults());
        ws.awaitOpen();
        Thread stopper = new Thread(server::close);
        stopper.start();
        Event.Closed closed = null;
        for (Event e; (e = ws.next()) != null; ) {
            if (e instanceof Event.Closed c) {
                closed = c;
            }
        }
        stopper.join();
        assertEquals(1001, closed.code());
        assertTrue(closed.clean());
        server.close();
        server.awaitStopped();
        assertEquals(0, server.openConnections());
        ws.close();
    }

    // the connection limit: one over it is refused (503 or a closed socket) and never opens; a freed slot is reused
    @Test
    void aConnectionOverTheLimitIsRefusedAndAFreedSlotIsServedAgain() throws Exception {
        server = SocketLabServer.start(LabServerConfig.defaults().withAddress("127.0.0.1", 0).withMaxConnections(1),
                EndpointRegistry.defaults(), LabServers.SOCKET_ENDPOINTS);
        String url = "ws://127.0.0.1:" + server.port() + "/websocket/echo";
        BlockingWebSocket first = client(url, ClientOptions.defaults());
        assertTrue(first.awaitOpen() != null);
        BlockingWebSocket second = client(url, ClientOptions.defaults());
        assertEquals(null, second.awaitOpen());
        second.close();
        first.close(1000, "");
        while (first.next() != null) {
            // finish the closing handshake
        }
        for (int i = 0; i < 500 && server.openConnections() > 0; i++) {
            Thread.sleep(10); // a bounded wait for the server thread to end, not a timed assertion
        }
        assertEquals(0, server.openConnections());
        BlockingWebSocket third = client(url, ClientOptions.defaults());
        assertTrue(third.awaitOpen() != null);
        third.close();
    }

    // wslab policy (bounded outbound queue): an echo peer that sends and never reads holds the server's echo
    // endpoint back through TCP — the server stops reading — so what the client can push stays bounded
    @Test
    void anEchoPeerThatNeverReadsCannotGrowTheServersMemory() throws Exception {
        start(EndpointRegistry.defaults());
        String url = "ws://127.0.0.1:" + server.port() + LabEndpoint.echo().path();
        try (BlockingWebSocket ws = client(url, ClientOptions.defaults())) {
            assertNotNull(ws.awaitOpen());
            byte[] chunk = new byte[64 * 1024];
            java.util.concurrent.atomic.AtomicLong pushed = new java.util.concurrent.atomic.AtomicLong();
            Thread writer = new Thread(() -> {
                try {
                    while (pushed.get() < (256L << 20) && ws.sendBinary(chunk)) {
                        pushed.addAndGet(chunk.length);   // never reads an echo
                    }
                } catch (java.io.IOException closed) {
                    // the test closed the socket
                }
            }, "never-reads");
            writer.setDaemon(true);
            writer.start();
            long last = -1;
            for (int quiet = 0; quiet < 20 && pushed.get() < (256L << 20); ) { // until no progress for 20 polls
                Thread.sleep(25);
                long now = pushed.get();
                quiet = now == last ? quiet + 1 : 0;
                last = now;
            }
            // the server's outbound limit (1 MiB plus a message) + its read buffer + both sides' TCP buffers
            assertTrue(pushed.get() < (64L << 20), "the client could push only so much: " + pushed.get());
            assertTrue(writer.isAlive(), "the writer is held back by TCP, not failed");
        }
    }
}
