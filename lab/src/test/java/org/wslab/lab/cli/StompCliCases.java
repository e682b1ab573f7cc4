package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code wslab stomp} against {@code wslab serve} in-process, on each engine (a subclass per
 * engine): a subscriber and a sender exchange a message through the server's broker (two
 * ./wslab stomp processes exchange a message, here as two concurrent in-process runs), traces
 * show the wire, an ERROR frame exits 1 naming its rule, and no server exits 2 with one line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StompCliCases {
    private RunningServe serve;
    private String url;

    /** The engine's name on the command line. */
    abstract String engine();

    @BeforeAll
    void start() throws Exception {
        serve = new RunningServe("--engine", engine());
        url = "ws://127.0.0.1:" + serve.port() + "/websocket/app";
    }

    @AfterAll
    void stop() throws Exception {
        serve.close();
    }

    @Test
    void serveListsTheStompEndpointAndItsBroker() {
        assertTrue(serve.out().contains(engine() + " engine listening"), serve.out());
        assertTrue(serve.out().contains(url + "   STOMP 1.0-1.2"), serve.out());
        assertTrue(serve.out().contains("stomp: in-memory broker"), serve.out());
    }

    @Test
    void aSubscriberReceivesWhatASenderSends() throws Exception {
        try (BackgroundCli subscriber = new BackgroundCli("stomp", url, "subscribe", "/topic/greetings", "--count", "1")) {
            subscriber.awaitOutput("subscribed to /topic/greetings (receipt received)");
            CliRun send = CliRun.of("stomp", url, "send", "/topic/greetings", "hello", "--header", "x-lab:1", "--receipt");
            assertEquals(0, send.exitCode(), send.toString());
            assertEquals(List.of("sent to /topic/greetings (receipt r-1 received)"), send.outLines());

            CliRun got = subscriber.finish();
            assertEquals(0, got.exitCode(), got.toString());
            List<String> lines = got.outLines();
            assertEquals("MESSAGE", lines.get(0), "stdout holds the messages only: " + got);
            assertTrue(lines.contains("destination:/topic/greetings"), got.toString());
            assertTrue(lines.contains("x-lab:1"), "the sender's own header travels: " + got);
            assertTrue(lines.contains("content-length:5"), got.toString());
            assertEquals("hello", lines.get(lines.indexOf("") + 1), "the body follows the blank line");
            assertEquals(List.of("connected to " + url + ": STOMP 1.2 (sub-protocol v12.stomp), heart-beat 10000,10000 ms",
                    "subscribed to /topic/greetings (receipt received)"), got.errLines(), "status lines are on stderr");
        }
    }

    @Test
    void aQueueConsumerInClientModeGetsJsonAndAcks() throws Exception {
        try (BackgroundCli consumer = new BackgroundCli("stomp", url, "subscribe", "/queue/jobs", "--ack", "client-individual",
                "--count", "2", "--json")) {
            consumer.awaitOutput("\"subscribed\"");
            assertEquals(0, CliRun.of("stomp", url, "send", "/queue/jobs", "one").exitCode());
            assertEquals(0, CliRun.of("stomp", url, "send", "/queue/jobs", "twö", "--content-type", "text/x-lab").exitCode());
            CliRun got = consumer.finish();
            assertEquals(0, got.exitCode(), got.toString());
            List<JsonNode> events = org.wslab.lab.json.JsonSchemas.assertValidLines("stomp-subscribe", got.out());
            assertEquals(List.of("connected", "subscribed", "message", "message", "summary"),
                    events.stream().map(e -> e.get("event").asText()).toList(), got.out());
            assertEquals("", got.err(), "with --json every status is an event on stdout");
            JsonNode second = events.get(3);
            assertEquals("/queue/jobs", second.get("destination").asText());
            assertEquals(2, events.get(4).get("messages").asInt());
            assertEquals("count", events.get(4).get("stoppedBy").asText());
            assertEquals("MESSAGE", second.get("command").asText());
            assertEquals("twö", second.get("body").asText());
            assertEquals("text/x-lab", header(second, "content-type"), second.toString());
            assertEquals("4", header(second, "content-length"), "octets of UTF-8, not characters");
            // STOMP 1.2 "MESSAGE": a client-mode subscription's MESSAGE carries the ack header the ACK names
            assertTrue(header(second, "ack") != null, second.toString());
        }
    }

    private static String header(JsonNode frame, String name) {
        for (JsonNode h : frame.get("headers")) {
            if (h.get("name").asText().equals(name)) {
                return h.get("value").asText();
            }
        }
        return null;
    }

    @Test
    void traceShowsEveryFrameWithNulAndTheBanner() {
        CliRun run = CliRun.of("stomp", url, "send", "/topic/traced", "hi", "--trace");
        assertEquals(0, run.exitCode(), run.toString());
        List<String> lines = run.outLines();
        assertEquals("# WebSocket sub-protocol: v12.stomp, STOMP version: 1.2", lines.get(0), "the banner comes first");
        assertEquals(">>> CONNECT^J", lines.get(1));
        assertTrue(lines.contains("<<< CONNECTED^J"), run.toString());
        assertTrue(lines.contains("<<< version:1.2^J"), run.toString());
        assertTrue(lines.contains(">>> hi^@"), "the SEND body ends in a visible NUL: " + run);
        assertTrue(lines.contains(">>> DISCONNECT^J"), run.toString());
        assertEquals("sent to /topic/traced", lines.get(lines.size() - 1));
    }

    @Test
    void anErrorFrameExitsOneNamingTheRule() {
        // --receipt: the client waits for the answer to SEND before it sends DISCONNECT. Without it the
        // DISCONNECT can reach a server that already closed after its ERROR, whose TCP reset may then
        // discard the unread ERROR at the client (seen once against Jetty under load).
        CliRun run = CliRun.of("stomp", url, "send", "/nowhere", "x", "--receipt");
        assertEquals(ExitCode.CHECK_FAILED, run.exitCode(), run.toString());
        assertEquals("ERROR", run.outLines().get(0), "the ERROR frame is printed");
        assertTrue(run.out().contains("[INVALID_DESTINATION]"), run.toString());
        assertEquals(List.of("wslab: the server sent ERROR: destination must start with /topic/ or /queue/ (STOMP 1.2 \"SEND\")"),
                run.errLines());
    }

    @Test
    void anErrorThatOvertakesTheDisconnectIsStillTheErrorReported() {
        // without --receipt the DISCONNECT follows the SEND at once, and the server's ERROR often arrives
        // first: the client's refused DISCONNECT ("while closed") must not hide the ERROR behind it
        for (int i = 0; i < 10; i++) {
            CliRun run = CliRun.of("stomp", url, "send", "/nowhere", "x");
            assertEquals(ExitCode.CHECK_FAILED, run.exitCode(), "run " + i + ": " + run);
            assertEquals(List.of("wslab: the server sent ERROR: destination must start with /topic/ or /queue/ (STOMP 1.2 \"SEND\")"),
                    run.errLines(), "run " + i);
        }
    }

    @Test
    void aSubscriptionTheBrokerRefusesExitsOne() throws Exception {
        CliRun run = CliRun.of("stomp", url, "subscribe", "/elsewhere", "--count", "1", "--json");
        assertEquals(ExitCode.CHECK_FAILED, run.exitCode(), run.toString());
        assertTrue(run.err().contains("STOMP 1.2 \"SEND\""), run.toString());
        List<JsonNode> events = org.wslab.lab.json.JsonSchemas.assertValidLines("stomp-subscribe", run.out());
        JsonNode error = events.get(events.size() - 1);
        assertEquals("error", error.get("event").asText(), run.out());
        assertEquals("ERROR", error.get("command").asText(), "with --json the ERROR is a JSON line too");
        assertTrue(error.get("body").asText().contains("[INVALID_DESTINATION]"), error.toString());
    }

    @Test
    void aBodyOverTheServersStompLimitIsAnErrorNamingSizeLimits() {
        // StompLimits.DEFAULT: bodies up to 1 MiB; one octet more is refused by the server's decoder
        String body = "x".repeat((1 << 20) + 1);
        CliRun run = CliRun.of("stomp", url, "send", "/topic/big", body);
        assertEquals(ExitCode.CHECK_FAILED, run.exitCode(), run.err());
        assertTrue(run.err().contains("\"Size Limits\""), run.err());
        assertEquals(1, run.errLines().size(), run.err());
        CliRun exactly = CliRun.of("stomp", url, "send", "/topic/big", "x".repeat(1 << 20), "--receipt");
        assertEquals(0, exactly.exitCode(), "exactly at the limit is served: " + exactly.err());
    }

    @Test
    void aServerThatStopsUnderASubscriberIsOneLineAndExitTwo() throws Exception {
        RunningServe own = new RunningServe("--engine", engine());
        try (BackgroundCli subscriber = new BackgroundCli("stomp", "ws://127.0.0.1:" + own.port() + "/websocket/app",
                "subscribe", "/topic/x")) {
            subscriber.awaitOutput("subscribed to /topic/x");
            own.stop();
            CliRun run = subscriber.finish();
            assertEquals(ExitCode.USAGE_OR_CONNECTION, run.exitCode(), run.toString());
            List<String> err = run.errLines();
            assertEquals(3, err.size(), "connected, subscribed, then the one failure line: " + run);
            // a graceful stop is the server's close with 1001 (RFC 6455 §7.4.1), not an ERROR frame
            assertTrue(err.get(2).startsWith("wslab: 127.0.0.1:" + own.port() + " closed the connection with 1001 going away"),
                    run.toString());
            assertFalse(run.err().contains("ERROR") || run.err().contains("BROKER_UNAVAILABLE"), run.toString());
            assertFalse(run.err().contains("Exception"), run.toString());
        } finally {
            own.close();
        }
    }

    @Test
    void noServerIsOneLineAndExitTwo() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CliRun run = CliRun.of("stomp", "ws://127.0.0.1:" + closed + "/websocket/app", "send", "/topic/x", "y");
        run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(run.err().startsWith("wslab: connection refused"), run.toString());
        assertEquals("", run.out());
    }

    @Test
    void aPathThatIsNotStompIsARefusedHandshake() {
        CliRun run = CliRun.of("stomp", "ws://127.0.0.1:" + serve.port() + "/websocket/nope", "send", "/topic/x", "y");
        run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(run.err().contains("HTTP 404") && run.err().contains("nothing is served at /websocket/nope"),
                run.toString());
        CliRun json = CliRun.of("stomp", "ws://127.0.0.1:" + serve.port() + "/websocket/nope", "subscribe", "/topic/x", "--json");
        assertEquals("status", org.wslab.lab.json.JsonSchemas.assertValid("failure", json.out()).get("failure").get("kind").asText());
    }

    @Test
    void theEchoEndpointIsNamedAsOne() {
        // the echo endpoint sends our CONNECT back: a client frame from a server (STOMP 1.2 "STOMP Frames")
        String echo = "ws://127.0.0.1:" + serve.port() + "/websocket/echo";
        for (String action : List.of("send", "subscribe")) {
            CliRun run = CliRun.of("stomp", echo, action, "/topic/x", action.equals("send") ? "y" : "--count=1");
            run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
            assertTrue(run.err().contains("the server sent our own CONNECT frame back: this looks like an echo endpoint, "
                    + "not STOMP (the lab's STOMP endpoint is /websocket/app)"), run.toString());
            CliRun json = CliRun.of("stomp", echo, action, "/topic/x", action.equals("send") ? "y" : "--count=1", "--json");
            JsonNode failure = org.wslab.lab.json.JsonSchemas.assertValid("failure", json.out()).get("failure");
            assertEquals("protocol-violation", failure.get("kind").asText());
            assertEquals("WRONG_DIRECTION", failure.get("rule").asText());
        }
    }

    @Test
    void severalDestinationsAreEachTheirOwnSubscription() throws Exception {
        try (BackgroundCli subscriber = new BackgroundCli("stomp", url, "subscribe", "/topic/one", "/queue/two",
                "--count", "2", "--json")) {
            subscriber.awaitOutput("\"/queue/two\"");
            assertEquals(0, CliRun.of("stomp", url, "send", "/queue/two", "2").exitCode());
            assertEquals(0, CliRun.of("stomp", url, "send", "/topic/one", "1").exitCode());
            CliRun got = subscriber.finish();
            assertEquals(0, got.exitCode(), got.toString());
            List<JsonNode> events = org.wslab.lab.json.JsonSchemas.assertValidLines("stomp-subscribe", got.out());
            assertEquals("0", events.get(1).get("id").asText());
            assertEquals("1", events.get(2).get("id").asText(), "each destination has its own subscription id");
            assertEquals("/queue/two", events.get(3).get("destination").asText());
            assertEquals("1", header(events.get(3), "subscription"));
            assertEquals("/topic/one", events.get(4).get("destination").asText());
            assertEquals("0", header(events.get(4), "subscription"));
            JsonNode summary = events.get(5);
            assertEquals(1, summary.get("byDestination").get("/topic/one").asInt());
            assertEquals(1, summary.get("byDestination").get("/queue/two").asInt());
        }
    }

    @Test
    void loginAndPasscodeGoInTheConnectFrame() {
        CliRun run = CliRun.of("stomp", url, "send", "/topic/x", "y", "--login", "lab", "--passcode", "s3cret", "--trace");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.outLines().contains(">>> login:lab^J"), run.out());
        assertTrue(run.outLines().contains(">>> passcode:s3cret^J"), run.out());
    }

    @Test
    void sendJsonIsOneReport() throws Exception {
        CliRun run = CliRun.of("stomp", url, "send", "/topic/j", "héllo", "--receipt", "--json", "--trace");
        assertEquals(0, run.exitCode(), run.toString());
        JsonNode r = org.wslab.lab.json.JsonSchemas.assertValid("stomp-send", run.out());
        assertEquals("stomp send", r.get("command").asText());
        assertEquals("r-1", r.get("receipt").asText());
        assertEquals(6, r.get("bytes").asInt(), "UTF-8 octets");
        assertTrue(r.get("verdict").get("passed").asBoolean());
        assertTrue(run.err().contains(">>> héllo^@"), "the trace goes to stderr: " + run);
        CliRun refused = CliRun.of("stomp", url, "send", "/nowhere", "x", "--json");
        assertEquals(ExitCode.CHECK_FAILED, refused.exitCode(), refused.toString());
        JsonNode e = org.wslab.lab.json.JsonSchemas.assertValid("stomp-send", refused.out());
        assertFalse(e.get("verdict").get("passed").asBoolean());
        assertTrue(e.get("error").get("body").asText().contains("[INVALID_DESTINATION]"), refused.out());
    }

    @Test
    void theBodyComesFromStandardInput() throws Exception {
        try (BackgroundCli subscriber = new BackgroundCli("stomp", url, "subscribe", "/topic/stdin", "--count", "2")) {
            subscriber.awaitOutput("subscribed to /topic/stdin");
            assertEquals(0, StompStdin.run("from stdin\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "stomp", url, "send", "/topic/stdin", "-").exitCode());
            assertEquals(0, StompStdin.run("no BODY".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "stomp", url, "send", "/topic/stdin").exitCode());
            CliRun got = subscriber.finish();
            assertEquals(0, got.exitCode(), got.toString());
            assertTrue(got.outLines().contains("from stdin") && got.outLines().contains("no BODY"), got.out());
            assertTrue(got.outLines().contains("content-length:11"), got.out());
        }
    }

    @Test
    void subscribeWithATimeoutEndsWhenTooFewMessagesCame() {
        CliRun run = CliRun.of("stomp", url, "subscribe", "/topic/silent", "--count", "1", "--timeout", "300ms");
        assertEquals(ExitCode.USAGE_OR_CONNECTION, run.exitCode(), run.toString());
        assertTrue(run.err().contains("timed out after 300ms waiting for 1 messages on /topic/silent (0 came) from"),
                run.toString());
    }

    @Test
    void usageErrorsAreOneLine() {
        for (String[] args : List.of(
                new String[] {"stomp", url},
                new String[] {"stomp", url, "subscribe", "/topic/x", "--ack", "sometimes"},
                new String[] {"stomp", url, "subscribe", "/topic/x", "--count", "0"},
                new String[] {"stomp", url, "send", "/topic/x", "y", "--header", "novalue"},
                new String[] {"stomp", url, "send", "/topic/x", "y", "--heart-beat", "fast"},
                new String[] {"stomp", "http://127.0.0.1:1/", "send", "/topic/x", "y"})) {
            CliRun run = CliRun.of(args);
            run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        }
    }
}
