package org.wslab.framing.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.transport.EchoHandler;

/** Jetty 12's WebSocketClient ↔ our engine's server on plain sockets (RFC 6455 §5–§7, second direction). */
class JettyClientAgainstOurServerTest {
    /** Echo, except that the text "close CODE REASON" makes our server close with that code. */
    private static final class EchoOrClose extends EchoHandler {
        @Override
        public void onText(byte[] utf8) {
            String text = new String(utf8, java.nio.charset.StandardCharsets.UTF_8);
            if (text.startsWith("close ")) {
                String[] parts = text.split(" ", 3);
                channel().close(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "");
            } else {
                super.onText(utf8);
            }
        }
    }

    private static OurServer ours;
    private static WebSocketClient jetty;
    private Session session;
    private JettyClientEndpoint endpoint;

    @BeforeAll
    static void start() throws Exception {
        ours = new OurServer(EngineSettings.defaults(), EchoOrClose::new);
        jetty = new WebSocketClient();
        jetty.setMaxTextMessageSize(JettyEchoServer.LIMIT);
        jetty.setMaxBinaryMessageSize(JettyEchoServer.LIMIT);
        jetty.setMaxFrameSize(JettyEchoServer.LIMIT);
        jetty.start();
    }

    @AfterAll
    static void stop() throws Exception {
        jetty.stop();
        ours.close();
    }

    @AfterEach
    void disconnect() {
        if (session != null) {
            session.disconnect();
        }
    }

    private void connect(boolean deflate) throws Exception {
        endpoint = new JettyClientEndpoint();
        URI uri = URI.create("ws://127.0.0.1:" + ours.port() + "/websocket/echo");
        ClientUpgradeRequest request = new ClientUpgradeRequest(uri);
        if (deflate) {
            request.addExtensions("permessage-deflate");
        }
        session = jetty.connect(endpoint, request).get(10, TimeUnit.SECONDS);
        boolean negotiated = session.getUpgradeResponse().getExtensions().stream()
                .anyMatch(x -> x.getName().equals("permessage-deflate"));
        assertEquals(deflate, negotiated, "permessage-deflate negotiated as offered");
    }

    private Object next() throws InterruptedException {
        Object o = endpoint.received.poll(30, TimeUnit.SECONDS);
        assertNotNull(o, "nothing received");
        return o;
    }

    @ParameterizedTest(name = "deflate={0}")
    @ValueSource(booleans = {false, true})
    void textAndBinaryOfEverySizeEchoBack(boolean deflate) throws Exception {
        connect(deflate);
        for (int size : Payloads.SIZES) {
            String text = Payloads.text(size);
            session.sendText(text, Callback.NOOP);
            assertEquals(text, next(), "text " + size);
            byte[] data = Payloads.binary(size, size);
            session.sendBinary(ByteBuffer.wrap(data), Callback.NOOP);
            assertArrayEquals(data, (byte[]) next(), "binary " + size);
        }
    }

    @ParameterizedTest(name = "deflate={0}")
    @ValueSource(booleans = {false, true})
    void fragmentedSendAndPingPong(boolean deflate) throws Exception {
        connect(deflate);
        session.sendPartialText("Grüße, ", false, Callback.NOOP);
        session.sendPing(ByteBuffer.wrap(new byte[] {1, 2, 3}), Callback.NOOP);
        session.sendPartialText("κόσμε", false, Callback.NOOP);
        session.sendPartialText("!", true, Callback.NOOP);
        assertEquals("pong:3", next(), "our engine answers the ping between fragments");
        assertEquals("Grüße, κόσμε!", next());
        session.sendPartialBinary(ByteBuffer.wrap(new byte[] {1, 2}), false, Callback.NOOP);
        session.sendPartialBinary(ByteBuffer.wrap(new byte[] {3}), true, Callback.NOOP);
        assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) next());
    }

    @ParameterizedTest(name = "deflate={0}")
    @ValueSource(booleans = {false, true})
    void jettyClosesWithACodeAndWeEchoIt(boolean deflate) throws Exception {
        connect(deflate);
        session.close(4003, "client says bye", Callback.NOOP);
        assertEquals("close:4003:null", next(), "§5.5.1: our server echoes the code");
    }

    @ParameterizedTest(name = "deflate={0}")
    @ValueSource(booleans = {false, true})
    void ourServerClosesWithACode(boolean deflate) throws Exception {
        connect(deflate);
        session.sendText("close 4004 server says bye", Callback.NOOP);
        assertEquals("close:4004:server says bye", next());
    }
}
