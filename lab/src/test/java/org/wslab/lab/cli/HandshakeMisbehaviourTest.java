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
 * {@code wslab handshake} against every {@link Misbehaviour} (RFC 6455 §4.1, RFC 9112), as text and
 * with {@code --json}: one exit code per way, the one stderr line naming what happened, no JVM or
 * Jetty text anywhere, and {@code --json} stdout valid under its schema ({@code handshake} for a
 * judged answer, exit 0 or 1; {@code failure} for exit 2).
 */
class HandshakeMisbehaviourTest {

    /** What each misbehaviour must come to: the exit code, words of the stderr line, the JSON kind or outcome. */
    private record Expected(int exit, List<String> words, String kindOrOutcome) {}

    private static Expected expected(Misbehaviour m) {
        return switch (m) {
            case CLOSES_AT_ONCE -> new Expected(2, List.of("closed the connection without answering", "RFC 6455 §4.1"), "closed");
            case GARBAGE -> new Expected(2, List.of("answered 14 bytes that are not HTTP", "\\x1b[2J", "RFC 9112 §4"), "not-http");
            case SSH_BANNER -> new Expected(2, List.of("that are not HTTP: \"SSH-2.0-OpenSSH_9.2p1"), "not-http");
            case STATUS_503 -> new Expected(1, List.of("did not open a WebSocket: HTTP 503 Service Unavailable",
                    "it said \"too many connections, bye\"", "at its connection limit"), "not-opened");
            case WRONG_ACCEPT -> new Expected(1, List.of("answered 101 but broke ACCEPT_MATCHES_KEY",
                    "a client must fail such a connection"), "bad-upgrade");
            // handshake reads the head only: the frame after a correct 101 is no part of the handshake
            case RESERVED_OPCODE -> new Expected(0, List.of(), "opened");
        };
    }

    @ParameterizedTest
    @EnumSource(Misbehaviour.class)
    void textNamesWhatTheServerDidInOneLine(Misbehaviour m) throws Exception {
        Expected want = expected(m);
        try (RawServer server = RawServer.misbehaving(m)) {
            CliRun run = CliRun.of("handshake", server.url("/websocket/echo"), "--timeout", "10s");
            assertEquals(want.exit(), run.exitCode(), run.toString());
            assertEquals(want.exit() == 0 ? 0 : 1, run.errLines().size(), run.toString());
            for (String word : want.words()) {
                assertTrue(run.err().contains(word), () -> "stderr lacks '" + word + "':\n" + run);
            }
            assertNoLeak(run);
            assertFalse(run.out().contains("\u001b"), run.toString()); // a server's ESC never reaches the terminal
            if (m == Misbehaviour.STATUS_503) {
                assertTrue(run.out().contains("← body (25 bytes of Content-Length 25):\n  | too many connections, bye"),
                        run.out());
            }
            if (want.exit() == 2 && m != Misbehaviour.CLOSES_AT_ONCE) {
                assertTrue(run.out().contains("bytes received:\n  0000  "), run.out()); // what arrived, before the line
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Misbehaviour.class)
    void jsonIsValidUnderItsSchema(Misbehaviour m) throws Exception {
        Expected want = expected(m);
        try (RawServer server = RawServer.misbehaving(m)) {
            CliRun run = CliRun.of("handshake", "--json", server.url("/websocket/echo"), "--timeout", "10s");
            assertEquals(want.exit(), run.exitCode(), run.toString());
            assertEquals(want.exit() == 0 ? 0 : 1, run.errLines().size(), run.toString());
            assertNoLeak(run);
            if (want.exit() == 2) {
                JsonNode root = JsonSchemas.assertValid("failure", run.out());
                assertEquals(want.kindOrOutcome(), root.get("failure").get("kind").asText(), run.out());
                assertEquals(run.errLines().get(0), "wslab: " + root.get("failure").get("line").asText());
            } else {
                JsonNode root = JsonSchemas.assertValid("handshake", run.out());
                assertEquals(want.kindOrOutcome(), root.get("outcome").asText(), run.out());
                assertEquals(want.exit() == 0, root.get("verdict").get("passed").asBoolean(), run.out());
            }
        }
    }

    static void assertNoLeak(CliRun run) {
        for (String leak : List.of("Exception", "oejc", "java.", "\tat ")) {
            assertFalse(run.out().contains(leak) || run.err().contains(leak), () -> "'" + leak + "' leaks:\n" + run);
        }
    }
}
