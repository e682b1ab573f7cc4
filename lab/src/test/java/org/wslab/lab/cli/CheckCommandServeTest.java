package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.TlsContexts;
import org.wslab.framing.tls.TrustMaterial;
import org.wslab.framing.transport.TransportSettings;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;

/**
 * {@code wslab check --serve 0}: the command prints the URL, our engine's client (an echo client,
 * one connection per case) is judged case by case with progress, summary and reports; usage
 * problems and no client at all are one line and exit 2, cases no client came for exit 1.
 */
class CheckCommandServeTest {
    private static final Pattern URL = Pattern.compile("point an echo client at (ws://\\S+/) ");

    @Test
    void aClientIsJudgedCaseByCaseWithItsSummaryAndReports(@TempDir Path dir) throws Exception {
        try (BackgroundCli cli = new BackgroundCli("check", "--serve", "0", "--cases", "framing.1.1.*,client.*",
                "--timeout", "3s", "--report", dir.toString())) {
            cli.awaitOutput("point an echo client at ");
            Matcher m = URL.matcher(cli.outSoFar());
            assertTrue(m.find(), cli.outSoFar());
            WebSocketUri uri = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(m.group(1))).uri();
            for (int i = 0; i < 13; i++) {
                echoOnce(uri);
            }
            CliRun run = cli.finish();
            assertEquals(ExitCode.OK, run.exitCode(), run.toString());
            assertTrue(run.err().contains("check: 13/13 "), "progress names every case: " + run.err());
            assertTrue(run.out().contains("client") && run.out().contains("13 cases in"), run.out());
            JsonNode results = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
            assertEquals(13, results.get("cases").size());
            assertEquals("client.11.1.1", results.get("cases").get(8).get("id").asText(), results.toString());
        }
    }

    @Test
    void withTlsTheClientConnectsOverWssTrustingThePemWritten(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("cert.pem");
        try (BackgroundCli cli = new BackgroundCli("check", "--serve", "0", "--tls", "--cert-out", pem.toString(),
                "--cases", "framing.1.1.*,client.*", "--timeout", "3s")) {
            cli.awaitOutput("point an echo client at ");
            Matcher m = Pattern.compile("point an echo client at (wss://\\S+/) ").matcher(cli.outSoFar());
            assertTrue(m.find(), cli.outSoFar());
            assertTrue(cli.outSoFar().contains("its PEM, for the client to trust: " + pem.toAbsolutePath()), cli.outSoFar());
            WebSocketUri uri = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(m.group(1))).uri();
            ClientTls tls = new ClientTls(TlsContexts.client(TrustMaterial.caFile(pem, null)), uri.host(), uri.port(), true,
                    java.util.List.of());
            for (int i = 0; i < 13; i++) {
                echoOnce(uri, Optional.of(tls));
            }
            CliRun run = cli.finish();
            assertEquals(ExitCode.OK, run.exitCode(), run.toString());
            assertTrue(run.out().contains("wss://127.0.0.1:") && run.out().contains("13 cases in"), run.out());
        }
    }

    @Test
    void casesNoClientCameForExit1() throws Exception {
        try (BackgroundCli cli = new BackgroundCli("check", "--serve", "0", "--cases", "framing.1.1.1,framing.1.1.2",
                "--serve-for", "3s")) {
            cli.awaitOutput("point an echo client at ");
            Matcher m = URL.matcher(cli.outSoFar());
            assertTrue(m.find(), cli.outSoFar());
            echoOnce(((WebSocketUri.Parse.Valid) WebSocketUri.parse(m.group(1))).uri());
            CliRun run = cli.finish();
            assertEquals(ExitCode.CHECK_FAILED, run.exitCode(), run.toString());
            assertTrue(run.out().contains("1 of 2 cases were not played"), run.out());
        }
    }

    @Test
    void noClientAtAllIsOneLineAndExit2() {
        CliRun run = CliRun.of("check", "--serve", "0", "--cases", "framing.1.1.1", "--serve-for", "300ms")
                .assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(run.err().contains("no client connected"), run.err());
    }

    @Test
    void helpNamesTheClientMode() {
        CliRun run = CliRun.of("check", "--help");
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("--serve=PORT") && run.out().contains("--serve-for"), run.out());
    }

    @Test
    void listShowsTheClientModeCases() {
        CliRun run = CliRun.of("check", "--serve", "0", "--list", "--cases", "client.*");
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertEquals(5, run.outLines().size(), run.out());
        assertTrue(run.outLines().get(0).startsWith("client.11.1.1 "), run.out());
    }

    @Test
    void listWithSuiteStompShowsTheStompClientCases() {
        CliRun run = CliRun.of("check", "--serve", "0", "--list", "--suite", "stomp");
        assertEquals(ExitCode.OK, run.exitCode(), run.toString());
        assertEquals(8, run.outLines().size(), run.out());
        assertTrue(run.outLines().stream().allMatch(l -> l.startsWith("stompclient.")), run.out());
    }

    @Test
    void usageProblemsAreOneLineAndExit2() {
        for (String[] args : new String[][] {
            {"check", "ws://127.0.0.1:1/", "--serve", "0"},
            {"check", "--serve", "70000"},
            {"check", "--serve", "0", "--cases", "nothing.*"},
            {"check", "--serve", "x"},
            {"check", "--serve", "0", "--suite", "amqp"},
            {"check", "--serve", "0", "--insecure"},
            {"check", "--serve", "0", "--cert-out", "x.pem"},
            {"check", "ws://127.0.0.1:1/", "--tls"},
            {"check", "--serve", "0", "--suite", "stomp", "--cases", "framing.*"}}) {
            CliRun.of(args).assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        }
    }

    /** One connection of an echo client on our engine: every message sent back until the server closes. */
    private static void echoOnce(WebSocketUri uri) throws Exception {
        echoOnce(uri, Optional.empty());
    }

    /** As {@link #echoOnce(WebSocketUri)}, over {@code tls} when given. */
    private static void echoOnce(WebSocketUri uri, Optional<ClientTls> tls) throws Exception {
        try (BlockingWebSocket ws = BlockingWebSocket.connect(uri, ClientOptions.defaults(), EngineSettings.defaults(),
                TransportSettings.defaults(), BlockingWebSocket.DEFAULT_EVENT_CAPACITY, tls)) {
            if (ws.awaitOpen() == null) {
                return;
            }
            for (Event e; (e = ws.next()) != null; ) {
                if (e instanceof Event.TextMessage t) {
                    ws.sendText(t.utf8());
                } else if (e instanceof Event.BinaryMessage b) {
                    ws.sendBinary(b.data());
                }
            }
        }
    }
}
