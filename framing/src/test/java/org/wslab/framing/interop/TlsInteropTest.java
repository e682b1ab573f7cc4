package org.wslab.framing.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.ClientTrust;
import org.wslab.framing.tls.SelfSignedCertificate;
import org.wslab.framing.tls.ServerTls;
import org.wslab.framing.tls.TlsContexts;
import org.wslab.framing.transport.EchoHandler;
import org.wslab.framing.transport.TransportSettings;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;

/**
 * {@code wss://} both ways against Jetty 12's own TLS (RFC 6455 §4.1 (5), §10.6; RFC 8446): our client
 * on our transport ↔ Jetty's server with {@code SslContextFactory.Server}; Jetty's client with
 * {@code SslContextFactory.Client} ↔ our server. Hostname verification is on in both clients.
 */
class TlsInteropTest {
    private static final SelfSignedCertificate CERT = SelfSignedCertificate.forLocalhost();
    private static SSLContext trusting;
    private static JettyEchoServer jettyServer;
    private static OurServer ourServer;
    private static WebSocketClient jettyClient;

    @BeforeAll
    static void start() throws Exception {
        trusting = TlsContexts.client(ClientTrust.anchors("test", CERT.certificate()));
        jettyServer = new JettyEchoServer(TlsContexts.server(CERT));
        ourServer = new OurServer(EngineSettings.defaults().withLimits(JettyEchoServer.LIMIT, JettyEchoServer.LIMIT),
                EchoHandler::new, new ServerTls(TlsContexts.server(CERT), List.of()));
        SslContextFactory.Client tls = new SslContextFactory.Client();
        tls.setSslContext(trusting);
        tls.setEndpointIdentificationAlgorithm("HTTPS");
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(tls);
        jettyClient = new WebSocketClient(new HttpClient(new HttpClientTransportOverHTTP(connector)));
        jettyClient.setMaxBinaryMessageSize(JettyEchoServer.LIMIT);
        jettyClient.start();
    }

    @AfterAll
    static void stop() throws Exception {
        jettyClient.stop();
        ourServer.close();
        jettyServer.stop();
    }

    @Test
    void ourClientEchoesThroughJettysTls() throws Exception {
        WebSocketUri uri = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(jettyServer.uri())).uri();
        ClientTls tls = new ClientTls(trusting, "127.0.0.1", uri.port(), true, List.of());
        try (BlockingWebSocket ws = BlockingWebSocket.connect(uri, ClientOptions.defaults(),
                EngineSettings.defaults().withLimits(JettyEchoServer.LIMIT, JettyEchoServer.LIMIT),
                TransportSettings.defaults(), BlockingWebSocket.DEFAULT_EVENT_CAPACITY, Optional.of(tls))) {
            assertNotNull(ws.awaitOpen(), () -> "handshake failed: " + ws.lastEvent());
            assertEquals(CERT.sha256Fingerprint(), ws.tls().orElseThrow().sha256());
            byte[] big = Payloads.binary(1 << 20, 7);
            assertEquals(true, ws.sendBinary(big));
            assertArrayEquals(big, ((Event.BinaryMessage) nextMessage(ws)).data());
            assertEquals(true, ws.sendText("héllo over TLS"));
            assertEquals(Event.TextMessage.of("héllo over TLS"), nextMessage(ws));
        }
    }

    private static Event nextMessage(BlockingWebSocket ws) throws Exception {
        for (Event e; (e = ws.next()) != null; ) {
            if (e instanceof Event.TextMessage || e instanceof Event.BinaryMessage) {
                return e;
            }
        }
        throw new AssertionError("connection ended: " + ws.lastEvent());
    }

    @Test
    void jettysClientEchoesThroughOurTls() throws Exception {
        JettyClientEndpoint endpoint = new JettyClientEndpoint();
        URI uri = URI.create("wss://127.0.0.1:" + ourServer.port() + "/echo");
        Session session = jettyClient.connect(endpoint, new ClientUpgradeRequest(uri)).get(10, TimeUnit.SECONDS);
        try {
            byte[] big = Payloads.binary(1 << 20, 3);
            session.sendBinary(ByteBuffer.wrap(big), Callback.NOOP);
            assertArrayEquals(big, (byte[]) endpoint.received.poll(30, TimeUnit.SECONDS));
            session.sendText("héllo over our TLS", Callback.NOOP);
            assertEquals("héllo over our TLS", endpoint.received.poll(30, TimeUnit.SECONDS));
        } finally {
            session.close();
        }
    }
}
