package org.wslab.tutorials.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Progress;
import org.wslab.conformance.RunSummary;
import org.wslab.conformance.Selection;
import org.wslab.conformance.Verdict;
import org.wslab.conformance.serve.ClientCases;
import org.wslab.conformance.serve.ClientModeServer;

/**
 * A real browser judged by the conformance checker's client mode: headless Chromium's
 * {@code WebSocket} API (the browser offers no way to send a raw frame, so what is judged is the
 * browser's own RFC 6455 client) runs an echo client in a page ({@link EchoPage}), one connection
 * per case. {@link ClientModeServer} plays the cases and judges.
 *
 * <p>The selection ({@link #SELECTION}, 124 cases, 3 s each): framing and lengths (§5.2), Ping and
 * Pong (§5.5.2, §5.5.3), RSV bits (§5.2) and reserved opcodes (§5.2), fragmentation (§5.4),
 * a slice of UTF-8 (§8.1, §5.6), the closing handshake, Close bodies and status codes (§5.5.1,
 * §7.1, §7.4), auto-fragmented text, and the client-only cases: a masked server frame fails the
 * connection (§5.1), and whether the client waits for the server to close TCP (§7.1.1).
 *
 * <p>Observed with Chromium 156 (Debian 12, headless), every case with a result, in about 11 s:
 *
 * <table>
 * <caption>Chromium's verdicts on the 124 cases</caption>
 * <tr><th>OK</th><th>NON_STRICT</th><th>INFORMATIONAL</th><th>UNIMPLEMENTED</th><th>FAILED</th></tr>
 * <tr><td>94</td><td>19</td><td>4</td><td>0</td><td>7</td></tr>
 * </table>
 *
 * <ul>
 * <li>FAILED, pinned in {@link #CHROMIUM_FAILED}: {@code close.7.9.1}-{@code .3} and {@code .7}-{@code .10}
 *     (codes 0, 999, 1004, 1016, 1100, 2000, 2999). Chromium does not fail the connection on a Close whose
 *     status code is not one an endpoint may send (§7.4.1, §7.4.2): it answers with a Close carrying the
 *     same code, so the code goes back on the wire (and to the page's close event). It refuses only 1005,
 *     1006 and 1015 (7.9.4-7.9.6 OK, Close 1002); 5000 and 65535 are echoed too (7.13.1-2, INFORMATIONAL).</li>
 * <li>NON_STRICT, where a good message and a violation arrive close together ({@code rsv.3.2}-{@code 3.4},
 *     {@code opcodes.4.1.3}-{@code 5}, {@code opcodes.4.2.3}-{@code 5}, {@code fragmentation.5.15},
 *     {@code client.11.1.4}, and {@code close.7.1.1}, a message then a Close): the network layer fails the
 *     connection (Close 1002), or answers the Close, as it reads the frame, before the page's echo of the
 *     message that came first can go out, so the echo is never sent (§5.5.1 lets a Close wait for it). It is a race: {@code rsv.3.3} (one write per
 *     frame) is now and then OK, making the row 95, 18, 4, 0, 7; only the FAILED cases are pinned.</li>
 * <li>NON_STRICT, invalid UTF-8 (§8.1) in a text message ({@code utf8.6.3.1-2}, {@code utf8.6.4.1-4}) or a
 *     Close reason ({@code close.7.5.1}) is failed with 1002 "Invalid UTF-8 in text frame" where 1007 is
 *     the code for it (§7.4.1). The 6.4 cases are failed before the message ends, though only as the next
 *     frame (the Ping, 50 ms after the bad octets) is read: the Close comes in place of its Pong.</li>
 * <li>INFORMATIONAL: {@code close.7.1.6} (256 KiB, a Close, a Ping in one write): the Pong for the Ping
 *     that followed the Close goes out before the echo and before Chromium's Close, control frames
 *     being answered as they are read while the big message waits for the page; {@code close.7.13.1-2}
 *     as above; {@code client.11.2.1}: Chromium waits for the server to close TCP first (§7.1.1, judged OK).</li>
 * </ul>
 *
 * <p>The test fails when a case gets no result (zero results included) or the FAILED cases are not
 * exactly the pinned ones; the counts per verdict and every case that is not OK, with what the server
 * saw, are in the assertion message and the test log.
 */
class BrowserClientModeTest {
    /** The cases played, 124 (about 10 s against Chromium). */
    static final String SELECTION = "framing.*,pingpong.*,rsv.*,opcodes.*,fragmentation.*,"
            + "utf8.6.1.*,utf8.6.2.*,utf8.6.3.*,utf8.6.4.*,close.7.1.*,close.7.3.*,close.7.5.*,close.7.7.*,"
            + "close.7.9.*,close.7.13.*,misc.*,client.*";
    private static final Duration CASE_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration RUN_LIMIT = Duration.ofSeconds(150);
    private static final Duration DEVTOOLS_WAIT = Duration.ofSeconds(20);

    /** The cases Chromium is FAILED on, each with the rule it breaks: it echoes a Close code that may not be sent. */
    private static final Map<String, String> CHROMIUM_FAILED = Map.of(
            "close.7.9.1", "RFC 6455 §7.4.1", "close.7.9.2", "RFC 6455 §7.4.1", "close.7.9.3", "RFC 6455 §7.4.1",
            "close.7.9.7", "RFC 6455 §7.4.1", "close.7.9.8", "RFC 6455 §7.4.1", "close.7.9.9", "RFC 6455 §7.4.1",
            "close.7.9.10", "RFC 6455 §7.4.1");

    @Test
    void chromiumIsFailedOnlyOnThePinnedCases() throws Exception {
        List<ConformanceCase> cases = ClientCases.select(Selection.parse(SELECTION));
        assertTrue(cases.size() >= 60, "the selection picks a representative run: " + cases.size() + " cases");
        long started = System.nanoTime();
        try (Chromium chromium = startOrSkip();
             ClientModeServer server = ClientModeServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                     cases, ClientModeServer.Settings.defaults().withCaseTimeout(CASE_TIMEOUT), Progress.none());
             EchoPage page = EchoPage.open(chromium, DEVTOOLS_WAIT)) {
            page.echo(server.uri(), cases.size(), CASE_TIMEOUT.plusSeconds(3));
            RunSummary run = server.await(RUN_LIMIT);
            String browser = page.state();
            String report = report(run) + "\n  the page: " + browser
                    + String.format("%n  wall time: %.1f s", (System.nanoTime() - started) / 1e9);
            System.out.println("Chromium (client mode): " + report);

            assertFalse(run.results().isEmpty(), "no case got a result, the browser never played: " + report);
            assertEquals(cases.size(), run.results().size(), "every selected case got a result: " + report);
            Map<String, String> failed = run.with(Verdict.FAILED).stream().collect(Collectors.toMap(r -> r.id().value(),
                    r -> r.conformanceCase().rule().section(), (a, b) -> a, TreeMap::new));
            assertEquals(new TreeMap<>(CHROMIUM_FAILED), failed, () -> "Chromium's FAILED cases: " + report + "\n"
                    + run.with(Verdict.FAILED).stream().map(r -> r.describe() + "\n" + r.wireLog().map(w -> w.render())
                    .orElse("")).collect(Collectors.joining("\n")));
        }
    }

    /** The run's counts per verdict, then every case that is not OK with what was observed. */
    private static String report(RunSummary run) {
        StringBuilder b = new StringBuilder(run.line());
        for (CaseResult r : run.results()) {
            if (r.verdict() != Verdict.OK) {
                b.append("\n  ").append(r.id()).append(' ').append(r.verdict())
                        .append(r.judged() != r.verdict() ? " (judged " + r.judged() + ")" : "")
                        .append(" [").append(r.conformanceCase().rule().section()).append("]: ").append(r.observed());
            }
        }
        return b.toString();
    }

    /** Starts Chromium, or skips the test with the reason it could not. */
    private static Chromium startOrSkip() throws IOException {
        try {
            return Chromium.startFound(Duration.ofSeconds(20));
        } catch (BrowserUnavailable e) {
            assumeTrue(false, e.getMessage());
            throw new AssertionError(e); // not reached
        }
    }
}
