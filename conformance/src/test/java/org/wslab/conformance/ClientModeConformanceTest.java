package org.wslab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wslab.conformance.clients.EchoClient;
import org.wslab.conformance.clients.EngineEchoClient;
import org.wslab.conformance.clients.JettyEchoClient;

/**
 * The client mode ({@code ClientModeServer}) against real echo clients, one connection per case:
 * Jetty 12's {@code WebSocketClient} and our engine's {@code BlockingWebSocket}. Every case gets a
 * result and none may FAIL, Jetty's verdicts are pinned case by case; the tallies (NON_STRICT and INFORMATIONAL ones with what was seen) go
 * to the test log.
 */
class ClientModeConformanceTest {
    /**
     * 3 s a case; 30 s in the full run ({@link DefaultRun#full()}), where writing limits.9.3.1 alone
     * (4 MiB in 65,536 frames of 64 B) takes the checker about 4 s, whichever client echoes it.
     */
    private static final Duration CASE_TIMEOUT = Duration.ofSeconds(DefaultRun.full() ? 30 : 3);

    /**
     * Jetty 12.1's client, every verdict that is not OK, pinned (none FAILED): it checks a text message's
     * UTF-8 only when the message ends (6.4, fail-fast, §8.1 SHOULD), and closes TCP itself right after the
     * closing handshake instead of waiting for the server (§7.1.1 SHOULD; INFORMATIONAL cases say so).
     * Of the round-trip cases (limits 9.7, 9.8: INFORMATIONAL, times recorded) the default run plays
     * the representative ones named here; the full run plays all twelve.
     */
    private static final Map<String, Verdict> JETTY_NOT_OK = new TreeMap<>(Map.ofEntries(
            Map.entry("utf8.6.4.1", Verdict.NON_STRICT), Map.entry("utf8.6.4.2", Verdict.NON_STRICT),
            Map.entry("utf8.6.4.3", Verdict.NON_STRICT), Map.entry("utf8.6.4.4", Verdict.NON_STRICT),
            Map.entry("close.7.1.6", Verdict.INFORMATIONAL), Map.entry("close.7.13.1", Verdict.INFORMATIONAL),
            Map.entry("close.7.13.2", Verdict.INFORMATIONAL), Map.entry("limits.9.7.2", Verdict.INFORMATIONAL),
            Map.entry("limits.9.7.5", Verdict.INFORMATIONAL), Map.entry("limits.9.8.3", Verdict.INFORMATIONAL),
            Map.entry("limits.9.8.6", Verdict.INFORMATIONAL), Map.entry("client.11.2.1", Verdict.INFORMATIONAL)));

    @Test
    void jettysClientFailsNoCaseAndItsVerdictsArePinned() throws Exception {
        RunSummary run = conforms(new JettyEchoClient());
        Map<String, Verdict> notOk = run.results().stream().filter(r -> r.verdict() != Verdict.OK)
                .collect(Collectors.toMap(r -> r.id().value(), CaseResult::verdict, (a, b) -> a, TreeMap::new));
        Map<String, Verdict> expected = new TreeMap<>(JETTY_NOT_OK);
        run.results().stream().map(r -> r.id().value()).filter(id -> id.startsWith("limits.9.7.") || id.startsWith("limits.9.8."))
                .forEach(id -> expected.put(id, Verdict.INFORMATIONAL));
        assertEquals(expected, notOk);
    }

    @Test
    void ourEnginesClientFailsNoCase() throws Exception {
        conforms(new EngineEchoClient());
    }

    private static RunSummary conforms(EchoClient client) throws Exception {
        List<ConformanceCase> cases = ClientRuns.cases();
        RunSummary run = ClientRuns.play(client, cases, CASE_TIMEOUT);
        Tally.print(client + " (client mode)", run.results());
        assertEquals(cases.size(), run.results().size(), "every case played: " + run.line());
        assertTrue(run.passed(), () -> run.with(Verdict.FAILED).stream().map(r -> r.describe() + "\n"
                + r.wireLog().map(w -> w.render()).orElse("")).reduce("", String::concat));
        return run;
    }
}
