package org.wslab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wslab.conformance.servers.EngineEcho;
import org.wslab.conformance.servers.JettyEcho;

/**
 * The opening-handshake category against a server that keeps every rule (our engine) and one that
 * does not (plain Jetty 12.1, without the lab's guard): the checker must find exactly Jetty's departures.
 */
class HandshakeConformanceTest {
    private static final Runner RUNNER = new Runner(new Runner.Settings(Duration.ofSeconds(3), 4));
    private static final List<ConformanceCase> CASES = Catalogue.standard().select(Selection.parse("handshake.*"));

    /** What plain Jetty 12.1 gets wrong, each with the rule it breaks. */
    static final Set<String> JETTY_DEPARTURES = new TreeSet<>(List.of(
            // RFC 6455 §4.2.1 (5): the key must be base64 of 16 bytes; Jetty hashes any text it is given
            "handshake.0.1.3",   // an empty key, accepted
            "handshake.0.1.4",   // "abc"
            "handshake.0.1.5",   // 15 bytes
            "handshake.0.1.6",   // 17 bytes
            "handshake.0.1.7",   // characters outside base64
            "handshake.0.1.8",   // two keys in one field (§11.3.1: the field appears once)
            "handshake.0.1.9",   // two Sec-WebSocket-Key lines
            "handshake.0.1.11",  // a space inside the key
            // RFC 6455 §4.4: another version is refused with Sec-WebSocket-Version naming 13; Jetty answers 404
            // without it (it takes the request for no upgrade at all)
            "handshake.0.2.2",   // version 8
            "handshake.0.2.3",   // version 12
            "handshake.0.2.4",   // version 14
            "handshake.0.2.5",   // version abc
            // RFC 6455 §4.2.1 (6), §11.3.5: one Sec-WebSocket-Version field; Jetty accepts two lines of 13
            "handshake.0.2.7",
            // RFC 6455 §4.1 (10), §4.2.1: a sub-protocol is a token; Jetty accepts "x wslab"
            "handshake.0.7.5",
            // RFC 7692 §7.1.2.1: accepting server_max_window_bits means answering it; Jetty leaves it out
            "handshake.0.8.4",   // server_max_window_bits=15
            "handshake.0.8.5",   // server_max_window_bits=10
            // RFC 7692 §5: an invalid offer is declined; Jetty accepts it
            "handshake.0.8.7",   // a parameter twice
            "handshake.0.8.8",   // client_max_window_bits=7
            "handshake.0.8.9",   // client_max_window_bits=16
            "handshake.0.8.10",  // client_max_window_bits=abc
            "handshake.0.8.11",  // server_max_window_bits without a value
            "handshake.0.8.12"   // client_no_context_takeover=1
    ));

    @Test
    void ourEngineIsJudgedOkOnEveryHandshakeCase() throws Exception {
        try (EngineEcho engine = new EngineEcho()) {
            RunSummary run = RUNNER.run(engine.uri(), CASES, Progress.none());
            Tally.print("our engine (handshake)", run.results());
            assertEquals(Map.of(), notOk(run));
        }
    }

    @Test
    void plainJettyIsFailedOnExactlyItsDepartures() throws Exception {
        try (JettyEcho jetty = new JettyEcho()) {
            RunSummary run = RUNNER.run(jetty.uri(), CASES, Progress.none());
            Tally.print("plain Jetty 12 (handshake)", run.results());
            assertEquals(JETTY_DEPARTURES, failed(run));
            // RFC 7692 §5: Jetty refuses the whole handshake for an unknown parameter instead of declining the offer
            assertEquals(Verdict.NON_STRICT, verdictOf(run, "handshake.0.8.6"));
        }
    }

    /** The cases whose judged verdict is not OK, with what was observed. */
    private static Map<String, String> notOk(RunSummary run) {
        return run.results().stream().filter(r -> r.judged() != Verdict.OK)
                .collect(Collectors.toMap(r -> r.id().value(), r -> r.judged() + ": " + r.observed(), (a, b) -> a, TreeMap::new));
    }

    private static Verdict verdictOf(RunSummary run, String id) {
        return run.results().stream().filter(r -> r.id().value().equals(id)).findFirst().orElseThrow().verdict();
    }

    private static Set<String> failed(RunSummary run) {
        return run.results().stream().filter(r -> r.verdict() == Verdict.FAILED)
                .map(r -> r.id().value()).collect(Collectors.toCollection(TreeSet::new));
    }
}
