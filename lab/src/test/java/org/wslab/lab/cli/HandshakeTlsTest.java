package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wslab.framing.tls.SelfSignedCertificate;
import org.wslab.lab.json.JsonSchemas;
import org.wslab.lab.server.LabServer;

/**
 * {@code wslab handshake wss://…} against real TLS peers (RFC 6455 §4.1 (5), RFC 8446): the lab's
 * Jetty server with a good, an expired and a wrong-host certificate, and raw sockets for the wrong
 * kind of server. Success prints the tls: line; each failure is one line, exit 2, naming what to do.
 */
class HandshakeTlsTest {
    private static final SelfSignedCertificate GOOD = SelfSignedCertificate.forLocalhost();
    private static final SelfSignedCertificate EXPIRED = TlsFixtures.expired();
    private static final SelfSignedCertificate OTHER = TlsFixtures.otherHost();
    private static LabServer good;
    private static LabServer expired;
    private static LabServer other;
    private static Path dir;

    @BeforeAll
    static void start() throws Exception {
        good = TlsFixtures.jetty(GOOD);
        expired = TlsFixtures.jetty(EXPIRED);
        other = TlsFixtures.jetty(OTHER);
        dir = Files.createTempDirectory("wslab-tls-test");
    }

    @AfterAll
    static void stop() throws Exception {
        good.close();
        expired.close();
        other.close();
    }

    static String pem(SelfSignedCertificate cert, String name) throws Exception {
        return cert.writePem(dir.resolve(name + ".pem")).toString();
    }

    @Test
    void trustedByCaFileItHandshakesAndNamesTheTls() throws Exception {
        CliRun run = CliRun.of("handshake", "--ca", pem(GOOD, "good"), TlsFixtures.wss(good, "/websocket/echo"));
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertEquals("", run.err(), run.toString());
        String tls = run.outLines().get(0);
        assertTrue(tls.startsWith("tls: TLSv1.3, TLS_"), tls);
        assertTrue(tls.contains("ALPN"), tls); // offered; Jetty's HTTP/1.1-only connector agrees none
        assertTrue(tls.contains("CN=localhost'") && tls.contains(GOOD.sha256Fingerprint()), tls);
        assertTrue(run.out().contains("verdict: accepted"), run.out());
    }

    @Test
    void jsonCarriesATlsObject() throws Exception {
        CliRun run = CliRun.of("handshake", "--json", "--tls-version", "TLSv1.2", "--ca", pem(GOOD, "good"),
                TlsFixtures.wss(good, "/websocket/echo"));
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        JsonNode root = JsonSchemas.assertValid("handshake", run.out());
        assertTrue(root.get("timings").get("tlsMs").isNumber(), run.out()); // measured under wss://
        JsonNode tls = root.get("tls");
        assertEquals("TLSv1.2", tls.get("protocol").asText(), run.out());
        assertTrue(tls.has("alpn"), run.out());
        assertEquals(GOOD.sha256Fingerprint(), tls.get("certificate").get("sha256").asText(), run.out());
    }

    @Test
    void insecureWarnsLoudlyAndConnects() {
        CliRun run = CliRun.of("handshake", "--insecure", TlsFixtures.wss(other, "/websocket/echo"));
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("wslab: WARNING --insecure: the server's certificate is NOT checked"), run.err());
        assertTrue(run.out().contains("CN=other.example'"), run.out());
    }

    @Test
    void untrustedCertificateIsNamedWithHowToTrustIt() {
        CliRun run = CliRun.of("handshake", TlsFixtures.wss(good, "/websocket/echo"));
        assertLine(run, "wslab: TLS to 127.0.0.1:" + good.tlsPort().getAsInt()
                + " failed: the server's certificate is not trusted: '" + GOOD.certificate().getSubjectX500Principal().getName()
                + "' (self-signed");
        assertTrue(run.err().contains(GOOD.sha256Fingerprint()), run.err());
        assertTrue(run.err().contains("RFC 5280 §6.1") && run.err().contains("--ca FILE")
                && run.err().contains("--insecure"), run.err());
    }

    @Test
    void hostnameMismatchNamesTheHostAndTheCertificatesNames() throws Exception {
        CliRun run = CliRun.of("handshake", "--ca", pem(OTHER, "other"), TlsFixtures.wss(other, "/websocket/echo"));
        assertLine(run, "wslab: TLS to 127.0.0.1:" + other.tlsPort().getAsInt()
                + " failed: the server's certificate does not name '127.0.0.1'; it names other.example (RFC 6125 §6)");
    }

    @Test
    void expiredCertificateSaysWhen() throws Exception {
        CliRun run = CliRun.of("handshake", "--ca", pem(EXPIRED, "expired"), TlsFixtures.wss(expired, "/websocket/echo"));
        assertLine(run, "wslab: TLS to 127.0.0.1:" + expired.tlsPort().getAsInt()
                + " failed: the server's certificate expired on "
                + EXPIRED.certificate().getNotAfter().toInstant());
        assertTrue(run.err().contains("RFC 5280 §4.1.2.5"), run.err());
    }

    @Test
    void plainHttpServerOnWssIsNotTls() throws Exception {
        try (TlsFixtures.Peer plain = TlsFixtures.plainHttp()) {
            CliRun run = CliRun.of("handshake", "wss://127.0.0.1:" + plain.port() + "/websocket/echo");
            assertLine(run, "wslab: 127.0.0.1:" + plain.port() + " is not a TLS server: the peer sent \"HTTP/");
            assertTrue(run.err().contains("plain HTTP") && run.err().contains("takes ws://"), run.err());
        }
    }

    @Test
    void tlsServerOnWsSaysUseWss() {
        int port = good.tlsPort().getAsInt();
        CliRun run = CliRun.of("handshake", "ws://127.0.0.1:" + port + "/websocket/echo");
        assertLine(run, "wslab: 127.0.0.1:" + port + " speaks TLS, not plain HTTP (RFC 6455 §3): use wss://127.0.0.1:"
                + port + " instead of ws://");
        assertTrue(run.out().contains("bytes received:\n  0000  15 03"), run.out()); // the TLS alert record, dumped first
        JsonNode failure = JsonSchemas.assertValid("failure",
                CliRun.of("handshake", "--json", "ws://127.0.0.1:" + port + "/websocket/echo").out());
        assertEquals("tls", failure.get("failure").get("kind").asText());
    }

    @Test
    void closedDuringTheTlsHandshake() throws Exception {
        try (TlsFixtures.Peer peer = TlsFixtures.hangsUp()) {
            CliRun run = CliRun.of("handshake", "wss://127.0.0.1:" + peer.port() + "/");
            assertLine(run, "wslab: 127.0.0.1:" + peer.port() + " closed the connection during the TLS handshake");
        }
    }

    @Test
    void noCommonTlsVersion() throws Exception {
        try (TlsFixtures.Peer peer = TlsFixtures.tlsOnly(GOOD, "TLSv1.2")) {
            CliRun run = CliRun.of("handshake", "--tls-version", "TLSv1.3", "--ca", pem(GOOD, "good"),
                    "wss://127.0.0.1:" + peer.port() + "/");
            assertLine(run, "wslab: TLS to 127.0.0.1:" + peer.port()
                    + " failed: no TLS version or cipher suite both sides accept (RFC 8446 §4.1.1");
            assertTrue(run.err().contains("--tls-version"), run.err());
        }
    }

    @Test
    void badTlsOptionsAreOneLineUsageErrors() throws Exception {
        assertLine(CliRun.of("handshake", "--tls-version", "SSLv3", "wss://127.0.0.1:1/"),
                "wslab: --tls-version: 'SSLv3' is not a TLS version this client offers (one of TLSv1.3, TLSv1.2)");
        assertLine(CliRun.of("handshake", "--ca", pem(GOOD, "good"), "ws://127.0.0.1:1/"),
                "wslab: --ca applies to wss:// URLs only");
        assertLine(CliRun.of("handshake", "--insecure", "--ca", pem(GOOD, "good"), "wss://127.0.0.1:1/"),
                "wslab: --insecure and --ca exclude each other");
        assertLine(CliRun.of("handshake", "--ca", dir.resolve("missing.pem").toString(), "wss://127.0.0.1:1/"),
                "wslab: CA file '");
    }

    static void assertLine(CliRun run, String prefix) {
        run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(run.err().startsWith(prefix), () -> "expected stderr to start with: " + prefix + "\n" + run);
        assertTrue(!run.err().contains("Exception"), run.toString());
    }
}
