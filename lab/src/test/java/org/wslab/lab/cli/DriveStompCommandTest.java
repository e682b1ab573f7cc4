package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.TestServer;

/** {@code wslab drive stomp}: its counts as JSON on both engines, and one line for every bad start (DESIGN.md CLI conventions). */
class DriveStompCommandTest {
    @RegisterExtension
    final TestServer server = new TestServer();

    @ParameterizedTest
    @EnumSource(Engine.class)
    void countsEveryMessageOfASmallFanOut(Engine engine) throws Exception {
        String url = server.start(engine).webSocketUri(LabEndpoint.stomp()).toString();
        CliRun run = CliRun.of("drive", "stomp", url, "--subscribers", "5", "--messages", "20", "--size", "100", "--json");
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        JsonNode r = org.wslab.lab.json.JsonSchemas.assertValid("drive-stomp", run.out());
        assertEquals("drive stomp", r.get("command").asText());
        assertTrue(r.get("verdict").get("passed").asBoolean(), run.out());
        assertTrue(r.get("stalled").isNull(), run.out());
        assertEquals(100, r.get("expected").asLong(), run.out());
        assertEquals(100, r.get("received").asLong(), run.out());
        assertEquals(0, r.get("lost").asLong(), run.out());
        assertTrue(r.get("publisherReceipt").asBoolean(), run.out());
    }

    @Test
    void aUrlThatIsNotWebSocketIsAUsageError() {
        CliRun.of("drive", "stomp", "notaurl").assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        CliRun.of("drive", "stomp", "--insecure", "ws://127.0.0.1:1/websocket/app")
                .assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
    }

    @Test
    void countsOutOfRangeAreUsageErrors() {
        CliRun run = CliRun.of("drive", "stomp", "ws://127.0.0.1:1/websocket/app", "--subscribers", "0");
        run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(run.err().contains("--subscribers"), run.err());
    }

    @Test
    void nothingListeningIsOneLineNamingTheAddress() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            port = s.getLocalPort();
        }
        CliRun run = CliRun.of("drive", "stomp", "ws://127.0.0.1:" + port + "/websocket/app", "--subscribers", "1");
        run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(run.err().contains("connection refused by 127.0.0.1:" + port), run.err());
    }
}
