package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The artifact users run: {@code lab/target/wslab.jar}, built by {@code package} (the shade plugin),
 * started as real processes the way {@code ./wslab} starts it. The unit tests run the classes from
 * the class path; only this test catches a shaded jar that lost a ServiceLoader entry or a class.
 * Failsafe runs it in {@code verify}, after {@code package}.
 */
class WslabJarIT {
    private static final Pattern LISTENING = Pattern.compile("engine listening on http://127\\.0\\.0\\.1:(\\d+)/");
    private static final Path JAR = Path.of("target", "wslab.jar").toAbsolutePath();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"jetty", "wslab"})
    void servedByTheJarAndUsedByTheJar(String engine) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "the shaded jar exists: " + JAR);
        Process serve = new ProcessBuilder(java("serve", "--engine", engine, "--port", "0"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("serve.out").toFile()).start();
        try {
            int port = awaitPort(serve);
            String ws = "ws://127.0.0.1:" + port;

            Result handshake = run("handshake", ws + "/websocket/echo", "--protocol", "v12.stomp");
            assertEquals(0, handshake.code(), handshake.output());
            assertTrue(handshake.output().contains("verdict: accepted"), handshake.output());

            Result echo = run("echo", ws + "/websocket/echo", "--deflate", "--count", "3", "--trace");
            assertEquals(0, echo.code(), echo.output());
            assertTrue(echo.output().contains("RSV1: per-message compressed"), echo.output());

            Result explain = run("explain", Path.of("src", "test", "resources", "transcripts",
                    "notes-stomp-handshake.txt").toAbsolutePath().toString());
            assertEquals(1, explain.code(), explain.output());
            assertTrue(explain.output().contains("ACCEPT_MATCHES_KEY"), explain.output());

            Process subscriber = new ProcessBuilder(java("stomp", ws + "/websocket/app", "subscribe",
                    "/topic/jar", "--count", "1", "--timeout", "60s"))
                    .redirectErrorStream(true).redirectOutput(dir.resolve("sub.out").toFile()).start();
            try {
                for (int i = 0; i < 3_000 && subscriber.isAlive() && !read("sub.out").contains("subscribed to"); i++) {
                    Thread.sleep(10);
                }
                Result send = run("stomp", ws + "/websocket/app", "send", "/topic/jar", "from the jar", "--receipt");
                assertEquals(0, send.code(), send.output());
                assertTrue(subscriber.waitFor(60, TimeUnit.SECONDS), "subscriber finished");
                assertEquals(0, subscriber.exitValue(), read("sub.out"));
                assertTrue(read("sub.out").contains("from the jar"), read("sub.out"));
            } finally {
                subscriber.destroyForcibly();
            }
        } finally {
            serve.destroy(); // SIGTERM: the shutdown hook stops the server cleanly
            if (!serve.waitFor(20, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
            }
        }
        assertTrue(read("serve.out").contains("wslab: stopped"), "SIGTERM stops the server cleanly:\n" + read("serve.out"));
    }

    @org.junit.jupiter.api.Test
    void aServerOutOfFileDescriptorsPausesAcceptingAndRecovers() throws Exception {
        // Rule (wslab policy): when accept() fails (EMFILE) the pending connection stays readable, so a
        // loop that keeps OP_ACCEPT on spins a core; ours pauses accepting briefly, then serves again.
        org.junit.jupiter.api.Assumptions.assumeTrue(new File("/bin/bash").canExecute(), "needs bash for ulimit");
        List<String> command = new ArrayList<>(List.of("/bin/bash", "-c", "ulimit -n 256; exec \"$0\" \"$@\""));
        command.addAll(java("serve", "--engine", "wslab", "--port", "0"));
        Process serve = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("serve.out").toFile()).start();
        List<java.net.Socket> held = new ArrayList<>();
        try {
            int port = awaitPort(serve);
            for (int i = 0; i < 400; i++) {
                java.net.Socket s = new java.net.Socket();
                s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 5_000);
                held.add(s); // beyond the fd limit these wait in the listen backlog
            }
            java.time.Duration before = serve.toHandle().info().totalCpuDuration().orElseThrow();
            Thread.sleep(3_000);
            java.time.Duration used = serve.toHandle().info().totalCpuDuration().orElseThrow().minus(before);
            assertTrue(used.toMillis() < 1_500, "a spinning accept loop burns a core; used " + used + " of CPU in 3 s");
            for (java.net.Socket s : held) {
                s.close();
            }
            held.clear();
            Result handshake = run("handshake", "ws://127.0.0.1:" + port + "/websocket/echo");
            assertEquals(0, handshake.code(), "serves again once descriptors are free:\n" + handshake.output());
        } finally {
            for (java.net.Socket s : held) {
                s.close();
            }
            serve.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }
    }

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return command;
    }

    /** Waits (up to 60 s) for the server's banner to name its port. */
    private int awaitPort(Process serve) throws Exception {
        for (int i = 0; i < 6_000 && serve.isAlive(); i++) {
            Matcher m = LISTENING.matcher(read("serve.out"));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            Thread.sleep(10);
        }
        throw new AssertionError("serve did not listen:\n" + read("serve.out"));
    }

    private Result run(String... args) throws Exception {
        File out = dir.resolve("run.out").toFile();
        Process p = new ProcessBuilder(java(args)).redirectErrorStream(true).redirectOutput(out).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("wslab " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8));
    }

    private String read(String name) throws Exception {
        Path p = dir.resolve(name);
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    private record Result(int code, String output) { }
}
