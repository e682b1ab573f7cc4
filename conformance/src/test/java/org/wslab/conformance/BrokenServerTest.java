package org.wslab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(expected, judgedFailed(Flaw.ECHOES_ANY_CLOSE));
    }

    // RFC 6455 §5.5.1: a server that drops TCP instead of answering a Close fails every case that
    // ends in a closing handshake, and no case that ends in a failed connection
    @Test
    void aServerThatNeverAnswersACloseFailsEveryClosingHandshake() throws Exception {
        Set<String> expected = Catalogue.standard().cases().stream()
                .filter(c -> !(c.expectation().ending() instanceof Ending.FailConnection))
                .map(c -> c.id().value()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, judgedFailed(Flaw.NO_CLOSE_REPLY));
    }

    // RFC 6455 §8.1: a server that echoes text without validating it fails every invalid-UTF-8 case,
    // and not the invalid close reason (a different check, §5.5.1)
    @Test
    void aServerThatIgnoresUtf8FailsTheInvalidTextCases() throws Exception {
        Set<String> expected = ids("utf8.6.3.1", "utf8.6.3.2", "utf8.6.4.1", "utf8.6.4.2");
        for (int i = 1; i <= 18; i++) {
            expected.add("utf8.6.6." + i);
        }
        assertEquals(expected, judgedFailed(Flaw.IGNORES_UTF8));
    }

    /** The ids whose judged verdict (before strictness) was FAILED. */
    private static Set<String> judgedFailed(Flaw flaw) throws Exception {
        try (BrokenServer server = new BrokenServer(flaw)) {
            RunSummary run = RUNNER.run(server.uri(), Catalogue.standard().cases(), Progress.none());
            Tally.print("a server that " + flaw, run.results());
            return run.results().stream().filter(r -> r.judged() == Verdict.FAILED)
                    .map(r -> r.id().value()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> ids(String... ids) {
        return new TreeSet<>(List.of(ids));
    }
}
