package org.wslab.framing.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.extension.ExtensionParameter;

/** Our client engine on a plain socket ↔ Jetty 12's echo endpoint (RFC 6455 §5–§7, first direction). */
class OurClientAgainstJettyTest {
    private static JettyEchoServer jetty;
    private BlockingWebSocket ws;
    private final AtomicInteger compressedFramesSent = new AtomicInteger();

    @BeforeAll
    static void startJetty() throws Exception {
        jetty = new JettyEchoServer();
    }

    @AfterAll
    static void stopJetty() throws Exception {
        jetty.stop();
    }

    @AfterEach
    void closeClient() {
        if (ws != null) {
            ws.close();
        }
    }

    private Event.HandshakeCompleted connect(boolean deflate) throws IOException {
        ClientOptions options = ClientOptions.defaults();
        if (deflate) {
            options = options.withExtensions(ExtensionOffer.of("permessage-deflate",
                    ExtensionParameter.of("client_max_window_bits")));
        }
        WebSocketUri uri = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(jetty.uri())).uri();
        EngineSettings settings = EngineSettings.defaults().withListener((dir, frame) -> {
            if (frame.rsv1()) {
                compressedFramesSent.incrementAndGet();
            }
        });
        ws = BlockingWebSocket.connect(uri, options, settings);
        Event.HandshakeCompleted opened = ws.awaitOpen();
        assertNotNull(opened, () -> "handshake failed: " + ws.lastEvent());
        assertEquals(deflate, opened.deflate().isPresent(), "permessage-deflate negotiated as offered");
        return opened;
    }

    private Event nextMessage() throws IOException {
        for (Event e; (e = ws.next()) != null; ) {
            if (e instanceof Event.TextMessage || e instanceof Event.BinaryMessage || e instanceof Event.Closed) {
                return e;
            }
        }
        throw new AssertionError("connection ended");
    }

    @ParameterizedTest(name = "deflate={0}")
    @ValueSource(booleans = {false, true})
    void textAndBinaryOfEverySizeEchoBack(boolean deflate) throws IOException {
        connect(deflate);
        for (int size : Payloads.SIZES) {
            String text = Payloads.text(size);
            ws.sendText(text);
            assertEquals(text, assertInstanceOf(Event.TextMessage.class, nextMessage()).text(), "text " + size);
            byte[] data = Payloads.binary(size, size);
            ws.sendBinary(data);
            assertArrayEquals(data, assertInstanceOf(Event.BinaryMessage.class, nextMessage()).data(), "binary " + size);
        }
        assertEquals(deflate, compressedFramesSent.get() > 0, "RSV1 frames sent iff deflate");
    }

    @ParameterizedTest(name = "deflate={0}")
    @ValueSource(booleans = {false, true})
    void fragmentedSendWithPingsBetweenEchoesWhole(boolean deflate) throws IOException {
        connect(deflate);
        byte[] text = "Grüße, κόσμε — fragmented across a split code point".getBytes(StandardCharsets.UTF_8);
        int[] cuts = {0, 3, 4, 20, text.length};
        for (int i = 0; i + 1 < cuts.length; i++) {
            ws.sendPing(new byte[] {(byte) i});
            byte[] piece = java.util.Arrays.copyOfRange(text, cuts[i], cuts[i + 1]);
            ws.sendFragment(Opcode.TEXT, piece, i + 2 == cuts.length);
        }
        int pongs = 0;
        Event e;
        while (!((e = ws.next()) instanceof Event.TextMessage)) {
            if (e instanceof Event.PongReceived) {
                pongs++;
            }
        }
        assertEquals(new String(text, StandardCharsets.UTF_8), ((Event.TextMessage) e).text());
        assertEquals(4, pongs, "Jetty answered every ping before the echo");
    }

    @ParameterizedTest(name = "deflate={0}")
    @ValueSource(booleans = {false, true})
    void weCloseWithACodeAndJettyEchoesIt(boolean deflate) throws Exception {
        connect(deflate);
        jetty.closeCodes.clear();
        ws.close(4001, "bye");
        Event.Closed closed = assertInstanceOf(Event.Closed.class, nextMessage());
        assertEquals(4001, closed.code());
        assertTrue(closed.clean());
        assertEquals(4001, jetty.closeCodes.poll(10, TimeUnit.SECONDS));
    }

    @ParameterizedTest(name = "deflate={0}")
    @ValueSource(booleans = {false, true})
    void jettyClosesWithACodeAndWeEchoIt(boolean deflate) throws Exception {
        connect(deflate);
        jetty.closeCodes.clear();
        ws.sendText("close 4002 server says bye");
        Event.Closed closed = assertInstanceOf(Event.Closed.class, nextMessage());
        assertEquals(4002, closed.code());
        assertEquals("server says bye", closed.reason());
        assertTrue(closed.clean());
        assertEquals(4002, jetty.closeCodes.poll(10, TimeUnit.SECONDS));
    }
}
