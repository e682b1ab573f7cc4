package org.wslab.lab.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.engine.HandshakeFailure;
import org.wslab.framing.engine.Event;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.handshake.ClientOptions;
import org.wslab.lab.client.EchoRun;

/**
 * The echo endpoint behaves the same on both engines, with Jetty's own WebSocketClient as the
 * peer (so Jetty's client is also checked against our engine's server) and with our engine's
 * client for what Jetty's API does not let a client send (frames over the limit, fragments,
 * compressed bombs). Servers on port 0, stopped after each test.
 */
class EngineParityTest {
    private static final int[] SIZES = {0, 125, 126, 65_535, 65_536, 16 << 20};
    @RegisterExtension
    final TestServer servers = new TestServer();

    private LabServer start(Engine engine, long limit) throws Exception {
        return servers.start(engine, c -> c.withMaxMessageSize(limit));
    }

    private URI echoUri() {
        return servers.echoUri();
    }

    static Stream<Arguments> enginesAndDeflate() {
        List<Arguments> all = new ArrayList<>();
        for (Engine e : Engine.values()) {
            all.add(Arguments.of(e, false));
            all.add(Arguments.of(e, true));
        }
        return all.stream();
    }

    // RFC 6455 §5.2 length forms (7-bit up to 125, 16-bit 126..65535, 64-bit beyond) and the lab's
    // 16 MiB limit, exactly at it; text and binary; RFC 7692 compression on and off
    @ParameterizedTest(name = "{0} deflate={1}")
    @MethodSource("enginesAndDeflate")
    void jettysClientGetsEveryLengthFormBackUnchanged(Engine engine, boolean deflate) throws Exception {
        start(engine, LabServerConfig.DEFAULT_MAX_MESSAGE_SIZE);
        Random random = new Random(6455);
        String[] offer = deflate ? new String[] {"permessage-deflate"} : new String[0];
        try (EchoClient client = new EchoClient(echoUri(), 32L << 20, offer)) {
            List<ExtensionConfig> accepted = client.session().getUpgradeResponse().getExtensions();
            assertEquals(deflate, accepted.stream().anyMatch(x -> x.getName().equals("permessage-deflate")),
                    "accepted: " + accepted);
            for (int size : SIZES) {
                byte[] binary = new byte[size];
                random.nextBytes(binary);
                client.sendBinary(binary);
                assertArrayEquals(binary, (byte[]) client.next(), size + " binary bytes");
                String text = "x".repeat(size);
                client.sendText(text);
                assertEquals(text, client.next(), size + " text bytes");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void servesTheIndexPageAnd404ForAnyOtherPathUpgradeOrNot(Engine engine) throws Exception {
        start(engine, LabServerConfig.DEFAULT_MAX_MESSAGE_SIZE);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> index = http.send(HttpRequest.newBuilder(servers.get().baseUri()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains(echoUri().toString()), index.body());
        assertTrue(index.body().contains("<code>" + engine.cliName() + "</code> engine"), index.body());
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(servers.get().baseUri().resolve("/nothing")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        // a WebSocket upgrade to a path without an endpoint is refused before any 101
        BlockingWebSocket ws = OurClient.connect(URI.create("ws://" + servers.get().baseUri().getRawAuthority() + "/nothing"),
                ClientOptions.defaults());
        assertEquals(null, ws.awaitOpen());
        HandshakeFailure.ResponseRejected refused = assertInstanceOf(HandshakeFailure.ResponseRejected.class,
                ((Event.HandshakeFailed) ws.lastEvent()).failure());
        assertEquals(404, refused.response().status());
        ws.close();
    }

    // RFC 6455 §7.4.1 1009 and §10.4: a frame over the limit is refused from its header; the server goes on
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFrameOverTheLimitCloses1009AndOthersAreStillServed(Engine engine) throws Exception {
        start(engine, 1024);
        BlockingWebSocket ws = OurClient.open(echoUri(), ClientOptions.defaults());
        ws.sendBinary(new byte[1024]); // at the limit: echoed
        assertEquals(1024, ((Event.BinaryMessage) OurClient.nextMessageOrClose(ws)).data().length);
        ws.sendBinary(new byte[1025]);
        assertEquals(1009, ((Event.Closed) OurClient.nextMessageOrClose(ws)).code());
        ws.close();
        assertStillServing();
    }

    // RFC 6455 §5.4 + §7.4.1 1009: every fragment is under the limit, the message is not
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aFragmentedMessageOverTheLimitCloses1009(Engine engine) throws Exception {
        start(engine, 1024);
        BlockingWebSocket ws = OurClient.open(echoUri(), ClientOptions.defaults());
        ws.sendFragment(Opcode.BINARY, new byte[600], false);
        ws.sendFragment(Opcode.BINARY, new byte[600], true);
        assertEquals(1009, ((Event.Closed) OurClient.nextMessageOrClose(ws)).code());
        ws.close();
        assertStillServing();
    }

    // RFC 7692 §7.2 + §7.4.1 1009: a tiny compressed frame that inflates over the limit (a deflate bomb)
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aCompressedMessageInflatingOverTheLimitCloses1009(Engine engine) throws Exception {
        start(engine, 1024);
        BlockingWebSocket ws = OurClient.open(echoUri(), ClientOptions.defaults().withExtensions(EchoRun.DEFLATE_OFFER));
        assertTrue(ws.connection().deflate().isPresent(), "deflate negotiated");
        ws.sendBinary(new byte[64 * 1024]); // compresses to ~100 bytes
        assertEquals(1009, ((Event.Closed) OurClient.nextMessageOrClose(ws)).code());
        ws.close();
        assertStillServing();
    }

    private void assertStillServing() throws Exception {
        BlockingWebSocket other = OurClient.open(echoUri(), ClientOptions.defaults());
        other.sendText("still here");
        assertEquals("still here", ((Event.TextMessage) OurClient.nextMessageOrClose(other)).text());
        other.close(1000, "");
        Event end = OurClient.nextMessageOrClose(other);
        assertInstanceOf(Event.Closed.class, end);
        assertEquals(1000, ((Event.Closed) end).code());
        other.close();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void ourClientWithDeflateGets16MiBOfRandomBytesBackInFragments(Engine engine) throws Exception {
        start(engine, LabServerConfig.DEFAULT_MAX_MESSAGE_SIZE);
        byte[] big = new byte[16 << 20];
        new Random(7692).nextBytes(big);
        BlockingWebSocket ws = OurClient.open(echoUri(), ClientOptions.defaults().withExtensions(EchoRun.DEFLATE_OFFER));
        for (int from = 0; from < big.length; from += 1 << 20) { // compressed frames stay under the frame limit
            ws.sendFragment(Opcode.BINARY, java.util.Arrays.copyOfRange(big, from, from + (1 << 20)),
                    from + (1 << 20) == big.length);
        }
        assertArrayEquals(big, ((Event.BinaryMessage) OurClient.nextMessageOrClose(ws)).data());
        ws.sendText("é".repeat(3));
        assertEquals("ééé".getBytes(StandardCharsets.UTF_8).length,
                ((Event.TextMessage) OurClient.nextMessageOrClose(ws)).text().getBytes(StandardCharsets.UTF_8).length);
        ws.close();
    }
}
