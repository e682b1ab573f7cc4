package org.wslab.lab.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.eclipse.jetty.websocket.api.exceptions.UpgradeException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.HandshakeFailure;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.SelfSignedCertificate;
import org.wslab.framing.transport.TransportSettings;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.OriginPattern;
import org.wslab.handshake.WebSocketUri;

/**
 * The Origin allow-list (RFC 6455 §4.2.2 (4), §10.2) on both engines and both listeners, with real
 * clients: Jetty's {@code WebSocketClient} and our {@code BlockingWebSocket}. A listed Origin (any
 * letter case) is echoed, another gets 403, a request without Origin is served, and a server
 * without a list serves any Origin.
 */
class OriginAllowListTest {
    private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.forLocalhost();
    private static final List<OriginPattern> ALLOWED = List.of(OriginPattern.parse("https://app.example.com"),
            OriginPattern.parse("http://localhost:*"));

    @RegisterExtension
    final TestServer servers = new TestServer();

    static Stream<Arguments> enginesAndListeners() {
        return Stream.of(Engine.values()).flatMap(e -> Stream.of(Arguments.of(e, false), Arguments.of(e, true)));
    }

    private URI start(Engine engine, boolean tls, List<OriginPattern> origins) throws Exception {
        servers.start(engine, c -> c.withTls(TestTls.listener(CERTIFICATE)).withOrigins(origins));
        return tls ? servers.secureEchoUri() : servers.echoUri();
    }

    private static EchoClient jetty(URI uri, boolean tls, String origin) throws Exception {
        return new EchoClient(uri, tls ? TestTls.clientContext(CERTIFICATE.certificate()) : null, 1 << 20,
                request -> {
                    if (origin != null) {
                        request.setHeader("Origin", origin);
                    }
                });
    }

    private BlockingWebSocket ours(URI uri, boolean tls, ClientOptions options) throws Exception {
        WebSocketUri ws = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(uri.toString())).uri();
        Optional<ClientTls> trust = tls ? Optional.of(new ClientTls(TestTls.clientContext(CERTIFICATE.certificate()),
                "127.0.0.1", uri.getPort(), true, List.of())) : Optional.empty();
        return BlockingWebSocket.connect(ws, options, EngineSettings.defaults(), TransportSettings.defaults(),
                BlockingWebSocket.DEFAULT_EVENT_CAPACITY, trust);
    }

    private static void assertEchoes(BlockingWebSocket ws) throws Exception {
        assertNotNull(ws.awaitOpen(), () -> "handshake: " + ws.lastEvent());
        ws.sendText("same origin");
        Event.TextMessage back = assertInstanceOf(Event.TextMessage.class, OurClient.nextMessageOrClose(ws));
        assertEquals("same origin", new String(back.utf8(), StandardCharsets.UTF_8));
    }

    // Jetty's client: a listed Origin in another letter case is served and echoed
    @ParameterizedTest(name = "{0} tls={1}")
    @MethodSource("enginesAndListeners")
    void aListedOriginIsEchoed(Engine engine, boolean tls) throws Exception {
        URI uri = start(engine, tls, ALLOWED);
        try (EchoClient client = jetty(uri, tls, "HTTPS://App.Example.COM")) {
            client.sendText("allowed");
            assertEquals("allowed", client.next());
        }
        try (EchoClient client = jetty(uri, tls, "http://localhost:5173")) {
            client.sendText("any port");
            assertEquals("any port", client.next());
        }
    }

    // Jetty's client: another site's page, or the right host on another port or scheme, gets 403
    @ParameterizedTest(name = "{0} tls={1}")
    @MethodSource("enginesAndListeners")
    void anotherOriginGets403(Engine engine, boolean tls) throws Exception {
        URI uri = start(engine, tls, ALLOWED);
        for (String origin : List.of("https://evil.example", "https://app.example.com:8443", "http://app.example.com",
                "null")) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> jetty(uri, tls, origin).close(), origin);
            UpgradeException refused = assertInstanceOf(UpgradeException.class, e.getCause(), origin);
            assertEquals(403, refused.getResponseStatusCode(), origin);
        }
    }

    // our client: the 403 is a rejected response, and without Origin (a non-browser client) it is served
    @ParameterizedTest(name = "{0} tls={1}")
    @MethodSource("enginesAndListeners")
    void ourClientIsRefusedWithAForeignOriginAndServedWithNone(Engine engine, boolean tls) throws Exception {
        URI uri = start(engine, tls, ALLOWED);
        try (BlockingWebSocket ws = ours(uri, tls, ClientOptions.defaults().withOrigin("https://evil.example"))) {
            assertNull(ws.awaitOpen());
            Event.HandshakeFailed failed = assertInstanceOf(Event.HandshakeFailed.class, ws.lastEvent());
            HandshakeFailure.ResponseRejected rejected =
                    assertInstanceOf(HandshakeFailure.ResponseRejected.class, failed.failure());
            assertEquals(403, rejected.response().status());
        }
        try (BlockingWebSocket ws = ours(uri, tls, ClientOptions.defaults())) {
            assertEchoes(ws);
        }
        try (BlockingWebSocket ws = ours(uri, tls, ClientOptions.defaults().withOrigin("https://app.example.com"))) {
            assertEchoes(ws);
        }
    }

    // no list: any Origin is served, as before the option existed
    @ParameterizedTest(name = "{0} tls={1}")
    @MethodSource("enginesAndListeners")
    void withoutAListAnyOriginIsServed(Engine engine, boolean tls) throws Exception {
        URI uri = start(engine, tls, List.of());
        try (EchoClient client = jetty(uri, tls, "https://evil.example")) {
            client.sendText("open");
            assertEquals("open", client.next());
        }
    }
}
