package org.wslab.lab.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.SelfSignedCertificate;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.framing.transport.TransportSettings;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.client.EchoRun;

/**
 * {@code wss://} (RFC 6455 §4.1 (5), §10.6; TLS 1.3, RFC 8446) on both engines with real clients:
 * Jetty's {@code WebSocketClient}, our own {@code BlockingWebSocket} and the JDK's HTTP client,
 * each trusting only the server's self-signed certificate with the hostname check on. The plain and
 * the TLS listener of one server serve at once.
 */
class TlsEchoTest {
    private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.forLocalhost();
    private static final int MIB = 1 << 20;

    @RegisterExtension
    final TestServer servers = new TestServer();

    private LabServer start(Engine engine) throws Exception {
        return servers.start(engine, c -> c.withTls(TestTls.listener(CERTIFICATE)));
    }

    // Jetty's client over TLS: text, binary and 1 MiB of each come back unchanged (a TLS record holds
    // at most 16 KiB, RFC 8446 §5.1, so a 1 MiB message crosses many), with and without RFC 7692
    @ParameterizedTest(name = "{0} deflate={1}")
    @MethodSource("org.wslab.lab.server.EngineParityTest#enginesAndDeflate")
    void jettysClientEchoesOverTls(Engine engine, boolean deflate) throws Exception {
        start(engine);
        Random random = new Random(8446);
        String[] offer = deflate ? new String[] {"permessage-deflate"} : new String[0];
        try (EchoClient client = new EchoClient(servers.secureEchoUri(), TestTls.clientContext(CERTIFICATE.certificate()),
                4L * MIB, offer)) {
            List<ExtensionConfig> accepted = client.session().getUpgradeResponse().getExtensions();
            assertEquals(deflate, accepted.stream().anyMatch(x -> x.getName().equals("permessage-deflate")),
                    "accepted: " + accepted);
            assertTrue(client.session().isSecure(), "Jetty's session is over TLS");
            client.sendText("hello over TLS");
            assertEquals("hello over TLS", client.next());
            for (int size : new int[] {0, 125, 65_536, MIB}) {
                byte[] binary = new byte[size];
                random.nextBytes(binary);
                client.sendBinary(binary);
                assertArrayEquals(binary, (byte[]) client.next(), size + " binary bytes");
                String text = "é".repeat(size / 2);
                client.sendText(text);
                assertEquals(text, client.next(), size + " text bytes");
            }
            client.session().close(CloseCode.NORMAL.code(), "done", org.eclipse.jetty.websocket.api.Callback.NOOP);
            assertEquals(CloseCode.NORMAL.code(), client.closeCode());
        }
    }

    // our client on our NIO transport over TLS, to either engine, with and without RFC 7692: the TLS
    // facts it reports are the server certificate's, and text and binary (1 MiB) come back unchanged
    @ParameterizedTest(name = "{0} deflate={1}")
    @MethodSource("org.wslab.lab.server.EngineParityTest#enginesAndDeflate")
    void ourClientEchoesOverTls(Engine engine, boolean deflate) throws Exception {
        LabServer server = start(engine);
        int tlsPort = server.tlsPort().orElseThrow();
        WebSocketUri uri = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(servers.secureEchoUri().toString())).uri();
        ClientTls tls = new ClientTls(TestTls.clientContext(CERTIFICATE.certificate()), "127.0.0.1", tlsPort, true,
                List.of());
        ClientOptions options = deflate ? ClientOptions.defaults().withExtensions(EchoRun.DEFLATE_OFFER)
                : ClientOptions.defaults();
        try (BlockingWebSocket ws = BlockingWebSocket.connect(uri, options,
                EngineSettings.defaults().withLimits(4L * MIB, 4L * MIB), TransportSettings.defaults(),
                BlockingWebSocket.DEFAULT_EVENT_CAPACITY, Optional.of(tls))) {
            assertTrue(ws.awaitOpen() != null, "handshake: " + ws.lastEvent());
            assertEquals(deflate, ws.connection().deflate().isPresent(), "deflate negotiated");
            TlsFacts facts = ws.tls().orElseThrow();
            assertEquals(CERTIFICATE.sha256Fingerprint(), facts.sha256());
            assertTrue(facts.protocol().startsWith("TLSv1."), facts.protocol());

            ws.sendText("ours over TLS");
            Event text = OurClient.nextMessageOrClose(ws);
            assertEquals("ours over TLS",
                    new String(assertInstanceOf(Event.TextMessage.class, text).utf8(), StandardCharsets.UTF_8));
            byte[] big = new byte[MIB];
            new Random(5246).nextBytes(big);
            ws.sendBinary(big);
            assertArrayEquals(big, assertInstanceOf(Event.BinaryMessage.class, OurClient.nextMessageOrClose(ws)).data());
            ws.close(CloseCode.NORMAL.code(), "done");
            Event.Closed closed = assertInstanceOf(Event.Closed.class, OurClient.nextMessageOrClose(ws));
            assertEquals(CloseCode.NORMAL.code(), closed.code());
        }
    }

    // one server, two listeners at once: a ws:// and a wss:// connection open side by side on
    // different ports, each echoing; the index page answers over HTTPS and lists the wss:// URLs
    @ParameterizedTest
    @EnumSource(Engine.class)
    void plainAndTlsListenersServeAtOnce(Engine engine) throws Exception {
        LabServer server = start(engine);
        assertNotEquals(server.port(), server.tlsPort().orElseThrow());
        try (EchoClient plain = new EchoClient(servers.echoUri(), MIB);
             EchoClient secure = new EchoClient(servers.secureEchoUri(), TestTls.clientContext(CERTIFICATE.certificate()),
                     MIB)) {
            assertTrue(!plain.session().isSecure() && secure.session().isSecure());
            plain.sendText("plain");
            secure.sendText("secure");
            assertEquals("secure", secure.next());
            assertEquals("plain", plain.next());
        }
        HttpClient https = HttpClient.newBuilder().sslContext(TestTls.clientContext(CERTIFICATE.certificate())).build();
        URI index = server.secureBaseUri().orElseThrow();
        HttpResponse<String> page = https.send(HttpRequest.newBuilder(index).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains(servers.secureEchoUri().toString()), page.body());
        assertTrue(page.body().contains(servers.echoUri().toString()), page.body());
    }

    // plain HTTP sent to the TLS port is not a TLS ClientHello (RFC 8446 §4.1.2): that connection
    // ends without a 101, and the listener serves the next wss:// client as before
    @ParameterizedTest
    @EnumSource(Engine.class)
    void plainBytesAtTheTlsPortEndThatConnectionOnly(Engine engine) throws Exception {
        LabServer server = start(engine);
        try (java.net.Socket raw = new java.net.Socket("127.0.0.1", server.tlsPort().orElseThrow())) {
            raw.setSoTimeout((int) TimeUnit.SECONDS.toMillis(EchoClient.WAIT_SECONDS));
            raw.getOutputStream().write(("GET /websocket/echo HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(raw.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(!answer.contains(" 101 "), answer);
        }
        try (EchoClient secure = new EchoClient(servers.secureEchoUri(), TestTls.clientContext(CERTIFICATE.certificate()),
                MIB)) {
            secure.sendText("still serving");
            assertEquals("still serving", secure.next());
        }
    }

    // a stopping server ends its TLS connections as its plain ones: a Close with 1001 "going away"
    // (RFC 6455 §7.4.1) that reaches the client through TLS, then the TCP close
    @ParameterizedTest
    @EnumSource(Engine.class)
    void stoppingClosesTlsConnectionsWithGoingAway(Engine engine) throws Exception {
        LabServer server = start(engine);
        try (EchoClient secure = new EchoClient(servers.secureEchoUri(), TestTls.clientContext(CERTIFICATE.certificate()),
                MIB)) {
            secure.sendText("before the stop");
            assertEquals("before the stop", secure.next());
            server.close();
            assertEquals(CloseCode.GOING_AWAY.code(), secure.closeCode());
        }
    }
}
