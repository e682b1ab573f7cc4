package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.wslab.lab.json.JsonSchemas;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.TestServer;

/**
 * A long {@code wslab echo} in a real child process stopped by Ctrl-C (SIGINT) or SIGTERM: it prints
 * the summary so far, closes with 1000 (RFC 6455 §7.4.1) and exits 130 or 143 (POSIX 128 + signal).
 * The child is signalled once its progress line shows it is echoing; waits are bounded.
 */
class EchoSignalTest {
    @RegisterExtension
    final TestServer server = new TestServer();

    private static Process child(Path stdout, String... args) throws Exception {
        return LabProcess.start(stdout, args);
    }

    private static String read(Path p) throws Exception {
        return LabProcess.read(p);
    }

    /** Starts a million-message echo and waits (bounded) until its progress line shows echoes. */
    private Process echoing(Path out, String... extra) throws Exception {
        server.start(Engine.WSLAB);
        List<String> args = new ArrayList<>(List.of("echo", "--count", "1000000", "--progress"));
        args.addAll(List.of(extra));
        args.add(server.echoUri().toString());
        Process p = child(out, args.toArray(String[]::new));
        Path err = Path.of(out + ".err");
        for (int i = 0; i < 6_000 && !read(err).contains(" echoed, ") && p.isAlive(); i++) {
            Thread.sleep(10);
        }
        assertTrue(read(err).contains(" echoed, "), read(out) + read(err));
        return p;
    }

    @Test
    void ctrlCPrintsTheSummaryClosesWith1000AndExits130(@TempDir Path dir) throws Exception {
        SigintDelivery.assumeDeliverable();
        Path out = dir.resolve("echo.out");
        Process p = echoing(out);
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "echo ended after Ctrl-C");
            String text = read(out);
            assertEquals(StopSignal.INTERRUPTED, p.exitValue(), text + read(Path.of(out + ".err")));
            assertTrue(text.contains("stopped:      interrupted (Ctrl-C) after "), text);
            assertTrue(text.contains("closed:       1000 normal closure (clean)"), text);
            assertTrue(text.contains("; mismatches 0") && text.contains("round trip:"), text);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void sigtermWithJsonPrintsAValidReportAndExits143(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("echo.json");
        Process p = echoing(out, "--json");
        try {
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "echo ended after SIGTERM");
            assertEquals(StopSignal.TERMINATED, p.exitValue(), read(out) + read(Path.of(out + ".err")));
            JsonNode json = JsonSchemas.assertValid("echo", read(out));
            assertEquals("terminated (SIGTERM)", json.get("stopped").asText());
            assertEquals(143, json.get("exitCode").asInt());
            assertEquals(false, json.get("verdict").get("passed").asBoolean());
            assertEquals(1000, json.get("closed").get("code").asInt());
            assertEquals(json.get("sent").asInt(), json.get("received").asInt(), read(out));
            assertTrue(json.get("sent").asInt() > 0 && json.get("sent").asInt() < 1_000_000, read(out));
        } finally {
            p.destroyForcibly();
        }
    }
}
