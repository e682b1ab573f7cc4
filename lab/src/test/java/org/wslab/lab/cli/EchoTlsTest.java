package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wslab.framing.tls.SelfSignedCertificate;
import org.wslab.lab.server.LabServer;

/**
 * {@code wslab echo wss://…} on our engine's TLS transport against the lab's Jetty server (RFC 6455
 * §4.1 (5), RFC 8446): echoes match over TLS, the tls: line and object are printed, {@code --trace}
 * says where TLS sits, and TLS failures are the same one line as {@code handshake}'s.
 */
class EchoTlsTest {
    private static final SelfSignedCertificate CERT = SelfSignedCertificate.forLocalhost();
    private static LabServer server;
    private static String ca;

    @BeforeAll
    static void start() throws Exception {
        server = TlsFixtures.jetty(CERT);
        ca = CERT.writePem(Files.createTempDirectory("wslab-echo-tls").resolve("cert.pem")).toString();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void echoesOverTlsAndNamesIt() {
        CliRun run = CliRun.of("echo", "--ca", ca, "--count", "3", TlsFixtures.wss(server, "/websocket/echo"));
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("  tls: TLSv1.3, TLS_") && run.out().contains(CERT.sha256Fingerprint()), run.out());
        assertTrue(run.out().contains("sent 3 text messages") && run.out().contains("OK: every echo matched"), run.out());
    }

    @Test
    void jsonHasTheTlsObject() throws Exception {
        CliRun run = CliRun.of("echo", "--json", "--tls-version", "TLSv1.2", "--ca", ca,
                TlsFixtures.wss(server, "/websocket/echo"));
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        JsonNode tls = new ObjectMapper().readTree(run.out()).get("tls");
        assertEquals("TLSv1.2", tls.get("protocol").asText(), run.out());
        assertEquals(CERT.sha256Fingerprint(), tls.get("certificate").get("sha256").asText(), run.out());
    }

    @Test
    void traceSaysTheBytesAreInsideTls() {
        CliRun run = CliRun.of("echo", "--trace", "--ca", ca, TlsFixtures.wss(server, "/websocket/echo"));
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        String first = run.outLines().get(0);
        assertTrue(first.startsWith("# TLS TLSv1.3 TLS_") && first.contains("plaintext inside TLS records")
                && first.endsWith("frames are unchanged"), run.out());
    }

    @Test
    void untrustedCertificateIsOneLine() {
        CliRun run = CliRun.of("echo", TlsFixtures.wss(server, "/websocket/echo"));
        HandshakeTlsTest.assertLine(run, "wslab: TLS to 127.0.0.1:" + server.tlsPort().getAsInt()
                + " failed: the server's certificate is not trusted");
        assertTrue(run.err().contains("--ca FILE") && run.err().contains(CERT.sha256Fingerprint()), run.err());
    }

    @Test
    void plainServerOnWssIsOneLine() throws Exception {
        try (TlsFixtures.Peer plain = TlsFixtures.plainHttp()) {
            CliRun run = CliRun.of("echo", "wss://127.0.0.1:" + plain.port() + "/websocket/echo");
            HandshakeTlsTest.assertLine(run, "wslab: 127.0.0.1:" + plain.port() + " is not a TLS server");
            assertTrue(run.err().contains("plain HTTP"), run.err());
        }
    }

    @Test
    void tlsServerOnWsSaysUseWss() {
        int port = server.tlsPort().getAsInt();
        CliRun run = CliRun.of("echo", "ws://127.0.0.1:" + port + "/websocket/echo");
        HandshakeTlsTest.assertLine(run, "wslab: 127.0.0.1:" + port + " speaks TLS");
    }

    @Test
    void ourEngineAgreesAlpnHttp11() throws Exception {
        try (LabServer ours = TlsFixtures.server(org.wslab.lab.server.Engine.WSLAB, CERT)) {
            CliRun run = CliRun.of("echo", "--ca", ca, TlsFixtures.wss(ours, "/websocket/echo"));
            assertEquals(ExitCode.OK, run.exitCode(), run.toString());
            assertTrue(run.out().contains(", ALPN http/1.1; certificate"), run.out());
        }
    }

    @Test
    void wrongHostAndExpiredCertificatesOnOurTransport() throws Exception {
        SelfSignedCertificate other = TlsFixtures.otherHost();
        SelfSignedCertificate expired = TlsFixtures.expired();
        java.nio.file.Path dir = Files.createTempDirectory("wslab-echo-tls-bad");
        try (LabServer wrong = TlsFixtures.jetty(other); LabServer old = TlsFixtures.jetty(expired)) {
            CliRun run = CliRun.of("echo", "--ca", other.writePem(dir.resolve("o.pem")).toString(),
                    TlsFixtures.wss(wrong, "/websocket/echo"));
            HandshakeTlsTest.assertLine(run, "wslab: TLS to 127.0.0.1:" + wrong.tlsPort().getAsInt()
                    + " failed: the server's certificate does not name '127.0.0.1'; it names other.example");
            run = CliRun.of("echo", "--ca", expired.writePem(dir.resolve("e.pem")).toString(),
                    TlsFixtures.wss(old, "/websocket/echo"));
            HandshakeTlsTest.assertLine(run, "wslab: TLS to 127.0.0.1:" + old.tlsPort().getAsInt()
                    + " failed: the server's certificate expired on " + expired.certificate().getNotAfter().toInstant());
        }
    }

    @Test
    void closedDuringTlsAndNoCommonVersionOnOurTransport() throws Exception {
        try (TlsFixtures.Peer peer = TlsFixtures.hangsUp()) {
            HandshakeTlsTest.assertLine(CliRun.of("echo", "wss://127.0.0.1:" + peer.port() + "/"),
                    "wslab: 127.0.0.1:" + peer.port() + " closed the connection during the TLS handshake");
        }
        try (TlsFixtures.Peer peer = TlsFixtures.tlsOnly(CERT, "TLSv1.2")) {
            HandshakeTlsTest.assertLine(CliRun.of("echo", "--tls-version", "TLSv1.3", "--ca", ca,
                    "wss://127.0.0.1:" + peer.port() + "/"), "wslab: TLS to 127.0.0.1:" + peer.port()
                    + " failed: no TLS version or cipher suite both sides accept");
        }
    }

    @Test
    void insecureOnWsIsAUsageError() {
        HandshakeTlsTest.assertLine(CliRun.of("echo", "--insecure", "ws://127.0.0.1:1/"),
                "wslab: --insecure applies to wss:// URLs only");
    }
}
