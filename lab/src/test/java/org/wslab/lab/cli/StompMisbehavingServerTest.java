package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wslab.lab.json.JsonSchemas;

/**
 * {@code wslab stomp send} and {@code stomp subscribe} against every {@link Misbehaviour} of a raw
 * server: each ends in exit 2 with one {@code wslab:} line naming what the server did (RFC 9112,
 * RFC 6455 §4.1, §5.2) in the failure vocabulary's words, never an exception's text; with
 * {@code --json} stdout is the failure object, valid under the {@code failure} schema.
 */
class StompMisbehavingServerTest {
    /** What exception text or a Jetty object dump looks like; none may reach the user. */
    private static final Pattern LEAK = Pattern.compile("Exception|oejc|java\\.|\\w@[0-9a-f]{4,}");

    static Stream<Arguments> matrix() {
        return Stream.of(
                Arguments.of(Misbehaviour.CLOSES_AT_ONCE, "closed", "closed the connection without answering"),
                // the engine's typed failure for bytes that are no status line: STATUS_LINE_SYNTAX at byte 0, the
                // bytes quoted with a terminal escape made harmless
                Arguments.of(Misbehaviour.GARBAGE, "not-http", "that are not HTTP: \"\\x00\\xffgarbage\\x1b[2J"),
                Arguments.of(Misbehaviour.SSH_BANNER, "not-http", "that are not HTTP: \"SSH-2.0-OpenSSH_9.2p1"),
                Arguments.of(Misbehaviour.STATUS_503, "status", "HTTP 503"),
                Arguments.of(Misbehaviour.WRONG_ACCEPT, "bad-upgrade", "answered 101 but broke"),
                Arguments.of(Misbehaviour.RESERVED_OPCODE, "protocol-violation", "RFC 6455 §5.2"))
                .flatMap(a -> Stream.of("send", "subscribe").map(action -> Arguments.of(a.get()[0], a.get()[1], a.get()[2], action)));
    }

    private static String[] args(int port, String action, boolean json) {
        String url = "ws://127.0.0.1:" + port + "/websocket/app";
        List<String> a = new java.util.ArrayList<>(action.equals("send")
                ? List.of("stomp", url, "send", "/topic/x", "y") : List.of("stomp", url, "subscribe", "/topic/x"));
        a.addAll(List.of("--timeout", "5s"));
        if (json) {
            a.add("--json");
        }
        return a.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{3} against {0}")
    @MethodSource("matrix")
    void eachMisbehaviourIsOneTrueLine(Misbehaviour m, String kind, String words, String action) throws Exception {
        try (RawServer server = RawServer.misbehaving(m)) {
            CliRun run = CliRun.of(args(server.port(), action, false));
            run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
            assertTrue(run.err().contains(words), m + ": " + run);
            assertFalse(LEAK.matcher(run.err()).find(), "no exception text: " + run);
            assertEquals("", run.out(), run.toString());
        }
        try (RawServer server = RawServer.misbehaving(m)) {
            CliRun run = CliRun.of(args(server.port(), action, true));
            run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
            JsonNode report = JsonSchemas.assertValid("failure", run.out());
            assertEquals(kind, report.get("failure").get("kind").asText(), run.out());
            assertEquals("stomp " + action, report.get("command").asText());
            assertEquals(run.errLines().get(0), "wslab: " + report.get("failure").get("line").asText());
        }
    }

    @Test
    void aBodyOnStandardInputThatIsNotUtf8IsOneLine() {
        CliRun run = StompStdin.run(new byte[] {'o', 'k', (byte) 0xC3, 0x28}, "stomp", "ws://127.0.0.1:1/websocket/app",
                "send", "/topic/x", "-");
        run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(run.err().contains("not UTF-8"), run.toString());
    }

    @Test
    void aBodyOnStandardInputOverTheStompLimitIsNamed() {
        byte[] big = "x".repeat((1 << 20) + 1).getBytes(StandardCharsets.UTF_8);
        CliRun run = StompStdin.run(big, "stomp", "ws://127.0.0.1:1/websocket/app", "send", "/topic/x");
        run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(run.err().contains("over 1048576 bytes") && run.err().contains("\"Size Limits\""), run.toString());
    }
}
