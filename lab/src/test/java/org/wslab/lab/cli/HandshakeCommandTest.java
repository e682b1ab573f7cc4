package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.wslab.testkit.Props.qt;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;
import org.wslab.lab.json.JsonSchemas;
import org.wslab.testkit.ByteGens;

/**
 * {@code wslab handshake} end to end, in-process: against {@code wslab serve} on port 0, and
 * against hand-made servers for every way a server can fail to answer; each outcome is one exit
 * code and, when not 0, exactly one line on stderr and no stack trace.
 */
class HandshakeCommandTest {
    private static RunningServe serve;

    @BeforeAll
    static void startServe() throws Exception {
        serve = new RunningServe();
    }

    @AfterAll
    static void stopServe() throws Exception {
        assertEquals(ExitCode.OK, serve.stop());
    }

    @Test
    void handshakeAgainstServeIsAcceptedWithExitZero() {
        CliRun run = CliRun.of("handshake", serve.echoUrl());
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertEquals("", run.err(), run.toString());
        assertTrue(run.out().contains("→ request to 127.0.0.1:" + serve.port() + ", as sent"), run.out());
        assertTrue(run.out().contains("  GET /websocket/echo HTTP/1.1"), run.out());
        assertTrue(run.out().contains("HTTP/1.1 101 Switching Protocols"), run.out());
        assertTrue(run.headLine("  Sec-WebSocket-Accept: ").contains("pass  [required]"), run.out());
        assertTrue(run.out().contains("pass  ACCEPT_MATCHES_KEY"), run.out());
        assertTrue(run.out().contains("verdict: accepted"), run.out());
        assertFalse(run.out().contains("FAIL"), run.out());
    }

    @Test
    void offersArePassedOnAndTheOutcomeShown() {
        CliRun run = CliRun.of("handshake", serve.echoUrl(), "--protocol", "v11.stomp,v12.stomp",
                "--extension", "permessage-deflate; client_max_window_bits", "--origin", "http://lab.test",
                "--header", "X-Lab: yes");
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("  Sec-WebSocket-Protocol: v11.stomp, v12.stomp"), run.out());
        assertTrue(run.out().contains("  Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits"), run.out());
        assertTrue(run.out().contains("  Origin: http://lab.test"), run.out());
        assertTrue(run.out().contains("  X-Lab: yes"), run.out());
        // the echo endpoint speaks no sub-protocol; Jetty accepts permessage-deflate (RFC 7692)
        assertTrue(run.out().contains("sub-protocol: none; extensions: permessage-deflate"), run.out());
    }

    @Test
    void jsonReportsTheVerdictAndEveryCheck() throws Exception {
        CliRun run = CliRun.of("handshake", "--json", serve.echoUrl());
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        JsonNode root = JsonSchemas.assertValid("handshake", run.out());
        assertTrue(root.path("verdict").path("passed").asBoolean(), run.out());
        assertEquals("opened", root.path("outcome").asText(), run.out());
        assertEquals(0, root.path("exitCode").asInt());
        assertEquals("GET /websocket/echo HTTP/1.1", root.path("request").path("lines").get(0).path("line").asText());
        assertTrue(root.path("timings").path("connectMs").isNumber() && root.path("timings").path("tlsMs").isNull()
                && root.path("timings").path("handshakeMs").isNumber(), run.out());
        assertTrue(root.path("negotiated").path("subprotocol").isNull(), run.out());
        boolean acceptPassed = false;
        for (JsonNode check : root.path("rules")) {
            if (check.path("rule").asText().equals("ACCEPT_MATCHES_KEY")) {
                acceptPassed = check.path("outcome").asText().equals("pass");
            }
        }
        assertTrue(acceptPassed, run.out());
    }

    @Test
    void malformedUrlIsExitTwo() {
        assertOneLineError(CliRun.of("handshake", "ws://[not-a-host/x"), ExitCode.USAGE_OR_CONNECTION,
                "wslab: not a WebSocket URL");
        assertOneLineError(CliRun.of("handshake", "ws://127.0.0.1/x#fragment"), ExitCode.USAGE_OR_CONNECTION,
                "wslab: not a WebSocket URL");
    }

    @Test
    void unknownSchemeIsExitTwo() {
        assertOneLineError(CliRun.of("handshake", "http://127.0.0.1/"), ExitCode.USAGE_OR_CONNECTION,
                "wslab: not a WebSocket URL 'http://127.0.0.1/': scheme must be ws or wss");
    }

    @Test
    void badOffersAreUsageErrors() {
        assertOneLineError(CliRun.of("handshake", serve.echoUrl(), "--extension", "permessage-deflate; =15"),
                ExitCode.USAGE_OR_CONNECTION, "wslab: --extension 'permessage-deflate; =15' is not an extension offer");
        assertOneLineError(CliRun.of("handshake", serve.echoUrl(), "--header", "no colon"),
                ExitCode.USAGE_OR_CONNECTION, "wslab: --header must be K:V, not 'no colon'");
        assertOneLineError(CliRun.of("handshake", serve.echoUrl(), "--protocol", "not a token"),
                ExitCode.USAGE_OR_CONNECTION, "wslab: ");
    }

    @Test
    void connectionRefusedOnAClosedPortIsExitTwo() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertOneLineError(CliRun.of("handshake", "ws://127.0.0.1:" + port + "/"), ExitCode.USAGE_OR_CONNECTION,
                "wslab: connection refused by 127.0.0.1:" + port);
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithExitTwo() throws Exception {
        try (RawServer silent = RawServer.silent()) {
            assertOneLineError(CliRun.of("handshake", silent.url("/"), "--timeout", "300ms"),
                    ExitCode.USAGE_OR_CONNECTION,
                    "wslab: timed out after 300ms waiting for the response from 127.0.0.1:" + silent.port());
        }
    }

    @Test
    void aHeadThatStopsHalfWayTimesOutAfterShowingWhatCame() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try (var s = server.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    s.getOutputStream().write(ascii("HTTP/1.1 101 Sw"));
                    s.getOutputStream().flush();
                    s.getInputStream().read(); // holds the connection until the client gives up
                } catch (java.io.IOException ignored) {
                    // the client went away
                }
            });
            peer.start();
            CliRun run = CliRun.of("handshake", "ws://127.0.0.1:" + server.getLocalPort() + "/", "--timeout", "400ms");
            assertOneLineError(run, ExitCode.USAGE_OR_CONNECTION, "wslab: timed out after 400ms waiting for the response from 127.0.0.1:"
                    + server.getLocalPort() + " (15 bytes received; --timeout sets the limit)");
            assertTrue(run.out().contains("← 15 bytes received:\n  0000  48 54 54 50 2f 31 2e 31 20 31 30 31 20 53 77"), run.out());
            peer.join(10_000);
        }
    }

    @Test
    void aServerAnswering200FailsRuleStatus101WithExitOne() throws Exception {
        try (RawServer ok = new RawServer(ascii("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))) {
            CliRun run = CliRun.of("handshake", ok.url("/chat"));
            assertOneLineError(run, ExitCode.CHECK_FAILED, "wslab: the server at 127.0.0.1:" + ok.port()
                    + " did not open a WebSocket: HTTP 200 OK (RFC 6455 §4.1 (response 1): only 101 opens one)");
            assertTrue(run.err().contains("is /chat the right path?"), run.err());
            assertTrue(run.out().contains("verdict: failed — the server at 127.0.0.1:" + ok.port()
                    + " did not open a WebSocket: HTTP 200 OK"), run.out());
            assertTrue(run.out().contains("  HTTP/1.1 200 OK"), run.out());
            // the rules that hold only on a 101 are consequences of the refusal, not more failures
            assertTrue(run.out().contains("  not checked (they hold only for a 101, and the status is 200): "
                    + "RESPONSE_UPGRADE_WEBSOCKET, RESPONSE_CONNECTION_UPGRADE, ACCEPT_MATCHES_KEY"), run.out());
            assertEquals(1, run.outLines().stream().filter(l -> l.startsWith("  FAIL  ")).count(), run.out());
        }
    }

    @Test
    void jsonNamesTheFailedRuleOfARejectedHandshake() throws Exception {
        try (RawServer ok = new RawServer(ascii("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"))) {
            CliRun run = CliRun.of("handshake", "--json", ok.url("/"));
            run.assertOneErrorLine(ExitCode.CHECK_FAILED);
            JsonNode root = JsonSchemas.assertValid("handshake", run.out());
            assertFalse(root.path("verdict").path("passed").asBoolean(), run.out());
            assertEquals("not-opened", root.path("outcome").asText(), run.out());
            assertEquals("STATUS_101", root.path("verdict").path("rule").asText(), run.out());
            assertEquals("RFC 6455 §4.1 (response 1)", root.path("verdict").path("section").asText(), run.out());
            assertEquals(1, root.path("exitCode").asInt());
            assertEquals("fail", root.path("response").path("lines").get(0).path("outcome").asText(), run.out());
        }
    }

    @Test
    void aWrongAcceptFailsRuleAcceptMatchesKeyWithExitOne() throws Exception {
        try (RawServer liar = new RawServer(ascii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n"))) {
            CliRun run = CliRun.of("handshake", liar.url("/"));
            assertOneLineError(run, ExitCode.CHECK_FAILED, "wslab: the server at 127.0.0.1:" + liar.port()
                    + " answered 101 but broke ACCEPT_MATCHES_KEY");
            assertTrue(run.outLines().stream().anyMatch(l -> l.startsWith("  Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
                    && l.contains("FAIL")), run.out());
        }
    }

    @Test
    void garbageBytesAreNotHttpWithExitTwo() throws Exception {
        try (RawServer garbage = new RawServer(new byte[] {0x00, (byte) 0xFF, 'g', 'a', 'r', 'b', 'a', 'g', 'e', '\n', '\n'})) {
            CliRun run = CliRun.of("handshake", garbage.url("/"));
            assertOneLineError(run, ExitCode.USAGE_OR_CONNECTION, "wslab: 127.0.0.1:" + garbage.port()
                    + " answered 11 bytes that are not HTTP: \"\\x00\\xffgarbage\\x0a\\x0a\"");
            assertTrue(run.out().contains("0000  00 ff 67 61 72 62 61 67 65 0a 0a"), run.out());
        }
    }

    @Test
    void aServerClosingEarlyIsExitTwo() throws Exception {
        try (RawServer mute = new RawServer(new byte[0])) {
            assertOneLineError(CliRun.of("handshake", mute.url("/")), ExitCode.USAGE_OR_CONNECTION,
                    "wslab: 127.0.0.1:" + mute.port() + " closed the connection without answering");
        }
        try (RawServer cut = new RawServer(ascii("HTTP/1.1 101 Switching Protocols\r\nUpgrade: web"))) {
            assertOneLineError(CliRun.of("handshake", cut.url("/")), ExitCode.USAGE_OR_CONNECTION,
                    "wslab: 127.0.0.1:" + cut.port() + " closed the connection after 46 bytes, before the response head ended");
        }
    }

    @Test
    void httpThatBreaksSyntaxNamesTheRuleWithExitOne() throws Exception {
        try (RawServer broken = new RawServer(ascii("HTTP/1.1 101 Switching Protocols\r\nNot a header line\r\n\r\n"))) {
            CliRun run = CliRun.of("handshake", broken.url("/"));
            assertOneLineError(run, ExitCode.CHECK_FAILED, "wslab: 127.0.0.1:" + broken.port() + " answered HTTP that breaks ");
            assertTrue(run.out().contains("verdict: failed — the response is not well-formed HTTP/1.1"), run.out());
            JsonSchemas.assertValid("handshake", CliRun.of("handshake", "--json", broken.url("/")).out());
            assertTrue(run.err().contains("RFC 9112") || run.err().contains("RFC 9110"), run.err());
        }
    }

    @Test
    void anyAnswerEndsInOneExitCodeAndOneStderrLineNeverAStackTrace() throws Exception {
        // RFC 6455 §4.1 + DESIGN.md exit codes: whatever bytes a server answers (then closing),
        // the command ends in 1 (HTTP that breaks a rule) or 2 (no HTTP to judge), with one line
        Gen<byte[]> httpish = ByteGens.bytesFrom("HTTP/1.1 101 Switching\r\n:Upgrade websocket\t\u00ff", 0, 120);
        Gen<byte[]> answers = SourceDSL.booleans().all().zip(ByteGens.bytes(0, 120), httpish,
                (prefixed, random, http) -> prefixed ? concat(ascii("HTTP/1.1 "), http) : random);
        try (RawServer server = new RawServer(new byte[0])) {
            qt(40).forAll(answers).checkAssert(answer -> {
                server.answer(answer);
                CliRun run = CliRun.of("handshake", server.url("/"), "--timeout", "10s");
                assertTrue(run.exitCode() == ExitCode.CHECK_FAILED || run.exitCode() == ExitCode.USAGE_OR_CONNECTION,
                        run.toString());
                assertEquals(1, run.errLines().size(), run.toString());
                assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.toString());
            });
        }
    }

    private static void assertOneLineError(CliRun run, int exitCode, String prefix) {
        assertEquals(exitCode, run.exitCode(), run.toString());
        assertEquals(1, run.errLines().size(), run.toString());
        assertTrue(run.err().startsWith(prefix), () -> "expected stderr to start with: " + prefix + "\n" + run);
        assertFalse(run.err().contains("\tat ") || run.err().contains("Exception"), run.toString());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
