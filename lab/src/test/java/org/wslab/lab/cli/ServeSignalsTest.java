package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
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
import org.junit.jupiter.params.provider.CsvSource;
import org.wslab.lab.server.RawUpgrade;

/**
 * {@code wslab serve} as a real child process stopped by SIGTERM and by Ctrl-C's SIGINT (POSIX
 * signals 15 and 2): the server stops gracefully, prints one {@code stopped} line on stderr and
 * exits 0 — a server's normal way to stop — on both engines, with a WebSocket open at the time.
 * Waits are bounded; the child is destroyed whatever happens.
 */
class ServeSignalsTest {
    private static final Pattern PORT = Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/");

    private static String read(Path p) throws Exception {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    /** Whether {@code pid} ignores SIGINT (a child of a shell's background job inherits that; Linux's /proc says). */
    @ParameterizedTest
    @CsvSource({"jetty, TERM", "wslab, TERM", "jetty, INT", "wslab, INT"})
    void aSignalStopsTheServerWithExitZeroAndOneStoppedLine(String engine, String signal, @TempDir Path dir)
            throws Exception {
        Path out = dir.resolve("serve.out");
        Path err = dir.resolve("serve.err");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.wslab.lab.cli.Main",
                "serve", "--port", "0", "--engine", engine, "--log"));
        Process serve = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            Matcher port = null;
            for (int i = 0; i < 6_000 && serve.isAlive(); i++) { // the banner's last line means it is bound
                String banner = read(err);
                Matcher m = PORT.matcher(banner);
                if (banner.contains("\nlimits: ") && m.find()) {
                    port = m;
                    break;
                }
                Thread.sleep(10);
            }
            assertTrue(port != null, "serve did not start: " + read(err));
            if (signal.equals("INT")) {
                SigintDelivery.assumeDeliverableTo(serve.pid());
            }
            try (Socket ws = new Socket("127.0.0.1", Integer.parseInt(port.group(1)))) {
                ws.getOutputStream().write(RawUpgrade.request("/websocket/echo", null, null));
                assertTrue(RawUpgrade.head(ws.getInputStream()).startsWith("HTTP/1.1 101 "));
                if (signal.equals("TERM")) {
                    serve.destroy(); // SIGTERM
                } else {
                    new ProcessBuilder("kill", "-INT", Long.toString(serve.pid())).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
                }
                assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve did not stop: " + read(err));
            }
            assertEquals(0, serve.exitValue(), read(err));
            List<String> status = read(err).lines().toList();
            assertEquals("wslab: stopped (1 connection closed)", status.get(status.size() - 1), read(err));
            assertEquals(1, status.stream().filter(l -> l.startsWith("wslab: stopped")).count(), read(err));
            String data = read(out);
            assertTrue(data.startsWith("#1 127.0.0.1:"), data);
            assertTrue(data.contains(" GET /websocket/echo → 101\n"), data);
            assertTrue(data.lines().anyMatch(l -> l.startsWith("#1 closed ")), data);
        } finally {
            serve.destroyForcibly();
        }
    }
}
