package org.wslab.framing.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.framing.transport.EchoHandler;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;
import org.wslab.handshake.extension.ExtensionOffer;

/**
 * The engine's limits (RFC 6455 §7.4.1, 1009) over real sockets: a frame over the limit, a message over the limit, and a
 * compressed message that inflates over the limit each close with 1009, and the server goes on
 * serving other connections.
 */
class OurServerLimitsTest {
    private static final int FRAME_LIMIT = 64 * 1024;
    private static final int MESSAGE_LIMIT = 128 * 1024;
    private static OurServer server;

    @BeforeAll
    static void start() throws IOException {
        server = new OurServer(EngineSettings.defaults().withLimits(FRAME_LIMIT, MESSAGE_LIMIT), EchoHandler::new);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    private static BlockingWebSocket client(boolean deflate) throws IOException {
        WebSocketUri uri = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(
                "ws://127.0.0.1:" + server.port() + "/websocket/echo")).uri();
        ClientOptions options = deflate ? ClientOptions.defaults().withExtensions(ExtensionOffer.of("permessage-deflate"))
                : ClientOptions.defaults();
        BlockingWebSocket ws = BlockingWebSocket.connect(uri, options, EngineSettings.defaults().withMaxSize(64L << 20));
        Event.HandshakeCompleted opened = ws.awaitOpen();
        assertNotNull(opened, () -> String.valueOf(ws.lastEvent()));
        assertEquals(deflate, opened.deflate().isPresent());
        return ws;
    }

    private static Event.Closed closeOf(BlockingWebSocket ws) throws IOException {
        for (Event e; (e = ws.next()) != null; ) {
            if (e instanceof Event.Closed c) {
                return c;
            }
        }
        throw new AssertionError("no close");
    }

    private static void stillServesOthers() throws IOException {
        try (BlockingWebSocket other = client(false)) {
            other.sendText("still here");
            Event e;
            while (!((e = other.next()) instanceof Event.TextMessage)) {
                assertNotNull(e);
            }
            assertEquals("still here", ((Event.TextMessage) e).text());
        }
    }

    @Test
    void aFrameOverTheLimitCloses1009() throws IOException {
        try (BlockingWebSocket ws = client(false)) {
            ws.sendBinary(new byte[FRAME_LIMIT + 1]);
            Event.Closed closed = closeOf(ws);
            assertEquals(1009, closed.code(), closed.describe());
        }
        stillServesOthers();
    }

    @Test
    void aMessageOverTheLimitCloses1009() throws IOException {
        try (BlockingWebSocket ws = client(false)) {
            for (int i = 0; i < 3; i++) {
                ws.sendFragment(Opcode.BINARY, new byte[FRAME_LIMIT], i == 2);
            }
            Event.Closed closed = closeOf(ws);
            assertEquals(1009, closed.code(), closed.describe());
        }
        stillServesOthers();
    }

    @Test
    void jettysClientSeesOur1009() throws Exception {
        WebSocketClient jetty = new WebSocketClient();
        jetty.start();
        try {
            JettyClientEndpoint endpoint = new JettyClientEndpoint();
            URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/websocket/echo");
            Session session = jetty.connect(endpoint,
                    new ClientUpgradeRequest(uri)).get(10, TimeUnit.SECONDS);
            session.sendBinary(ByteBuffer.allocate(MESSAGE_LIMIT + 1), Callback.NOOP);
            Object got = endpoint.received.poll(10, TimeUnit.SECONDS);
            assertNotNull(got);
            assertTrue(got.toString().startsWith("close:1009:"), got.toString());
        } finally {
            jetty.stop();
        }
        stillServesOthers();
    }

    @Test
    void aCompressedMessageThatInflatesOverTheLimitCloses1009() throws IOException {
        try (BlockingWebSocket ws = client(true)) {
            ws.sendBinary(new byte[4 << 20]); // ~4 KiB on the wire, 4 MiB inflated
            Event.Closed closed = closeOf(ws);
            assertEquals(1009, closed.code(), closed.describe());
            assertInstanceOf(Event.Closed.class, ws.lastEvent());
        }
        stillServesOthers();
    }
}
