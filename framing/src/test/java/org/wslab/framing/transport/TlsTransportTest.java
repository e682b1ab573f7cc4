package org.wslab.framing.transport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.IOException;
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
    static final SSLContext TRUSTING = TlsContexts.client(TlsTestTrust.of(CERT));

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
}
