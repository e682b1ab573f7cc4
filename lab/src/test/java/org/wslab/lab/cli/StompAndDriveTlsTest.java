package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wslab.framing.tls.SelfSignedCertificate;
import org.wslab.lab.server.LabServer;

/**
 * {@code wslab stomp}, {@code drive stomp} (stomp on our engine, drive stomp on Jetty's WebSocket client) and {@code drive echo}
 * (our transport) over {@code wss://} against the lab's Jetty TLS listener (RFC 6455 §4.1 (5), RFC
 * 8446): they work with {@code --ca}, name the TLS, and a TLS failure is the same one line, exit 2.
 */
class StompAndDriveTlsTest {
    private static final SelfSignedCertificate CERT = SelfSignedCertificate.forLocalhost();
    private static LabServer server;
    private static String ca;
    private static String app;

    @BeforeAll
    static void start() throws Exception {
        server = TlsFixtures.jetty(CERT);
        ca = CERT.writePem(Files.createTempDirectory("wslab-stomp-tls").resolve("cert.pem")).toString();
        app = TlsFixtures.wss(server, "/websocket/app");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSubscriberOverTlsReceivesWhatASenderOverTlsSends() throws Exception {
        try (BackgroundCli subscriber = new BackgroundCli("stomp", app, "subscribe", "--ca", ca, "/topic/tls", "--count", "1")) {
            subscriber.awaitOutput("subscribed to /topic/tls (receipt received)");
            CliRun send = CliRun.of("stomp", app, "send", "--ca", ca, "/topic/tls", "hello", "--receipt");
            assertEquals(0, send.exitCode(), send.toString());
            // the tls: line is a status line, on stderr; the result on stdout
            String tlsLine = send.errLines().get(0);
            assertTrue(tlsLine.startsWith("tls: TLSv1.3, TLS_") && tlsLine.contains(CERT.sha256Fingerprint()),
                    send.toString());
            assertEquals(List.of("sent to /topic/tls (receipt r-1 received)"), send.outLines());
            CliRun got = subscriber.finish();
            assertEquals(0, got.exitCode(), got.toString());
            assertTrue(got.errLines().get(0).startsWith("tls: TLSv1.3"), got.toString());
            assertTrue(got.outLines().contains("hello") || got.out().contains("hello"), got.toString());
        }
    }

    @Test
    void subscribeJsonStartsWithATlsLine() throws Exception {
        try (BackgroundCli subscriber = new BackgroundCli("stomp", app, "subscribe", "--json", "--ca", ca, "/topic/j",
                "--count", "1")) {
            subscriber.awaitOutput("\"subscribed\"");
            CliRun send = CliRun.of("stomp", app, "send", "--ca", ca, "/topic/j", "hi", "--receipt");
            assertEquals(0, send.exitCode(), send.toString());
            CliRun got = subscriber.finish();
            assertEquals(0, got.exitCode(), got.toString());
            JsonNode first = new ObjectMapper().readTree(got.outLines().get(0));
            assertEquals("tls", first.get("event").asText(), got.out());
            JsonNode tls = first.get("tls");
            assertEquals(CERT.sha256Fingerprint(), tls.get("certificate").get("sha256").asText(), got.out());
        }
    }

    @Test
    void traceSaysWhereTlsSits() {
        CliRun run = CliRun.of("stomp", app, "send", "--trace", "--ca", ca, "/topic/tls", "x");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("# TLS TLSv1.3 TLS_") && run.out().contains("frames are unchanged"), run.out());
    }

    @Test
    void stompUntrustedCertificateIsOneLine() {
        CliRun run = CliRun.of("stomp", app, "send", "/topic/tls", "x");
        HandshakeTlsTest.assertLine(run, "wslab: TLS to 127.0.0.1:" + server.tlsPort().getAsInt()
                + " failed: the server's certificate is not trusted");
        assertTrue(run.err().contains(CERT.sha256Fingerprint()) && run.err().contains("--ca FILE"), run.err());
    }

    @Test
    void stompOnAPlainServerIsNotTls() throws Exception {
        try (TlsFixtures.Peer plain = TlsFixtures.plainHttp()) {
            CliRun run = CliRun.of("stomp", "wss://127.0.0.1:" + plain.port() + "/websocket/app", "send", "/topic/x", "x");
            HandshakeTlsTest.assertLine(run, "wslab: 127.0.0.1:" + plain.port() + " is not a TLS server");
        }
    }

    @Test
    void stompOnWsToATlsServerSaysUseWss() {
        int port = server.tlsPort().getAsInt();
        CliRun run = CliRun.of("stomp", "ws://127.0.0.1:" + port + "/websocket/app", "send", "/topic/x", "x");
        HandshakeTlsTest.assertLine(run, "wslab: 127.0.0.1:" + port + " speaks TLS, not plain HTTP (RFC 6455 §3): use wss://");
    }

    @Test
    void stompTlsOptionOnWsIsAUsageError() {
        HandshakeTlsTest.assertLine(CliRun.of("stomp", "ws://127.0.0.1:1/websocket/app", "send", "--tls-version",
                "TLSv1.3", "/topic/x", "x"), "wslab: --tls-version applies to wss:// URLs only");
    }

    @Test
    void driveStompOverTls() throws Exception {
        CliRun run = CliRun.of("drive", "stomp", "--ca", ca, app, "--subscribers", "3", "--messages", "10", "--json");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode r = new ObjectMapper().readTree(run.out());
        assertEquals(30, r.get("received").asLong(), run.out());
        assertEquals(CERT.sha256Fingerprint(), r.get("tls").get("certificate").get("sha256").asText(), run.out());
    }

    @Test
    void driveStompUntrustedIsOneLine() {
        HandshakeTlsTest.assertLine(CliRun.of("drive", "stomp", app, "--subscribers", "1", "--messages", "1"),
                "wslab: TLS to 127.0.0.1:" + server.tlsPort().getAsInt() + " failed: the server's certificate is not trusted");
    }

    @Test
    void driveEchoOverTls() {
        CliRun run = CliRun.of("drive", "echo", "--ca", ca, TlsFixtures.wss(server, "/websocket/echo"),
                "--connections", "5", "--rate", "5", "--duration", "400ms");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.outLines().get(0).startsWith("tls: TLSv1.3"), run.out());
        assertTrue(run.out().contains("connections held 5 of 5") && run.out().contains("lost 0"), run.out());
    }

    @Test
    void driveEchoUntrustedIsOneLine() {
        HandshakeTlsTest.assertLine(CliRun.of("drive", "echo", TlsFixtures.wss(server, "/websocket/echo"),
                "--connections", "2", "--duration", "100ms"),
                "wslab: TLS to 127.0.0.1:" + server.tlsPort().getAsInt() + " failed: the server's certificate is not trusted");
    }
}
