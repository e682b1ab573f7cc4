package org.wslab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wslab.conformance.servers.BrokenServer;
import org.wslab.conformance.servers.BrokenServer.Flaw;

/**
 * A checker that passes everything proves nothing: against a server broken in one known way,
 * exactly the cases covering that rule must be judged FAILED, and every other case must not be.
 */
class BrokenServerTest {
    private static final Runner RUNNER = new Runner(new Runner.Settings(Duration.ofSeconds(2), 4));
    /** The default run without limits (9.x): a thread-per-connection server's 1000 round trips outlast the 2 s timeout. */
    private static final List<ConformanceCase> CASES = DefaultRun.cases().stream()
            .filter(c -> !c.category().equals("limits")).toList();

    // RFC 6455 §5.2: a server that echoes frames with RSV bits instead of failing the connection
    @Test
    void aServerThatIgnoresReservedBitsFailsTheRsvCases() throws Exception {
        assertEquals(ids("rsv.3.1", "rsv.3.2", "rsv.3.3", "rsv.3.4", "rsv.3.5", "rsv.3.6", "rsv.3.7"),
                judgedFailed(Flaw.IGNORES_RSV));
    }

    // RFC 6455 §5.5.1, §7.4.1: a server that echoes any Close body, invalid codes and bad UTF-8 included
    @Test
    void aServerThatEchoesAnyCloseFailsTheCloseBodyAndCodeCases() throws Exception {
        Set<String> expected = ids("close.7.3.2", "close.7.5.1", "close.7.13.1", "close.7.13.2");
        for (int i = 1; i <= 10; i++) {
            expected.add("close.7.9." + i);
        }
        for (int i = 4; i <= 9; i++) {
            expected.add("utf8.6.25." + i); // the Close reasons that are not UTF-8
        }
        assertEquals(expected, judgedFailed(Flaw.ECHOES_ANY_CLOSE));
    }

    // RFC 6455 §5.5.1: a server that drops TCP instead of answering a Close fails every case that
    // ends in a closing handshake, and no case that ends in a failed connection
    @Test
    void aServerThatNeverAnswersACloseFailsEveryClosingHandshake() throws Exception {
        Set<String> expected = CASES.stream()
                .filter(c -> c.script() instanceof FrameScript s && !(s.expectation().ending() instanceof Ending.FailConnection))
                .map(c -> c.id().value()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, judgedFailed(Flaw.NO_CLOSE_REPLY));
    }

    // RFC 6455 §8.1: a server that never checks UTF-8 fails exactly the cases that send invalid UTF-8 (in a text
    // message or a Close reason): those whose failed connection may say 1007, fail-fast ones (6.4) included
    @Test
    void aServerThatAcceptsInvalidUtf8FailsExactlyTheInvalidUtf8Cases() throws Exception {
        Set<String> expected = CASES.stream()
                .filter(c -> c.script() instanceof FrameScript s && s.expectation().ending() instanceof Ending.FailConnection f && f.codes().contains(1007))
                .map(c -> c.id().value()).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(expected.size() > 80 && expected.contains("close.7.5.1") && expected.contains("utf8.6.3.1"),
                expected.toString());
        assertEquals(expected, judgedFailed(Flaw.ACCEPTS_INVALID_UTF8));
    }

    // RFC 6455 §4.2.1 asks for an HTTP error response; the raw server closes TCP on a head its parser refuses
    // (POST, HEAD, no Host, two Hosts, over 8 KiB, no HTTP): NON_STRICT there, the connection still not upgraded
    @Test
    void aServerThatClosesOnARefusedHeadIsNonStrictNeverFailed() throws Exception {
        try (BrokenServer server = new BrokenServer(Flaw.IGNORES_RSV)) {
            RunSummary run = RUNNER.run(server.uri(), Catalogue.standard().select(Selection.parse("handshake.*")),
                    Progress.none());
            assertEquals(ids("handshake.0.3.1", "handshake.0.3.2", "handshake.0.5.1", "handshake.0.5.2",
                    "handshake.0.9.3", "handshake.0.9.4"), run.results().stream().filter(r -> r.verdict() == Verdict.NON_STRICT)
                    .map(r -> r.id().value()).collect(Collectors.toCollection(TreeSet::new)));
            assertEquals(0, run.counts().getOrDefault(Verdict.FAILED, 0));
        }
    }

    /** The ids whose judged verdict (before strictness) was FAILED. */
    private static Set<String> judgedFailed(Flaw flaw) throws Exception {
        try (BrokenServer server = new BrokenServer(flaw)) {
            RunSummary run = RUNNER.run(server.uri(), CASES, Progress.none());
            Tally.print("a server that " + flaw, run.results());
            return run.results().stream().filter(r -> r.judged() == Verdict.FAILED)
                    .map(r -> r.id().value()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> ids(String... ids) {
        return new TreeSet<>(List.of(ids));
    }
}
