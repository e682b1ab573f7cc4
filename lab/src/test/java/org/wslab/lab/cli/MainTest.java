package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.lab.common.DurationText;

/** The conventions every command shares: --help, --version, usage errors, exit codes. */
class MainTest {

    @Test
    void helpIsAvailableOnEveryCommandAndListsTheExitCodes() {
        for (String[] args : new String[][] {
            {"--help"}, {"serve", "--help"}, {"handshake", "--help"}, {"explain", "--help"}, {"echo", "--help"},
            {"stomp", "--help"}, {"stomp", "ws://x/", "subscribe", "--help"}, {"stomp", "ws://x/", "send", "--help"}
        }) {
            CliRun run = CliRun.of(args);
            assertEquals(ExitCode.OK, run.exitCode(), run.toString());
            assertTrue(run.out().contains("Usage: wslab"), run.toString());
            assertTrue(run.out().contains("Exit codes:"), run.toString());
            assertTrue(run.out().contains("--verbose"), run.toString());
        }
    }

    @Test
    void versionNamesTheProjectAndJetty() {
        CliRun run = CliRun.of("--version");
        assertEquals(ExitCode.OK, run.exitCode());
        assertTrue(run.out().startsWith("wslab 0."), run.out());
        assertTrue(run.out().contains("Jetty 12."), run.out());
    }

    @Test
    void usageErrorsAreOneLineAndExitTwo() {
        for (String[] args : new String[][] {
            {}, {"frobnicate"}, {"serve", "--no-such-option"}, {"handshake"}, {"explain"},
            {"handshake", "ws://127.0.0.1:1/", "--timeout", "soon"}
        }) {
            CliRun run = CliRun.of(args);
            run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
            assertTrue(run.err().contains("--help"), run.toString());
        }
    }

    @Test
    void verboseAddsTheStackTraceToAnError() {
        CliRun quiet = CliRun.of("handshake", "wss://example.invalid/");
        CliRun verbose = CliRun.of("handshake", "--verbose", "wss://example.invalid/");
        assertEquals(1, quiet.errLines().size(), quiet.toString());
        assertEquals(quiet.errLines().get(0), verbose.errLines().get(0));
        assertTrue(verbose.errLines().size() > 1, verbose.toString());
        assertTrue(verbose.err().contains("\tat org.wslab."), verbose.toString());
    }

    @Test
    void durationsAndSizesReadAsWritten() {
        DurationConverter d = new DurationConverter();
        assertEquals(java.time.Duration.ofMillis(300), d.convert("300ms"));
        assertEquals(java.time.Duration.ofSeconds(10), d.convert("10s"));
        assertEquals(java.time.Duration.ofSeconds(10), d.convert("10"));
        assertEquals(java.time.Duration.ofMillis(1500), d.convert("1.5s"));
        assertEquals(java.time.Duration.ofMinutes(2), d.convert("2m"));
        SizeConverter s = new SizeConverter();
        assertEquals(16L << 20, s.convert("16MiB"));
        assertEquals(64L << 10, s.convert("64kib"));
        assertEquals(1000L, s.convert("1000"));
        assertEquals(2_000_000L, s.convert("2MB"));
        assertEquals("16MiB", SizeConverter.format(16L << 20));
        assertEquals("300ms", DurationText.format(java.time.Duration.ofMillis(300)));
    }

    // a mistyped command is named as one, with the commands there are, in one line
    @Test
    void anUnknownCommandIsNamedWithTheCommandsThereAre() {
        CliRun top = CliRun.of("serv");
        assertEquals(ExitCode.USAGE_OR_CONNECTION, top.exitCode());
        assertEquals(List.of("wslab: unknown command 'serv' (commands: serve, handshake, explain, echo, stomp, check, load, drive, help) "
                + "(see 'wslab --help')"), top.errLines());
        CliRun stomp = CliRun.of("stomp", "ws://127.0.0.1:1/", "publish");
        assertEquals(List.of("wslab: unknown command 'publish' (commands: subscribe, send) (see 'wslab stomp --help')"),
                stomp.errLines());
    }

    // a value picocli cannot convert is named by its option first, like the lab's own checks
    @Test
    void aBadValueIsNamedByItsOption() {
        assertEquals(List.of("wslab: --engine: 'tomcat' is not an engine (one of: jetty, wslab) (see 'wslab serve --help')"),
                CliRun.of("serve", "--engine", "tomcat").errLines());
        assertEquals(List.of("wslab: --timeout: 'soon' is not a duration (write e.g. 10s, 300ms, 2m) "
                + "(see 'wslab handshake --help')"), CliRun.of("handshake", "--timeout", "soon", "ws://x/").errLines());
        assertEquals(List.of("wslab: missing 'URL' (see 'wslab handshake --help')"), CliRun.of("handshake").errLines());
        assertEquals(List.of("wslab: unexpected argument 'extra' (see 'wslab serve --help')"),
                CliRun.of("serve", "extra").errLines());
    }

    // every client command says "nothing listens there" in the same words
    @Test
    void connectionRefusedReadsTheSameInEveryClientCommand() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there now
        }
        String url = "ws://127.0.0.1:" + port + "/websocket/app";
        String line = "wslab: connection refused by 127.0.0.1:" + port + ": is a server listening there?";
        for (String[] args : new String[][] {
            {"handshake", url}, {"echo", url}, {"stomp", url, "send", "/topic/a", "x"}, {"stomp", url, "subscribe", "/topic/a"}
        }) {
            CliRun run = CliRun.of(args);
            assertEquals(ExitCode.USAGE_OR_CONNECTION, run.exitCode(), run.toString());
            assertEquals(List.of(line), run.errLines(), run.toString());
        }
    }
}
