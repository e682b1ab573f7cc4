package org.wslab.framing.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wslab.framing.codec.Violation;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.wslab.framing.engine.Event;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.ClientTrust;
import org.wslab.framing.tls.SelfSignedCertificate;
import org.wslab.framing.tls.ServerTls;
import org.wslab.framing.tls.TlsContexts;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;

/** The transport over TLS (RFC 6455 §4.1 (5), §10.6; RFC 8446): what holds on plain TCP holds inside TLS records. */
class TlsTransportTest {
    private static final TransportSettings ONE_LOOP = TransportSettings.defaults().withLoops(1);
    static final SelfSignedCertificate CERT = SelfSignedCertificate.forLocalhost();
    static final ServerTls SERVER = new ServerTls(TlsContexts.server(CERT), List.of());
    static final SSLContext TRUSTING = TlsContexts.client(ClientTrust.anchors("test", CERT.certificate()));

    static org.wslab.handshake.WebSocketUri uri(int port) {
        return ((org.wslab.handshake.WebSocketUri.Parse.Valid) org.wslab.handshake.WebSocketUri.parse(
                "wss://127.0.0.1:" + port + "/echo")).uri();
    }

    static ClientTls client(int port) {
        return new ClientTls(TRUSTING, "127.0.0.1", port, true, List.of());
    }

    // RFC 8446 §5.1 / RFC 6455 §5.2: records split at every point (reads of 1 octet up, both sides) open to
    // the same messages, in order, none lost
    @Test
    void everyMessageComesBackWholeUnderAnySplitOfTheRecords() {
        Props.qt(10).forAll(integers().between(1, 300), integers().between(1, 300),
                lists().of(ByteGens.bytes(0, 3000)).ofSizeBetween(1, 5)).checkAssert((serverRead, clientRead, msgs) -> {
            try (TransportFixture server = new TransportFixture(ONE_LOOP.withReadBufferBytes(serverRead),
                    EchoHandler::new, SERVER);
                 Transport client = Transport.start(ONE_LOOP.withReadBufferBytes(clientRead))) {
                Recorder r = new Recorder(msgs);
                WebSocketChannel ch = server.connect(client, r, client(server.listener.port()));
                assertInstanceOf(Event.HandshakeCompleted.class, r.next());
                for (byte[] m : msgs) {
                    assertArrayEquals(m, assertInstanceOf(Event.BinaryMessage.class, r.next()).data());
                }
                assertTrue(ch.tls().isPresent(), "the TLS facts are known once open");
            } catch (IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void theFactsNameTheVersionCipherAlpnAndCertificate() throws Exception {
        try (TransportFixture server = new TransportFixture(ONE_LOOP, EchoHandler::new, SERVER);
             Transport client = Transport.start(ONE_LOOP)) {
            Recorder r = new Recorder(List.of(new byte[] {1, 2, 3}));
            WebSocketChannel ch = server.connect(client, r, client(server.listener.port()));
            assertInstanceOf(Event.HandshakeCompleted.class, r.next());
            assertArrayEquals(new byte[] {1, 2, 3}, assertInstanceOf(Event.BinaryMessage.class, r.next()).data());
            var facts = ch.tls().orElseThrow();
            assertEquals("TLSv1.3", facts.protocol());
            assertEquals("http/1.1", facts.alpn());
            assertEquals(CERT.sha256Fingerprint(), facts.sha256());
            assertTrue(facts.subject().contains("CN=localhost"), facts.subject());
        }
    }

    /** A JDK TLS socket to {@code port} trusting {@link #CERT}; {@code smallWindow}: a 4 KiB receive buffer. */
    static SSLSocket jdkSocket(int port, boolean smallWindow, String... protocols) throws IOException {
        SSLSocket socket = (SSLSocket) TRUSTING.getSocketFactory().createSocket();
        if (smallWindow) {
            socket.setReceiveBufferSize(4096);
        }
        socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        SSLParameters p = client(port).parameters();
        if (protocols.length > 0) {
            p.setProtocols(protocols);
        }
        socket.setSSLParameters(p);
        return socket;
    }

    // RFC 8446 §5.1: a peer whose every record carries one octet, read one octet at a time, is served like any other
    @Test
    void aPeerThatWritesOneByteRecordsAndReadsOneByteAtATimeIsEchoed() throws Exception {
        try (TransportFixture server = new TransportFixture(ONE_LOOP, EchoHandler::new, SERVER);
             OneByteClient peer = new OneByteClient(server.uri(), jdkSocket(server.listener.port(), false))) {
            peer.open();
            peer.sendText("héllo, one record per byte");
            assertEquals(Event.TextMessage.of("héllo, one record per byte"), peer.nextMessage());
        }
    }

    // RFC 8446 §4.6.3 (TLS 1.3 KeyUpdate) and RFC 5746 (TLS 1.2 renegotiation): the JDK starts either when
    // asked for a new handshake on an open connection; messages before and after come back whole
    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void aKeyUpdateOrRenegotiationMidConnectionLosesNothing(String version) throws Exception {
        try (TransportFixture server = new TransportFixture(ONE_LOOP, EchoHandler::new, SERVER);
             OneByteClient peer = new OneByteClient(server.uri(), jdkSocket(server.listener.port(), false, version))) {
            peer.open();
            SSLSocket tls = (SSLSocket) peer.socket();
            assertEquals(version, tls.getSession().getProtocol());
            peer.sendText("before");
            assertEquals(Event.TextMessage.of("before"), peer.nextMessage());
            for (int i = 0; i < 3; i++) {
                tls.startHandshake(); // TLS 1.3: a KeyUpdate; TLS 1.2: a renegotiation
                peer.sendText("after " + i);
                assertEquals(Event.TextMessage.of("after " + i), peer.nextMessage());
            }
        }
    }

    // wslab policy over TLS: a peer that stops reading cannot grow the server's memory past the outbound
    // limit plus one message and the records the socket did not take
    @Test
    void aStalledTlsPeerCannotGrowOutboundMemory() throws Exception {
        long limit = 256 * 1024;
        byte[] chunk = new byte[16 * 1024];
        AtomicLong maxQueued = new AtomicLong();
        AtomicReference<Event.Closed> closed = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        WebSocketHandler flooder = new WebSocketHandler() {
            @Override
            public void onOpen(WebSocketChannel ch, Event.HandshakeCompleted opened) {
                for (int i = 0; i < 10_000 && ch.sendBinary(chunk) != SendResult.NOT_OPEN; i++) {
                    maxQueued.accumulateAndGet(ch.outboundBytes(), Math::max);
                }
            }

            @Override
            public void onClosed(Event.Closed c) {
                closed.set(c);
                done.countDown();
            }
        };
        try (TransportFixture server = new TransportFixture(ONE_LOOP.withMaxOutboundBytes(limit), () -> flooder, SERVER);
             OneByteClient peer = new OneByteClient(server.uri(), jdkSocket(server.listener.port(), true))) {
            peer.open(); // then never reads again
            assertTrue(done.await(10, TimeUnit.SECONDS), "the connection ended");
            assertTrue(maxQueued.get() <= limit + chunk.length + 17 * 1024, "outbound stayed bounded: " + maxQueued.get());
            assertEquals(Violation.OUTBOUND_OVERFLOW, closed.get().error().orElseThrow().violation());
        }
    }
}
