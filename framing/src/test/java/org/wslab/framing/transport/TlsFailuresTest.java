package org.wslab.framing.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.HandshakeFailure;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.ClientTrust;
import org.wslab.framing.tls.SelfSignedCertificate;
import org.wslab.framing.tls.ServerTls;
import org.wslab.framing.tls.TlsContexts;
import org.wslab.framing.tls.TlsFailure;
import org.wslab.framing.tls.TlsProblem;

/**
 * Each way a {@code wss://} connection fails (RFC 6455 §4.1 (5); RFC 5280; RFC 6125; RFC 8446) reaches
 * the handler as a failed handshake naming its {@link TlsProblem}, then a 1006 close — never a hang.
 */
class TlsFailuresTest {
    private static final TransportSettings ONE_LOOP = TransportSettings.defaults().withLoops(1);

    /** Connects a wss:// client with {@code tls} to {@code server}; returns its handshake failure. */
    private static TlsFailure clientFailure(TransportFixture server, ClientTls tls) throws Exception {
        try (Transport client = Transport.start(ONE_LOOP)) {
            Recorder r = new Recorder(List.of());
            server.connect(client, r, tls);
            Event first = r.next();
            HandshakeFailure f = assertInstanceOf(Event.HandshakeFailed.class, first).failure();
            Event.Closed closed = assertInstanceOf(Event.Closed.class, r.next());
            assertEquals(1006, closed.code());
            return assertInstanceOf(HandshakeFailure.TlsFailed.class, f).failure();
        }
    }

    private static ServerTls serving(SelfSignedCertificate cert, String... versions) {
        return new ServerTls(TlsContexts.server(cert), List.of(versions));
    }

    private static ClientTls trusting(SelfSignedCertificate cert, int port, String... versions) {
        return new ClientTls(TlsContexts.client(ClientTrust.anchors("test", cert.certificate())), "127.0.0.1", port,
                true, List.of(versions));
    }

    // RFC 5280 §6.1: a self-signed certificate is not in the JDK's trust store
    @Test
    void aCertificateNobodyTrustsIsNamedWithItsChain() throws Exception {
        try (TransportFixture server = new TransportFixture(ONE_LOOP, EchoHandler::new, TlsTransportTest.SERVER)) {
            ClientTls system = new ClientTls(TlsContexts.client(ClientTrust.system()), "127.0.0.1",
                    server.listener.port(), true, List.of());
            TlsFailure f = clientFailure(server, system);
            assertEquals(TlsProblem.UNTRUSTED_CERTIFICATE, f.problem());
            assertEquals(TlsTransportTest.CERT.certificate(), f.chain().get(0));
        }
    }

    // RFC 6125 §6: the certificate names example.org, the URL's host is 127.0.0.1
    @Test
    void aCertificateForAnotherHostIsAHostnameMismatch() throws Exception {
        Instant now = Instant.now();
        SelfSignedCertificate other = SelfSignedCertificate.generate("example.org", List.of("example.org"), List.of(),
                now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)));
        try (TransportFixture server = new TransportFixture(ONE_LOOP, EchoHandler::new, serving(other))) {
            TlsFailure f = clientFailure(server, trusting(other, server.listener.port()));
            assertEquals(TlsProblem.HOSTNAME_MISMATCH, f.problem());
            assertTrue(f.detail().contains("example.org"), f.detail());
        }
    }

    // RFC 5280 §4.1.2.5: trusted, but past its notAfter
    @Test
    void anExpiredCertificateIsNamedExpired() throws Exception {
        Instant now = Instant.now();
        SelfSignedCertificate expired = SelfSignedCertificate.generate("localhost", List.of("localhost"),
                List.of("127.0.0.1"), now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(1)));
        try (TransportFixture server = new TransportFixture(ONE_LOOP, EchoHandler::new, serving(expired))) {
            TlsFailure f = clientFailure(server, trusting(expired, server.listener.port()));
            assertEquals(TlsProblem.EXPIRED_CERTIFICATE, f.problem());
        }
    }

    // RFC 8446 §5.1: a plain server answers a ClientHello with an HTTP 400; the client quotes it
    @Test
    void aPlainServerBehindAWssUrlIsNotTls() throws Exception {
        try (TransportFixture plain = new TransportFixture(ONE_LOOP, EchoHandler::new)) {
            TlsFailure f = clientFailure(plain, trusting(TlsTransportTest.CERT, plain.listener.port()));
            assertEquals(TlsProblem.NOT_TLS, f.problem());
            assertTrue(f.detail().contains("HTTP/1.1 4"), f.detail());
        }
    }

    // RFC 8446 §4.1.1: the client offers TLS 1.2 only, the server takes TLS 1.3 only
    @Test
    void noCommonVersionIsNamed() throws Exception {
        try (TransportFixture server = new TransportFixture(ONE_LOOP, EchoHandler::new,
                serving(TlsTransportTest.CERT, "TLSv1.3"))) {
            TlsFailure f = clientFailure(server, trusting(TlsTransportTest.CERT, server.listener.port(), "TLSv1.2"));
            assertEquals(TlsProblem.NO_COMMON_PROTOCOL, f.problem(), f.reason());
        }
    }

    // RFC 8446 §6.1: a server that closes (FIN, or a reset: SO_LINGER 0) before any record
    @ParameterizedTest(name = "reset={0}")
    @ValueSource(booleans = {false, true})
    void aServerThatClosesDuringTheTlsHandshakeIsNamed(boolean reset) throws Exception {
        try (ServerSocket closer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Transport client = Transport.start(ONE_LOOP)) {
            Thread t = new Thread(() -> {
                try (Socket s = closer.accept()) {
                    if (reset) {
                        s.setSoLinger(true, 0);
                    }
                    s.getInputStream().readNBytes(5); // the ClientHello's record header, then close
                } catch (IOException ignored) {
                    // the test sees the outcome
                }
            });
            t.start();
            Recorder r = new Recorder(List.of());
            var c = org.wslab.framing.engine.Connection.client(new org.wslab.framing.engine.ClientOpening(
                    org.wslab.handshake.ClientHandshake.create(TlsTransportTest.uri(closer.getLocalPort()),
                            org.wslab.handshake.ClientOptions.defaults())),
                    org.wslab.framing.engine.EngineSettings.defaults(), System.nanoTime());
            client.connect(new java.net.InetSocketAddress("127.0.0.1", closer.getLocalPort()),
                    trusting(TlsTransportTest.CERT, closer.getLocalPort()), c, r);
            HandshakeFailure f = assertInstanceOf(Event.HandshakeFailed.class, r.next()).failure();
            assertEquals(TlsProblem.CLOSED_DURING_TLS_HANDSHAKE, f.rule());
            t.join();
        }
    }

    // RFC 6455 §3 + RFC 8446 §6: a ws:// client at a TLS port gets an alert record where HTTP should be;
    // the server names the plain request it got
    @Test
    void aPlainClientAtATlsPortIsToldToUseWssAndTheServerNamesIt() throws Exception {
        BlockingQueue<HandshakeFailure> serverSide = new LinkedBlockingQueue<>();
        WebSocketHandler watcher = new WebSocketHandler() {
            @Override
            public void onOpen(WebSocketChannel ch, Event.HandshakeCompleted opened) {
                // not reached: the request never gets through TLS
            }

            @Override
            public void onHandshakeFailed(HandshakeFailure failure) {
                serverSide.add(failure);
            }
        };
        try (TransportFixture server = new TransportFixture(ONE_LOOP, () -> watcher, TlsTransportTest.SERVER);
             Transport client = Transport.start(ONE_LOOP)) {
            Recorder r = new Recorder(List.of());
            server.connect(client, r);
            HandshakeFailure f = assertInstanceOf(Event.HandshakeFailed.class, r.next()).failure();
            assertEquals(TlsProblem.TLS_ON_PLAIN_URL, f.rule(), f.reason());
            HandshakeFailure seen = serverSide.poll(10, TimeUnit.SECONDS);
            assertEquals(TlsProblem.NOT_TLS, seen.rule(), seen.reason());
            assertTrue(seen.detail().contains("GET /echo"), seen.detail());
        }
    }

    // the same from a raw socket: what the server sends back is a TLS alert record (content type 21)
    @Test
    void thePlainRequestIsAnsweredWithATlsAlert() throws Exception {
        try (TransportFixture server = new TransportFixture(ONE_LOOP, EchoHandler::new, TlsTransportTest.SERVER);
             Socket s = new Socket("127.0.0.1", server.listener.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertEquals(0x15, s.getInputStream().read());
        }
    }

    // RFC 8446 §5.1 / §6: any bytes at a TLS port end that connection with a typed failure (a TLS rule, or a
    // close during the TLS handshake) and the server goes on serving a real client
    @Test
    void garbageAtATlsPortIsATypedFailureAndTheServerServesOn() throws Exception {
        BlockingQueue<HandshakeFailure> failures = new LinkedBlockingQueue<>();
        WebSocketHandler watcher = new EchoHandler() {
            @Override
            public void onHandshakeFailed(HandshakeFailure failure) {
                failures.add(failure);
            }
        };
        try (TransportFixture server = new TransportFixture(ONE_LOOP, () -> watcher, TlsTransportTest.SERVER)) {
            org.wslab.testkit.Props.qt(40).forAll(org.wslab.testkit.ByteGens.bytes(1, 600)).checkAssert(garbage -> {
                try (Socket s = new Socket("127.0.0.1", server.listener.port())) {
                    s.getOutputStream().write(garbage);
                    s.shutdownOutput();
                    HandshakeFailure f = failures.poll(10, TimeUnit.SECONDS);
                    assertInstanceOf(HandshakeFailure.TlsFailed.class, f, "typed: " + f);
                } catch (IOException | InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            try (Transport client = Transport.start(ONE_LOOP)) {
                Recorder r = new Recorder(List.of(new byte[] {42}));
                server.connect(client, r, trusting(TlsTransportTest.CERT, server.listener.port()));
                assertInstanceOf(Event.HandshakeCompleted.class, r.next());
                assertInstanceOf(Event.BinaryMessage.class, r.next());
            }
        }
    }
}
