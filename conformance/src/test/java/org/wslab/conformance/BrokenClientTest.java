package org.wslab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wslab.conformance.clients.BrokenClient;
import org.wslab.conformance.clients.BrokenClient.Flaw;
import org.wslab.conformance.serve.ClientCases;

/**
 * The client mode must catch a client broken in one known way on exactly the cases covering that
 * rule, and on no other: a client that never masks its frames, one that never checks UTF-8, one that
 * never answers a Close.
 */
class BrokenClientTest {
    private static final Duration CASE_TIMEOUT = Duration.ofSeconds(2);

    // RFC 6455 §5.1, §5.3: every case expects the client to send a frame (an echo, a Pong or a Close), so an
    // unmasked one is judged FAILED in every case of a selection
    @Test
    void aClientThatDoesNotMaskFailsEveryCase() throws Exception {
        List<ConformanceCase> cases = ClientCases.select(Selection.parse("framing.1.1.*,pingpong.*,close.7.1.*,client.*"));
        RunSummary run = ClientRuns.play(new BrokenClient(Flaw.SENDS_UNMASKED), cases, CASE_TIMEOUT);
        Tally.print("a client that " + Flaw.SENDS_UNMASKED, run.results());
        assertEquals(ids(cases), judgedFailed(run));
        assertTrue(run.results().get(0).observed().contains("§5.1"), run.results().get(0).observed());
    }

    // RFC 6455 §8.1: a client that never checks UTF-8 fails exactly the cases that send invalid UTF-8 (in a text
    // message or a Close reason), those whose failed connection may say 1007
    @Test
    void aClientThatAcceptsInvalidUtf8FailsExactlyTheInvalidUtf8Cases() throws Exception {
        List<ConformanceCase> cases = ClientRuns.cases().stream().filter(c -> !c.category().equals("limits")).toList();
        Set<String> expected = cases.stream()
                .filter(c -> ((FrameScript) c.script()).expectation().ending() instanceof Ending.FailConnection f
                        && f.codes().contains(1007))
                .map(c -> c.id().value()).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(expected.size() > 80 && expected.contains("utf8.6.3.1"), expected.toString());
        RunSummary run = ClientRuns.play(new BrokenClient(Flaw.ACCEPTS_INVALID_UTF8), cases, CASE_TIMEOUT);
        Tally.print("a client that " + Flaw.ACCEPTS_INVALID_UTF8, run.results());
        assertEquals(expected, judgedFailed(run));
    }

    // RFC 6455 §5.5.1: a client that never answers the server's Close fails every case that ends in a closing
    // handshake, and no case that ends in a failed connection (there the client sends the Close itself)
    @Test
    void aClientThatNeverAnswersACloseFailsEveryClosingHandshake() throws Exception {
        List<ConformanceCase> cases = ClientCases.select(Selection.parse("framing.1.1.*,pingpong.2.*,close.7.1.*,client.*"));
        Set<String> expected = cases.stream()
                .filter(c -> !(((FrameScript) c.script()).expectation().ending() instanceof Ending.FailConnection))
                .map(c -> c.id().value()).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(expected.contains("framing.1.1.1") && !expected.contains("client.11.1.1"), expected.toString());
        RunSummary run = ClientRuns.play(new BrokenClient(Flaw.NO_CLOSE_REPLY), cases, CASE_TIMEOUT);
        Tally.print("a client that " + Flaw.NO_CLOSE_REPLY, run.results());
        assertEquals(expected, judgedFailed(run));
    }

    private static Set<String> judgedFailed(RunSummary run) {
        return run.results().stream().filter(r -> r.judged() == Verdict.FAILED)
                .map(r -> r.id().value()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> ids(List<ConformanceCase> cases) {
        return cases.stream().map(c -> c.id().value()).collect(Collectors.toCollection(TreeSet::new));
    }
}
