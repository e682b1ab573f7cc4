package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.wslab.lab.engines.LabServers;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;

/**
 * Two {@code ./wslab stomp} processes exchange a message, with real processes: a
 * {@code stomp subscribe --count 1} child JVM and a {@code stomp send} child JVM (the lab's
 * {@code Main} on this test's class path) meet on an in-test lab server. Waits are bounded and the
 * children are destroyed whatever happens.
 */
class StompProcessesTest {

    private static Process child(Path stdout, String... args) throws Exception {
        return LabProcess.start(stdout, args);
    }

    private static String read(Path p) throws Exception {
        return LabProcess.read(p);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void twoProcessesExchangeAMessageThroughTheServer(Engine engine, @TempDir Path dir) throws Exception {
        try (LabServer server = LabServers.start(engine, LabServerConfig.defaults().withAddress("127.0.0.1", 0),
                EndpointRegistry.defaults())) {
            String url = "ws://127.0.0.1:" + server.port() + "/websocket/app";
            Path subOut = dir.resolve("subscribe.out");
            Path sendOut = dir.resolve("send.out");
            Process subscriber = child(subOut, "stomp", url, "subscribe", "/topic/greetings", "--count", "1",
                    "--timeout", "60s");
            Process sender = null;
            try {
                // the subscriber says when its SUBSCRIBE was confirmed; wait for that line (bounded), then send
                Path subErr = Path.of(subOut + ".err");
                for (int i = 0; i < 6_000 && !read(subErr).contains("subscribed to") && subscriber.isAlive(); i++) {
                    Thread.sleep(10);
                }
                assertTrue(read(subErr).contains("subscribed to /topic/greetings (receipt received)"),
                        "the status line is on stderr: " + read(subOut) + read(subErr));
                sender = child(sendOut, "stomp", url, "send", "/topic/greetings", "hello", "--trace");
                assertTrue(sender.waitFor(60, TimeUnit.SECONDS), "send finished");
                assertEquals(0, sender.exitValue(), read(sendOut) + read(Path.of(sendOut + ".err")));
                assertTrue(subscriber.waitFor(60, TimeUnit.SECONDS), "subscribe --count 1 finished");
                assertEquals(0, subscriber.exitValue(), read(subOut) + read(Path.of(subOut + ".err")));

                List<String> got = List.of(read(subOut).split("\n"));
                assertEquals("MESSAGE", got.get(0), read(subOut));
                assertTrue(got.contains("destination:/topic/greetings"), read(subOut));
                assertEquals("hello", got.get(got.indexOf("") + 1), read(subOut));
                String trace = read(sendOut);
                assertTrue(trace.startsWith("# WebSocket sub-protocol: v12.stomp, STOMP version: 1.2\n"), trace);
                assertEquals("", read(Path.of(sendOut + ".err")), "send prints no status line on ws://");
                assertTrue(trace.contains(">>> hello^@\n"), trace);
            } finally {
                subscriber.destroyForcibly();
                if (sender != null) {
                    sender.destroyForcibly();
                }
            }
        }
    }

    /** Waits (bounded) until {@code file} contains {@code text} or the process ended. */
    private static void await(Path file, String text, Process p) throws Exception {
        for (int i = 0; i < 6_000 && !read(file).contains(text) && p.isAlive(); i++) {
            Thread.sleep(10);
        }
        assertTrue(read(file).contains(text), "no '" + text + "' in " + file + ": " + read(file));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void ctrlCDisconnectsPolitelyAndSummarises(Engine engine, @TempDir Path dir) throws Exception {
        SigintDelivery.assumeDeliverable();
        try (LabServer server = LabServers.start(engine, LabServerConfig.defaults().withAddress("127.0.0.1", 0),
                EndpointRegistry.defaults())) {
            String url = "ws://127.0.0.1:" + server.port() + "/websocket/app";
            Path out = dir.resolve("sub.out");
            Process subscriber = child(out, "stomp", url, "subscribe", "/topic/a", "/queue/b", "--trace", "--timeout", "120s");
            try {
                await(out, ">>> SUBSCRIBE^J", subscriber);
                await(Path.of(out + ".err"), "subscribed to /queue/b", subscriber);
                assertEquals(0, CliRun.of("stomp", url, "send", "/topic/a", "one").exitCode());
                assertEquals(0, CliRun.of("stomp", url, "send", "/queue/b", "two").exitCode());
                assertEquals(0, CliRun.of("stomp", url, "send", "/queue/b", "three").exitCode());
                await(out, "<<< three^@", subscriber);
                new ProcessBuilder("kill", "-INT", Long.toString(subscriber.pid())).start().waitFor(10, TimeUnit.SECONDS);
                assertTrue(subscriber.waitFor(30, TimeUnit.SECONDS), "Ctrl-C ends subscribe");
                assertEquals(StopSignal.INTERRUPTED, subscriber.exitValue(), read(out) + read(Path.of(out + ".err")));
                String got = read(out);
                assertTrue(got.contains(">>> DISCONNECT^J"), "a polite DISCONNECT: " + got);
                assertTrue(got.contains("<<< RECEIPT^J"), "its RECEIPT came: " + got);
                List<String> lines = List.of(got.split("\n"));
                assertEquals("3 messages (1 from /topic/a, 2 from /queue/b); interrupted (Ctrl-C)", lines.get(lines.size() - 1), got);
            } finally {
                subscriber.destroyForcibly();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sigtermEndsTheJsonStreamWithASummary(Engine engine, @TempDir Path dir) throws Exception {
        try (LabServer server = LabServers.start(engine, LabServerConfig.defaults().withAddress("127.0.0.1", 0),
                EndpointRegistry.defaults())) {
            String url = "ws://127.0.0.1:" + server.port() + "/websocket/app";
            Path out = dir.resolve("sub.out");
            Process subscriber = child(out, "stomp", url, "subscribe", "/topic/j", "--json", "--timeout", "120s");
            try {
                await(out, "\"subscribed\"", subscriber);
                assertEquals(0, CliRun.of("stomp", url, "send", "/topic/j", "one").exitCode());
                await(out, "\"message\"", subscriber);
                subscriber.destroy(); // SIGTERM
                assertTrue(subscriber.waitFor(30, TimeUnit.SECONDS), "SIGTERM ends subscribe");
                assertEquals(StopSignal.TERMINATED, subscriber.exitValue(), read(out) + read(Path.of(out + ".err")));
                List<com.fasterxml.jackson.databind.JsonNode> events =
                        org.wslab.lab.json.JsonSchemas.assertValidLines("stomp-subscribe", read(out));
                com.fasterxml.jackson.databind.JsonNode summary = events.get(events.size() - 1);
                assertEquals("summary", summary.get("event").asText(), read(out));
                assertEquals(1, summary.get("messages").asInt());
                assertEquals("SIGTERM", summary.get("stoppedBy").asText());
                assertEquals(143, summary.get("exitCode").asInt());
                assertEquals("", read(Path.of(out + ".err")), "nothing on stderr with --json");
            } finally {
                subscriber.destroyForcibly();
            }
        }
    }
}
