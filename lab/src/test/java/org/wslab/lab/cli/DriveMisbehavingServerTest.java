package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wslab.lab.json.JsonSchemas;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.TestServer;

/**
 * {@code drive echo} and {@code drive stomp} when not one connection opens — nothing listening, a
 * server answering garbage, a 503 — say so in the failure vocabulary's one line (exit 2, no
 * exception text, the failure object with {@code --json}); a good run's {@code --json} is valid
 * under {@code drive-echo}.
 */
class DriveMisbehavingServerTest {
    @RegisterExtension
    final TestServer server = new TestServer();

    private static CliRun driveEcho(String url, String... extra) {
        String[] args = new String[6 + extra.length];
        System.arraycopy(new String[] {"drive", "echo", "--connections", "2", "--duration", "1s"}, 0, args, 0, 6);
        System.arraycopy(extra, 0, args, 6, extra.length);
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = url;
        return CliRun.of(all);
    }

    @Test
    void refusedIsOneLine() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            port = s.getLocalPort();
        }
        String url = "ws://127.0.0.1:" + port + "/websocket/echo";
        CliRun run = driveEcho(url);
        run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(run.err().contains("connection refused by 127.0.0.1:" + port), run.err());
        EchoMisbehavingServerTest.assertNoExceptionText(run);
        JsonNode json = JsonSchemas.assertValid("failure", driveEcho(url, "--json").out());
        assertEquals("refused", json.get("failure").get("kind").asText());
    }

    @ParameterizedTest
    @EnumSource(value = Misbehaviour.class, names = {"GARBAGE", "STATUS_503", "CLOSES_AT_ONCE", "WRONG_ACCEPT"})
    void driveEchoSaysWhatTheServerDid(Misbehaviour m) throws Exception {
        EchoMisbehavingServerTest.Expected want = EchoMisbehavingServerTest.expected(m);
        try (RawServer raw = RawServer.misbehaving(m)) {
            CliRun run = driveEcho(raw.url("/websocket/echo"));
            run.assertOneErrorLine(want.exit());
            for (String word : want.words()) {
                assertTrue(run.err().contains(word), word + " in " + run);
            }
            EchoMisbehavingServerTest.assertNoExceptionText(run);
            JsonNode json = JsonSchemas.assertValid("failure", driveEcho(raw.url("/websocket/echo"), "--json").out());
            assertEquals(want.kindOrRule(), json.get("failure").get("kind").asText());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Misbehaviour.class, names = {"GARBAGE", "STATUS_503", "CLOSES_AT_ONCE"})
    void driveStompNamesTheFailureWithoutJettysWords(Misbehaviour m) throws Exception {
        try (RawServer raw = RawServer.misbehaving(m)) {
            CliRun run = CliRun.of("drive", "stomp", "--subscribers", "1", "--messages", "1", raw.url("/websocket/app"));
            run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
            EchoMisbehavingServerTest.assertNoExceptionText(run);
            if (m == Misbehaviour.STATUS_503) {
                assertTrue(run.err().contains("HTTP 503"), run.err());
            }
            JsonSchemas.assertValid("failure",
                    CliRun.of("drive", "stomp", "--json", "--subscribers", "1", raw.url("/websocket/app")).out());
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aGoodRunsJsonIsValid(Engine engine) throws Exception {
        String url = server.start(engine).webSocketUri(LabEndpoint.echo()).toString();
        CliRun run = CliRun.of("drive", "echo", "--connections", "3", "--rate", "5", "--duration", "1s", "--json", url);
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode json = JsonSchemas.assertValid("drive-echo", run.out());
        assertEquals(3, json.get("connections").get("held").asInt());
        assertEquals(json.get("sent").asLong(), json.get("received").asLong());
        assertTrue(json.get("verdict").get("passed").asBoolean());
    }
}
