package org.wslab.conformance.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Progress;
import org.wslab.conformance.RunSummary;
import org.wslab.conformance.Selection;
import org.wslab.conformance.Verdict;
import org.wslab.conformance.clients.EngineEchoClient;

/**
 * The client mode's paths: {@code /cases} lists the run, {@code /case/ID} plays that case, an unknown
 * id is a 404, and a client whose opening handshake breaks RFC 6455 §4.1 is FAILED on its case.
 */
class ClientModeServerTest {
    private static final List<ConformanceCase> CASES = ClientCases.select(Selection.parse("framing.1.1.1,framing.1.1.2"));

    @Test
    void theCaseListAndANamedCase() throws Exception {
        try (ClientModeServer server = start()) {
            String list = exchange(server, "GET /cases HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            assertTrue(list.startsWith("HTTP/1.1 200 ") && list.contains("framing.1.1.1  a text message of 0 bytes")
                    && list.contains("framing.1.1.2 "), list);
            new EngineEchoClient().run(server.uri().resolve("/case/framing.1.1.2"), 1, 3_000);
            RunSummary run = server.await(Duration.ofMillis(200));
            assertEquals(1, run.results().size(), run.line());
            assertEquals("framing.1.1.2", run.results().get(0).id().value());
            assertEquals(Verdict.OK, run.results().get(0).verdict(), run.results().get(0).describe());
        }
    }

    @Test
    void anUnknownCaseIsNotFound() throws Exception {
        try (ClientModeServer server = start()) {
            String answer = exchange(server, "GET /case/close.7.1.1 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 404 ") && answer.contains("GET /cases lists them"), answer);
            assertEquals(0, server.summary().results().size());
        }
    }

    // RFC 6455 §4.1 (7), §4.2.1 (4): a request without Sec-WebSocket-Key is refused, and its case FAILED
    @Test
    void aBrokenOpeningHandshakeFailsItsCase() throws Exception {
        try (ClientModeServer server = start()) {
            String answer = exchange(server, "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 400 "), answer);
            CaseResult r = server.await(Duration.ofMillis(500)).results().get(0);
            assertEquals("framing.1.1.1", r.id().value());
            assertEquals(Verdict.FAILED, r.verdict());
            assertTrue(r.observed().contains("Sec-WebSocket-Key") && r.observed().contains("refused with 400"), r.observed());
        }
    }

    private static ClientModeServer start() throws IOException {
        return ClientModeServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), CASES,
                ClientModeServer.Settings.defaults().withCaseTimeout(Duration.ofSeconds(3)), Progress.none());
    }

    /** Writes {@code request} and reads the answer until the server closes. */
    private static String exchange(ClientModeServer server, String request) throws IOException {
        try (Socket s = new Socket(server.uri().getHost(), server.port())) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
