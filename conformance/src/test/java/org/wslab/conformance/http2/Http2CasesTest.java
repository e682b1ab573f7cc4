package org.wslab.conformance.http2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Verdict;
import org.wslab.conformance.cases.Http2Cases;
import org.wslab.conformance.servers.BrokenHttp2;
import org.wslab.conformance.servers.EngineEcho;
import org.wslab.conformance.servers.JettyEcho;

/**
 * The RFC 8441 cases both ways: Jetty 12's h2c WebSocket passes them but for the one departure it has
 * (a refused version named nowhere, RFC 6455 §4.4), a broken HTTP/2 server is caught case by case, and
 * a server without HTTP/2 — or without the extended CONNECT — is UNIMPLEMENTED, never FAILED.
 */
class Http2CasesTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private static Map<String, Verdict> play(URI target) {
        Map<String, Verdict> verdicts = new TreeMap<>();
        for (ConformanceCase c : Http2Cases.cases()) {
            CaseResult r = c.play(target, TIMEOUT);
            System.out.println(c.id() + " " + r.verdict() + ": " + r.observed());
            verdicts.put(c.id().toString(), r.verdict());
        }
        return verdicts;
    }

    private static Map<String, Verdict> allBut(Verdict rest, Map<String, Verdict> pinned) {
        Map<String, Verdict> want = new TreeMap<>();
        Http2Cases.cases().forEach(c -> want.put(c.id().toString(), pinned.getOrDefault(c.id().toString(), rest)));
        return want;
    }

    /** Jetty 12.1 answers version 8 with 404 and no sec-websocket-version (RFC 6455 §4.4 SHOULD): NON_STRICT, the rest OK. */
    @Test
    void jettyPassesButForTheUnnamedVersion() throws Exception {
        try (JettyEcho jetty = new JettyEcho()) {
            assertEquals(allBut(Verdict.OK, Map.of("h2.8441.5.5", Verdict.NON_STRICT)), play(jetty.uri()));
        }
    }

    /** Each fault of the broken server is caught by the cases that cover it; the setting and the 200 it gets right. */
    @Test
    void brokenServerFailsCaseByCase() throws Exception {
        try (BrokenHttp2 broken = new BrokenHttp2(true)) {
            assertEquals(allBut(Verdict.FAILED, Map.of("h2.8441.3.1", Verdict.OK, "h2.8441.5.1", Verdict.OK,
                    "h2.8441.4.1", Verdict.NON_STRICT, "h2.8441.5.2", Verdict.NON_STRICT,
                    "h2.8441.5.5", Verdict.NON_STRICT)), play(broken.uri())); // 5.5: nothing refused, a SHOULD
        }
    }

    /**
     * RFC 8441 §5: the stream's END_STREAM stands for TCP's FIN and its RST_STREAM for a reset (Jetty resets a
     * CONNECT stream it ends while ours is open), so a server that ends the stream without a Close is told so
     * in the stream's own words — NON_STRICT where it had to fail the WebSocket (RFC 6455
     * §7.1.7 SHOULD send a Close first), FAILED where it had to echo — and no verdict speaks of TCP or quotes
     * an observation's record form.
     */
    @Test
    void aStreamEndedWithoutACloseIsToldInTheStreamsWords() throws Exception {
        try (BrokenHttp2 hangsUp = new BrokenHttp2(true, true)) {
            Map<String, CaseResult> results = new TreeMap<>();
            Http2Cases.cases().forEach(c -> results.put(c.id().toString(), c.play(hangsUp.uri(), TIMEOUT)));
            CaseResult unmasked = results.get("h2.8441.5.12");
            assertEquals(Verdict.NON_STRICT, unmasked.verdict(), unmasked.observed());
            assertTrue(unmasked.observed().matches("the server (ended|reset) the stream \\((END|RST)_STREAM.*"),
                    unmasked.observed());
            CaseResult echo = results.get("h2.8441.5.7");
            assertEquals(Verdict.FAILED, echo.verdict(), echo.observed());
            assertTrue(echo.observed().matches(".*the server (ended|reset) the stream \\((END|RST)_STREAM.*"), echo.observed());
            for (CaseResult r : results.values()) {
                assertFalse(r.observed().contains("TCP ("), r.id() + ": " + r.observed());
                assertFalse(r.observed().matches("(?s).*\\b[A-Z]\\w+\\[\\w+=.*"), r.id() + " quotes a record: " + r.observed());
            }
        }
    }

    /** A server whose SETTINGS leave the extended CONNECT off has not implemented RFC 8441 (§3). */
    @Test
    void withoutTheSettingEveryCaseIsUnimplemented() throws Exception {
        try (BrokenHttp2 plain = new BrokenHttp2(false)) {
            assertEquals(allBut(Verdict.UNIMPLEMENTED, Map.of()), play(plain.uri()));
            CaseResult r = Http2Cases.cases().get(0).play(plain.uri(), TIMEOUT);
            assertTrue(r.observed().contains("SETTINGS_ENABLE_CONNECT_PROTOCOL"), r.observed());
        }
    }

    /** Our engine speaks HTTP/1.1 only: its answer to the HTTP/2 preface is no SETTINGS (RFC 9113 §3.4). */
    @Test
    void withoutHttp2EveryCaseIsUnimplemented() throws Exception {
        try (EngineEcho engine = new EngineEcho()) {
            assertEquals(allBut(Verdict.UNIMPLEMENTED, Map.of()), play(engine.uri()));
            CaseResult r = Http2Cases.cases().get(0).play(engine.uri(), TIMEOUT);
            assertTrue(r.observed().contains("speaks no HTTP/2"), r.observed());
        }
    }
}
