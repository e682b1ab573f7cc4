package org.wslab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wslab.conformance.cases.DeflateCases;
import org.wslab.conformance.servers.BrokenServer;
import org.wslab.conformance.servers.BrokenServer.Flaw;
import org.wslab.conformance.servers.EngineEcho;
import org.wslab.conformance.servers.JettyEcho;

/**
 * The permessage-deflate cases (RFC 7692) beside what the other tests check: the exact verdicts of
 * our engine and of Jetty on the representative cases, a server without the extension, and
 * servers broken in one deflate rule each, FAILED on exactly the cases that cover it.
 */
class DeflateCasesTest {
    private static final Runner RUNNER = new Runner(new Runner.Settings(Duration.ofSeconds(5), 2));
    private static final List<ConformanceCase> CASES = Catalogue.standard().select(DeflateCases.representative());
    /** The representative cases that offer server_max_window_bits (13.3-13.6), and those below 15 bits (13.3, 13.5). */
    private static final Set<String> WINDOW_OFFERS = ids("deflate.13.3.", "deflate.13.4.", "deflate.13.5.", "deflate.13.6.");
    private static final Set<String> SMALL_WINDOW_OFFERS = ids("deflate.13.3.", "deflate.13.5.");

    // RFC 7692 §7.1.2.1: our engine declines server_max_window_bits < 15 (java.util.zip compresses with 15 bits
    // only), so 13.3 and 13.5 are UNIMPLEMENTED; every other case is OK, each echo compressed (§7.2.1)
    @Test
    void ourEngineEchoesEveryCompressedMessageAndDeclinesWindowsBelowFifteenBits() throws Exception {
        try (EngineEcho engine = new EngineEcho()) {
            List<CaseResult> results = run(engine.uri(), "our engine");
            assertEquals(SMALL_WINDOW_OFFERS, having(results, Verdict.UNIMPLEMENTED));
            for (CaseResult r : results) {
                if (!SMALL_WINDOW_OFFERS.contains(r.id().value())) {
                    assertEquals(Verdict.OK, r.verdict(), r.id() + ": " + r.observed());
                    assertTrue(r.observed().contains("1000 of the server's echoes came compressed"), r.observed());
                }
            }
        }
    }

    // RFC 7692 §7.1.2.1: "A server accepts an extension negotiation offer with this parameter by including the
    // server_max_window_bits extension parameter in the extension negotiation response": Jetty 12.1 leaves it out
    @Test
    void jettyAcceptsAnOfferOfServerMaxWindowBitsWithoutAnsweringIt() throws Exception {
        try (JettyEcho jetty = new JettyEcho()) {
            List<CaseResult> results = run(jetty.uri(), "Jetty 12");
            assertEquals(WINDOW_OFFERS, having(results, Verdict.FAILED));
            for (CaseResult r : results) {
                if (WINDOW_OFFERS.contains(r.id().value())) {
                    assertTrue(r.observed().contains("RFC 7692 §7.1.2.1"), r.observed());
                } else {
                    assertEquals(Verdict.OK, r.verdict(), r.id() + ": " + r.observed());
                }
            }
        }
    }

    @Test
    void aServerWithoutPermessageDeflateLeavesEveryDeflateCaseUnimplemented() throws Exception {
        try (EngineEcho plain = new EngineEcho(false)) {
            assertEquals(ids("deflate."), having(run(plain.uri(), "our engine without permessage-deflate"),
                    Verdict.UNIMPLEMENTED));
        }
    }

    // RFC 7692 §6.1: RSV1 on the first frame of a compressed message only: FAILED where our messages (and so
    // their echoes) go in more than one frame, the auto-fragmented cases
    @Test
    void rsv1OnAContinuationFailsTheFragmentedCases() throws Exception {
        Set<String> fragmented = CASES.stream()
                .filter(c -> ((DeflateScript) c.script()).messages().fragment() > 0)
                .map(c -> c.id().value()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("deflate.12.1.11", "deflate.13.7.11"), fragmented);
        assertEquals(fragmented, judgedFailed(Flaw.DEFLATE_RSV1_ON_EVERY_FRAME));
    }

    // RFC 7692 §6: RSV1 says the message is compressed; plain bytes under it do not inflate to the message
    @Test
    void plainDataMarkedCompressedFailsEveryCase() throws Exception {
        assertEquals(ids("deflate."), judgedFailed(Flaw.DEFLATE_PLAIN_WITH_RSV1));
    }

    // RFC 7692 §7.1.2.2: client_max_window_bits in a response carries a value; a server echoing our offer fails
    @Test
    void anAcceptanceThatBreaksNegotiationFailsEveryCaseInTheHandshake() throws Exception {
        try (BrokenServer server = new BrokenServer(Flaw.DEFLATE_ECHOES_THE_OFFER)) {
            List<CaseResult> results = run(server.uri(), "a server that " + Flaw.DEFLATE_ECHOES_THE_OFFER);
            assertEquals(ids("deflate."), having(results, Verdict.FAILED));
            results.forEach(r -> assertTrue(r.observed().contains("RFC 7692 §7.1.2.2"), r.observed()));
        }
    }

    private static Set<String> judgedFailed(Flaw flaw) throws Exception {
        try (BrokenServer server = new BrokenServer(flaw)) {
            return run(server.uri(), "a server that " + flaw).stream().filter(r -> r.judged() == Verdict.FAILED)
                    .map(r -> r.id().value()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static List<CaseResult> run(URI target, String server) {
        RunSummary run = RUNNER.run(target, CASES, Progress.none());
        Tally.print(server, run.results());
        return run.results();
    }

    private static Set<String> having(List<CaseResult> results, Verdict v) {
        Map<String, Verdict> by = new TreeMap<>();
        results.forEach(r -> by.put(r.id().value(), r.verdict()));
        return by.entrySet().stream().filter(e -> e.getValue() == v).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The representative cases whose ids start with one of {@code prefixes}. */
    private static Set<String> ids(String... prefixes) {
        return DeflateCases.REPRESENTATIVE.stream().filter(id -> List.of(prefixes).stream().anyMatch(id::startsWith))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
