package org.wslab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.wslab.conformance.clients.EchoClient;
import org.wslab.conformance.clients.ScriptedStompClient;
import org.wslab.conformance.serve.StompClientCases;

/**
 * The client-mode STOMP cases, each proven both ways: a client that keeps STOMP 1.2's rules gets
 * OK on every case (the sub-protocol offer is informational), a client that breaks them gets
 * exactly the verdict of each rule it breaks — FAILED for a MUST, NON_STRICT for a SHOULD.
 */
class StompClientModeTest {
    @Test
    void aClientThatKeepsTheRulesPassesEveryCase() throws Exception {
        assertEquals(new TreeMap<>(Map.of(
                "stompclient.1.1", "INFORMATIONAL (judged OK)", "stompclient.1.2", "OK", "stompclient.2.1", "OK",
                "stompclient.2.2", "OK", "stompclient.2.3", "OK", "stompclient.3.1", "OK",
                "stompclient.4.1", "OK", "stompclient.4.2", "OK")), verdicts(ScriptedStompClient.good()));
    }

    @Test
    void aClientThatBreaksThemFailsExactlyTheirCases() throws Exception {
        assertEquals(new TreeMap<>(Map.of(
                "stompclient.1.1", "INFORMATIONAL (judged FAILED)", "stompclient.1.2", "FAILED", "stompclient.2.1", "FAILED",
                "stompclient.2.2", "FAILED", "stompclient.2.3", "NON_STRICT (judged FAILED)", "stompclient.3.1", "FAILED",
                "stompclient.4.1", "NON_STRICT (judged FAILED)", "stompclient.4.2", "FAILED")),
                verdicts(ScriptedStompClient.broken()));
    }

    /** Each case's verdict, with what the judge found where the case's strictness turned it into another. */
    static Map<String, String> verdicts(EchoClient client) throws Exception {
        RunSummary run = ClientRuns.play(client, StompClientCases.cases(), Duration.ofSeconds(5));
        Map<String, String> got = new TreeMap<>();
        run.results().forEach(r -> got.put(r.id().value(), r.verdict()
                + (r.judged() == r.verdict() ? "" : " (judged " + r.judged() + ")")));
        assertEquals(StompClientCases.cases().size(), got.size(), () -> run.results().toString());
        return got;
    }
}
