package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wslab.lab.json.JsonSchemas;
import org.wslab.lab.server.Engine;

/**
 * {@code wslab handshake} against {@code wslab serve} on both engines (Jetty 12 and ours), each with
 * an Origin allow-list: the verdict judges the server (RFC 6455 §4.2.1, §4.4), so a request that
 * must be refused and is refused as required exits 0, one the server accepted or refused wrongly
 * exits 1, and a good request that gets no 101 exits 1 with a hint. Where the engines differ the
 * test says which does what: it is the finding the command exists to report.
 */
class HandshakeEnginesTest {
    private static final Map<Engine, RunningServe> SERVE = new EnumMap<>(Engine.class);

    @BeforeAll
    static void start() throws Exception {
        for (Engine e : Engine.values()) {
            SERVE.put(e, new RunningServe("--engine", e.cliName(),
                    "--origin", "https://app.example.com"));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (RunningServe s : SERVE.values()) {
            assertEquals(ExitCode.OK, s.stop());
        }
    }

    private static String url(Engine e, String path) {
        return "ws://127.0.0.1:" + SERVE.get(e).port() + path;
    }

    private static JsonNode json(int exit, String outcome, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "handshake";
        all[1] = "--json";
        System.arraycopy(args, 0, all, 2, args.length);
        CliRun run = CliRun.of(all);
        assertEquals(exit, run.exitCode(), run.toString());
        JsonNode root = JsonSchemas.assertValid("handshake", run.out());
        assertEquals(outcome, root.get("outcome").asText(), run.out());
        HandshakeMisbehaviourTest.assertNoLeak(run);
        return root;
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aGoodHandshakeOpensAndExitsZero(Engine e) {
        CliRun run = CliRun.of("handshake", url(e, "/websocket/echo"), "--origin", "https://app.example.com");
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertEquals("", run.err(), run.toString());
        assertTrue(run.out().contains("verdict: accepted — the WebSocket connection is open"), run.out());
        assertTrue(run.out().contains("pass  ORIGIN_ALLOWED (RFC 6455 §4.2.2 (4) /origin/ / §10.2): Origin https://app.example.com"
                + " accepted (the server answered 101)"), run.out());
        JsonNode root = json(0, "opened", url(e, "/websocket/echo"), "--extension", "permessage-deflate");
        assertEquals("permessage-deflate", root.get("negotiated").get("extensions").asText().split(";")[0], root.toString());
        assertTrue(root.get("response").get("body").isNull(), root.toString());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aWrongPathIsNotOpenedWithAHint(Engine e) {
        CliRun run = CliRun.of("handshake", url(e, "/nope"));
        run.assertOneErrorLine(ExitCode.CHECK_FAILED);
        assertTrue(run.err().contains("did not open a WebSocket: HTTP 404 Not Found")
                && run.err().contains("nothing is served at /nope"), run.toString());
        assertTrue(run.out().contains("← body ("), run.out()); // both engines say why in the body
        JsonNode root = json(1, "not-opened", url(e, "/nope"));
        assertEquals("STATUS_101", root.get("verdict").get("rule").asText(), root.toString());
        assertFalse(root.get("response").get("body").get("text").asText().isEmpty(), root.toString());
    }

    // both engines answer 426 with Sec-WebSocket-Version: 13 (RFC 6455 §4.2.2 (4), §4.4): Jetty's by the lab's guard
    @ParameterizedTest
    @EnumSource(Engine.class)
    void anUnsupportedVersionMustBeRefusedListingTheVersions(Engine e) {
        String[] args = {url(e, "/websocket/echo"), "--header", "Sec-WebSocket-Version: 8"};
        CliRun run = CliRun.of(concat("handshake", args));
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("verdict: refused as RFC 6455 requires (the request breaks VERSION_13"), run.out());
        assertTrue(run.out().contains("the server answered 426 Upgrade Required with Sec-WebSocket-Version: 13)"), run.out());
        json(0, "refused-as-required", args);
        // the 101-only response rules are consequences, not failures
        JsonNode root = rules(concat("handshake", concat("--json", args)));
        for (JsonNode r : root) {
            if (r.get("rule").asText().equals("ACCEPT_MATCHES_KEY")) {
                assertEquals("info", r.get("outcome").asText(), r.toString());
                assertTrue(r.get("detail").asText().startsWith("not checked"), r.toString());
            }
        }
    }

    // RFC 6455 §4.2.1 (5): both engines refuse it with 400 (Jetty by itself would answer 101)
    @ParameterizedTest
    @EnumSource(Engine.class)
    void aKeyThatIsNot16BytesMustBeRefused(Engine e) {
        String[] args = {url(e, "/websocket/echo"), "--header", "Sec-WebSocket-Key: abc"};
        CliRun run = CliRun.of(concat("handshake", args));
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("verdict: refused as RFC 6455 requires (the request breaks KEY_IS_16_BYTES_BASE64"),
                run.out());
        json(0, "refused-as-required", args);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void noUpgradeFieldIsRefusedWithAClientError(Engine e) {
        String[] args = {url(e, "/websocket/echo"), "--header", "Upgrade:"};
        CliRun run = CliRun.of(concat("handshake", args));
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertFalse(run.out().contains("  Upgrade:"), run.out()); // left out of the request
        assertTrue(run.out().contains("verdict: refused as RFC 6455 requires (the request breaks UPGRADE_WEBSOCKET"
                + " (RFC 6455 §4.2.1 (3)): no Upgrade field; the server answered " + (e == Engine.WSLAB ? "400" : "404")), run.out());
        json(0, "refused-as-required", args);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aForeignOriginGets403WithTheRuleInTheBodyAndNoClaimItWasAccepted(Engine e) {
        CliRun run = CliRun.of("handshake", url(e, "/websocket/echo"), "--origin", "https://evil.example");
        run.assertOneErrorLine(ExitCode.CHECK_FAILED);
        assertTrue(run.err().contains("HTTP 403 Forbidden") && run.err().contains("ORIGIN_ALLOWED"), run.err());
        String origin = run.headLine("  Origin: https://evil.example");
        assertFalse(origin.contains("pass") || origin.contains("accepted"), origin);
        assertFalse(run.out().contains("https://evil.example accepted"), run.out());
        assertTrue(run.out().contains("  | RFC 6455 §4.2.2 (4) /origin/ / §10.2 ORIGIN_ALLOWED:")
                && run.out().contains("(Origin https://evil.example is not accepted)"), run.out());
        JsonNode root = json(1, "not-opened", url(e, "/websocket/echo"), "--origin", "https://evil.example");
        assertTrue(root.get("response").get("body").get("text").asText().contains("ORIGIN_ALLOWED"), root.toString());
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** The {@code rules} of a {@code --json} run, whatever its exit code. */
    private static JsonNode rules(String... args) {
        return JsonSchemas.assertValid("handshake", CliRun.of(args).out()).get("rules");
    }
}
