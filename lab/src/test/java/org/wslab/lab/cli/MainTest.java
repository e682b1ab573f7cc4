package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The conventions every command shares: --help, --version, usage errors, exit codes. */
class MainTest {

    @Test
    void helpIsAvailableOnEveryCommandAndListsTheExitCodes() {
        for (String[] args : new String[][] {
            {"--help"}, {"serve", "--help"}, {"handshake", "--help"}, {"explain", "--help"}
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
            assertEquals(ExitCode.USAGE_OR_CONNECTION, run.exitCode(), run.toString());
            assertEquals(1, run.errLines().size(), run.toString());
            assertTrue(run.err().startsWith("wslab: "), run.toString());
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
        assertEquals("300ms", DurationConverter.format(java.time.Duration.ofMillis(300)));
    }
}
