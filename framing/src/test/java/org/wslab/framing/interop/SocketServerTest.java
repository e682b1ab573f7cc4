package org.wslab.framing.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.HandshakeExchange;
import org.wslab.framing.engine.ServerOpening;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.framing.socket.SocketServer;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.ServerPolicy;
import org.wslab.handshake.WebSocketUri;

/** The socket server's own contract: handlers see the request, return closes cleanly, refusals are HTTP. */
class SocketServerTest {
    private SocketServer server;

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private void start(SocketServer.Handler handler) throws IOException {
        server = SocketServer.start(new InetSocketAddress("127.0.0.1", 0), new ServerHandshake(ServerPolicy.defaults()),
                EngineSettings.defaults(), handler);
    }

    @Test
    void aHandlerThatReturnsLeadsToACleanClose1000() throws IOException {
        start((ws, opened) -> ws.sendText("you asked for " + ((HandshakeExchange.Server) opened.exchange()).request().target()));
        WebSocketUri uri = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(
                "ws://127.0.0.1:" + server.port() + "/websocket/echo?x=1")).uri();
        try (BlockingWebSocket ws = BlockingWebSocket.connect(uri, ClientOptions.defaults(), EngineSettings.defaults())) {
            assertNotNull(ws.awaitOpen());
            assertEquals(Event.TextMessage.of("you asked for /websocket/echo?x=1"), ws.next());
            Event.Closed closed = assertInstanceOf(Event.Closed.class, ws.next());
            assertEquals(1000, closed.code());
            assertTrue(closed.clean());
            assertEquals(null, ws.next(), "then the connection is over");
        }
    }

    @Test
    void aBadRequestGetsAnHttpRefusalNamingTheRule() throws IOException {
        start(SocketServer.ECHO);
        try (Socket raw = new Socket("127.0.0.1", server.port())) {
            raw.getOutputStream().write("GET /websocket/echo HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String response = new String(raw.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 400 "), response);
            assertTrue(response.contains("RFC 6455 §4.2.1"), response);
        }
    }

    @Test
    void beyondTheConnectionLimitA503AndTheServedConnectionGoesOn() throws IOException {
        // RFC 9110 §15.6.4: one connection allowed; the second is told 503, the first still works
        server = SocketServer.start(new InetSocketAddress("127.0.0.1", 0), new ServerHandshake(ServerPolicy.defaults()),
                EngineSettings.defaults(), SocketServer.ECHO, 1);
        WebSocketUri uri = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(
                "ws://127.0.0.1:" + server.port() + "/websocket/echo")).uri();
        try (BlockingWebSocket ws = BlockingWebSocket.connect(uri, ClientOptions.defaults(), EngineSettings.defaults())) {
            assertNotNull(ws.awaitOpen());
            try (Socket second = new Socket("127.0.0.1", server.port())) {
                String response = new String(second.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                assertTrue(response.startsWith("HTTP/1.1 503 "), response);
            }
            ws.sendText("still here");
            assertEquals(Event.TextMessage.of("still here"), ws.next());
        }
    }
}
