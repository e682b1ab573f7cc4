package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wslab.lab.engines.LabServers;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;

/**
 * {@code wslab check} against the lab's own echo endpoint (our engine, port 0): a selection runs
 * and passes with its summary and reports, a baseline fails only on a changed verdict, and every
 * usage or connection problem is one line with exit 2.
 */
class CheckCommandTest {
    private static LabServer server;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        server = LabServers.start(Engine.WSLAB, LabServerConfig.defaults().withAddress("127.0.0.1", 0),
                EndpointRegistry.defaults());
        url = server.webSocketUri(LabEndpoint.echo()).toString();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSelectionPassesWithItsSummaryAndReports(@TempDir Path dir) throws Exception {
        CliRun run = CliRun.of("check", url, "--cases", "framing.*,pingpong.2.1", "--report", dir.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("framing") && run.out().contains("17 cases in"), run.out());
        assertTrue(run.out().contains("suite: websocket ("), "the echo endpoint selects no STOMP sub-protocol: " + run.out());
        assertTrue(run.err().contains("check: 17/17 "), "progress names every case: " + run.err());
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals(17, results.get("cases").size());
        assertEquals("framing", results.get("cases").get(0).get("category").asText());
        assertTrue(Files.readString(dir.resolve("junit.xml")).contains("<testsuite"));
        String index = Files.readString(dir.resolve("index.html"));
        assertTrue(index.contains("cases/framing.1.1.1.html") && !index.contains("http://cdn"), "offline index");
        assertTrue(Files.readString(dir.resolve("cases/framing.1.1.1.html")).contains("Wire log"));
    }

    @Test
    void aBaselineFailsOnlyOnAChangedVerdict(@TempDir Path dir) throws Exception {
        Path same = dir.resolve("same.json");
        Files.writeString(same, "{\"cases\":[{\"id\":\"framing.1.1.1\",\"verdict\":\"OK\"}]}");
        CliRun unchanged = CliRun.of("check", url, "--cases", "framing.1.1.1", "--baseline", same.toString());
        assertEquals(ExitCode.OK, unchanged.exitCode(), unchanged.toString());
        Path other = dir.resolve("other.json");
        Files.writeString(other, "{\"cases\":[{\"id\":\"framing.1.1.1\",\"verdict\":\"NON_STRICT\"}]}");
        CliRun changed = CliRun.of("check", url, "--cases", "framing.1.1.1", "--baseline", other.toString());
        assertEquals(ExitCode.CHECK_FAILED, changed.exitCode(), changed.toString());
        assertTrue(changed.out().contains("framing.1.1.1: NON_STRICT → OK"), changed.out());
    }

    @Test
    void aStompEndpointGetsTheStompSuiteWithItsReports(@TempDir Path dir) throws Exception {
        String app = server.webSocketUri(LabEndpoint.stomp()).toString();
        CliRun run = CliRun.of("check", app, "--cases", "stomp.1.*,stomp.8.1", "--report", dir.toString());
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("suite: stomp (14 of 112 cases; ") && run.out().contains("selected sub-protocol v12.stomp"), run.out());
        JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertEquals(14, results.get("cases").size());
        assertEquals("stomp", results.get("cases").get(0).get("category").asText());
        assertTrue(Files.readString(dir.resolve("cases/stomp.1.1.html")).contains("&gt;&gt;&gt; CONNECT"), "STOMP frames in the wire log");
        assertTrue(Files.readString(dir.resolve("junit.xml")).contains("stomp.8.1"), "a JUnit test per STOMP case");
        assertTrue(Files.readString(dir.resolve("index.html")).contains("stomp.1.13"), "the index lists every STOMP case");
        CliRun forced = CliRun.of("check", url, "--suite", "stomp", "--cases", "stomp.1.3");
        assertEquals(ExitCode.CHECK_FAILED, forced.exitCode(), "the echo server echoes CONNECT instead of CONNECTED: " + forced);
        assertTrue(forced.out().contains("suite: stomp (1 of 112 cases; ") && forced.out().contains("--suite stomp"), forced.out());
    }

    @Test
    void listTakesASuite() {
        CliRun run = CliRun.of("check", "--list", "--suite", "stomp", "--cases", "stomp.8.*");
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertTrue(run.outLines().get(0).startsWith("stomp.8.1 ") && run.out().contains("STOMP 1.2 §Header receipt"), run.out());
        CliRun bad = CliRun.of("check", "--list", "--suite", "mqtt");
        assertEquals(ExitCode.USAGE_OR_CONNECTION, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("--suite is websocket|stomp"), bad.err());
    }

    @Test
    void listNeedsNoServer() {
        CliRun run = CliRun.of("check", "--list", "--cases", "close.7.1.*");
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertTrue(run.outLines().get(0).startsWith("close.7.1.1 "), run.out());
    }

    @Test
    void usageAndConnectionProblemsAreOneLineAndExit2(@TempDir Path dir) throws Exception {
        int free;
        try (ServerSocket s = new ServerSocket(0)) {
            free = s.getLocalPort();
        }
        CliRun none = CliRun.of("check", "ws://127.0.0.1:" + free + "/websocket/echo");
        none.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(none.err().contains("127.0.0.1:" + free), none.err());
        for (String[] args : new String[][] {
            {"check", url, "--cases", "nothing.*"},
            {"check", url, "--cases", "Framing.*"},
            {"check", url, "--parallel", "0"},
            {"check", "http://127.0.0.1/"},
            {"check"},
            {"check", url, "--baseline", dir.resolve("missing.json").toString()}}) {
            CliRun r = CliRun.of(args);
            r.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        }
    }
}
