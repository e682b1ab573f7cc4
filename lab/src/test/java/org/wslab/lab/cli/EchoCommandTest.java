package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.transport.Acceptor;
import org.wslab.framing.transport.Listener;
import org.wslab.framing.transport.Transport;
import org.wslab.framing.transport.TransportSettings;
import org.wslab.framing.transport.EchoHandler;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.ServerPolicy;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.TestServer;
import org.wslab.lab.server.LabServerConfig;

/** {@code wslab echo} end to end, in-process, against both engines on port 0. */
class EchoCommandTest {
    @RegisterExtension
    final TestServer server = new TestServer();

    private String start(Engine engine, long limit) throws Exception {
        server.start(engine, c -> c.withMaxMessageSize(limit));
        return server.echoUri().toString();
    }

    // RFC 7692 §6.1: RSV1 on the (first) frame of a compressed message; RFC 6455 §5.3: client frames masked
    @ParameterizedTest
    @EnumSource(Engine.class)
    void deflateTraceShowsCompressedMaskedClientFramesAndExits0(Engine engine) throws Exception {
        String url = start(engine, LabServerConfig.DEFAULT_MAX_MESSAGE_SIZE);
        CliRun run = CliRun.of("echo", "--deflate", "--trace", "--count", "2", url);
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits"), run.out());
        assertTrue(run.out().contains("→ client frame 1: TEXT compressed masked"), run.out());
        assertTrue(run.out().contains("← server frame 1: TEXT compressed,"), run.out());
        assertTrue(run.out().contains("RSV=100 opcode=0x1 (TEXT) RSV1: per-message compressed"), run.out());
        assertTrue(run.out().contains("masking key"), run.out());
        assertTrue(run.out().contains("sent 2 text messages of 16 bytes; received 2; mismatches 0"), run.out());
        assertTrue(run.out().contains("closed:       1000 normal closure (clean)"), run.out());
        assertEquals("", run.err());
    }

    // the lab's 16 MiB limit, exactly: sent in 1 MiB fragments so compressed frames stay under the frame limit
    @ParameterizedTest
    @EnumSource(Engine.class)
    void sixteenMebibytesOfRandomBytesWithDeflateComeBackAsJson(Engine engine) throws Exception {
        String url = start(engine, LabServerConfig.DEFAULT_MAX_MESSAGE_SIZE);
        CliRun run = CliRun.of("echo", "--binary-size", "16MiB", "--deflate", "--json", url);
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(16 << 20, json.get("message").get("bytes").asInt());
        assertEquals(1, json.get("received").asInt());
        assertEquals(0, json.get("mismatches").asInt());
        assertTrue(json.get("negotiated").get("extensions").asText().startsWith("permessage-deflate"), run.out());
        assertEquals(1000, json.get("closed").get("code").asInt());
    }

    // RFC 6455 §7.4.1 1009: the server's limit crossed → exit 1 naming the close code
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aMessageOverTheServersLimitExits1Naming1009(Engine engine) throws Exception {
        String url = start(engine, 1024);
        CliRun run = CliRun.of("echo", "--binary-size", "2KiB", url);
        run.assertOneErrorLine(ExitCode.CHECK_FAILED);
        assertTrue(run.err().contains("1009"), run.err());
        assertTrue(run.out().contains("FAIL: "), run.out());
    }

    @Test
    void aServerThatEchoesSomethingElseExits1WithTheFirstDifference() throws Exception {
        class Reverser extends EchoHandler {
            @Override
            public void onText(byte[] utf8) {
                channel().sendText(new StringBuilder(new String(utf8, StandardCharsets.UTF_8)).reverse().toString());
            }
        }
        try (Transport transport = Transport.start(TransportSettings.defaults().withLoops(1));
             Listener liar = transport.listen(new InetSocketAddress("127.0.0.1", 0),
                     Acceptor.serving(new ServerHandshake(ServerPolicy.defaults()), EngineSettings.defaults(),
                             Reverser::new))) {
            CliRun run = CliRun.of("echo", "--text", "abc", "ws://127.0.0.1:" + liar.port() + "/any");
            run.assertOneErrorLine(ExitCode.CHECK_FAILED);
            assertTrue(run.err().contains("byte 0 differs: sent 0x61, got 0x63"), run.err());
        }
    }

    @Test
    void aRefusedPortExits2WithOneLine() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        CliRun run = CliRun.of("echo", "ws://127.0.0.1:" + port + "/websocket/echo");
        run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(run.err().startsWith("wslab: connection refused"), run.err());
    }

    // --timeout: a server that never answers the opening handshake (RFC 6455 §4.1) is given up on
    @Test
    void aSilentServerExits2NamingTheTimeout() throws Exception {
        try (RawServer silent = RawServer.silent()) {
            CliRun run = CliRun.of("echo", "--timeout", "200ms", silent.url("/websocket/echo"));
            run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
            assertTrue(run.err().contains("timed out after 200ms waiting for the opening handshake with 127.0.0.1:"), run.err());
        }
    }

    @Test
    void aBadUrlOrConflictingOptionsExit2WithOneLine() {
        CliRun url = CliRun.of("echo", "http://127.0.0.1/x");
        url.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(url.err().contains("not a WebSocket URL"), url.err());
        CliRun both = CliRun.of("echo", "--text", "a", "--binary-size", "3", "ws://127.0.0.1:1/x");
        both.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aPathWithoutAnEndpointExits2Naming404(Engine engine) throws Exception {
        start(engine, LabServerConfig.DEFAULT_MAX_MESSAGE_SIZE);
        CliRun run = CliRun.of("echo", "ws://127.0.0.1:" + server.get().port() + "/nothing");
        run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(run.err().contains("HTTP 404"), run.err());
    }

    @Test
    void serveWithTheWslabEngineAnswersTheEchoCommand() throws Exception {
        try (RunningServe serve = new RunningServe("--engine", "wslab")) {
            assertTrue(serve.out().contains("wslab engine listening on"), serve.out());
            CliRun run = CliRun.of("echo", "--binary-size", "65536", "--count", "3", serve.echoUrl());
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.out().contains("sent 3 binary messages of 65536 bytes; received 3; mismatches 0"), run.out());
            assertEquals(0, serve.stop());
        }
    }

    // RFC 6455 §5.2: a zero-length payload is a message too; it comes back as an empty binary message
    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEmptyBinaryMessageIsEchoed(Engine engine) throws Exception {
        String url = start(engine, LabServerConfig.DEFAULT_MAX_MESSAGE_SIZE);
        CliRun run = CliRun.of("echo", "--binary-size", "0", "--count", "2", url);
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("sent 2 binary messages of 0 bytes; received 2; mismatches 0"), run.out());
    }
}
