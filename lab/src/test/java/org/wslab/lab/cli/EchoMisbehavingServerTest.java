package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wslab.lab.json.JsonSchemas;

/**
 * {@code wslab echo} against each way a server can misbehave ({@link Misbehaviour}): the exit code,
 * the one stderr line's key words (the failure vocabulary's), no JVM exception text, and the
 * {@code --json} object valid under its schema — {@code failure} for exit 2, {@code echo} for exit 1.
 */
class EchoMisbehavingServerTest {

    /** What echo must say about {@code m}: its exit code, the failure kind (exit 2) or rule (exit 1), key words. */
    record Expected(int exit, String kindOrRule, List<String> words) {}

    static Expected expected(Misbehaviour m) {
        return switch (m) {
            case CLOSES_AT_ONCE -> new Expected(2, "closed", List.of("closed the connection without answering", "RFC 6455 §4.1"));
            // RFC 9112 §4: no "HTTP/" status line; the engine keeps the answer's first octets to show them
            case GARBAGE -> new Expected(2, "not-http", List.of("not HTTP", "RFC 9112 §4", "\\x00\\xffgarbage\\x1b[2J"));
            case SSH_BANNER -> new Expected(2, "not-http", List.of("not HTTP", "SSH-2.0-OpenSSH_9.2p1 Debian-2\\x0d\\x0a"));
            case STATUS_503 -> new Expected(2, "status", List.of("HTTP 503", "too many connections, bye", "try again later"));
            case WRONG_ACCEPT -> new Expected(2, "bad-upgrade", List.of("answered 101 but broke", "Sec-WebSocket-Accept"));
            // RFC 6455 §5.2: a reserved opcode fails the connection; our engine closes with 1002
            case RESERVED_OPCODE -> new Expected(1, "RESERVED_OPCODE", List.of("broke", "1002", "--trace shows the frame"));
        };
    }

    @ParameterizedTest
    @EnumSource(Misbehaviour.class)
    void echoSaysWhatTheServerDidInOneLine(Misbehaviour m) throws Exception {
        Expected want = expected(m);
        try (RawServer server = RawServer.misbehaving(m)) {
            CliRun run = CliRun.of("echo", "--timeout", "5s", server.url("/websocket/echo"));
            run.assertOneErrorLine(want.exit());
            for (String word : want.words()) {
                assertTrue(run.err().contains(word), word + " in " + run);
            }
            assertNoExceptionText(run);
            if (want.exit() == 1) {
                assertTrue(run.out().contains("FAIL: " + want.kindOrRule()), run.out());
            }

            CliRun json = CliRun.of("echo", "--json", "--timeout", "5s", server.url("/websocket/echo"));
            assertEquals(want.exit(), json.exitCode(), json.toString());
            assertEquals(masked(run.err()), masked(json.err()), "the same line with --json");
            if (want.exit() == 2) {
                JsonNode failure = JsonSchemas.assertValid("failure", json.out());
                assertEquals(want.kindOrRule(), failure.get("failure").get("kind").asText(), json.out());
            } else {
                JsonNode report = JsonSchemas.assertValid("echo", json.out());
                assertEquals(want.kindOrRule(), report.get("verdict").get("rule").asText(), json.out());
                assertFalse(report.get("verdict").get("passed").asBoolean());
            }
        }
    }

    // --trace shows the frame that broke the rule (RFC 6455 §5.2) and, with --json, on stderr only
    @org.junit.jupiter.api.Test
    void theReservedOpcodeIsInTheTraceOnStderrWithJson() throws Exception {
        try (RawServer server = RawServer.misbehaving(Misbehaviour.RESERVED_OPCODE)) {
            CliRun run = CliRun.of("echo", "--json", "--trace", server.url("/websocket/echo"));
            assertEquals(1, run.exitCode(), run.toString());
            JsonSchemas.assertValid("echo", run.out());
            assertTrue(run.err().contains("← server frame 1: not accepted, it breaks RESERVED_OPCODE (RFC 6455 §5.2): "
                    + "opcode 0x3; our engine fails the connection with 1002"), run.err());
            assertTrue(run.err().indexOf("← opening handshake response") < run.err().indexOf("→ client frame 1: CLOSE"),
                    "heads before frames: " + run.err());
            assertFalse(run.out().contains("server frame"), run.out());
        }
    }

    /** The line without what differs between runs: keys and accept values (base64). */
    static String masked(String line) {
        return line.replaceAll("[A-Za-z0-9+/]{22}==|[A-Za-z0-9+/]{27}=", "KEY");
    }

    static void assertNoExceptionText(CliRun run) {
        for (String jvm : List.of("Exception", "java.", "oejc", "\tat ")) {
            assertFalse(run.err().contains(jvm), jvm + " in " + run);
        }
    }
}
