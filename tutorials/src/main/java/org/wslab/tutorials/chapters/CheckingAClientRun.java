package org.wslab.tutorials.chapters;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Progress;
import org.wslab.conformance.RunSummary;
import org.wslab.conformance.Selection;
import org.wslab.conformance.Verdict;
import org.wslab.conformance.serve.ClientCases;
import org.wslab.conformance.serve.ClientModeServer;
import org.wslab.tutorials.browser.BrowserUnavailable;
import org.wslab.tutorials.browser.Chromium;
import org.wslab.tutorials.browser.EchoPage;
import org.wslab.tutorials.live.ChapterFailure;
import org.wslab.tutorials.live.Snippets;

/**
 * The part of chapter 7 that turns the checker round: the client-mode server plays the Close
 * status-code cases (RFC 6455 §7.4.1, §7.4.2: codes no endpoint may send must fail the connection)
 * against headless Chromium's own {@code WebSocket} client, an echo loop in a page, and writes the
 * verdicts and the first FAILED case with its wire log. Without a usable Chromium the part is
 * skipped and says why.
 */
final class CheckingAClientRun {
    /** The part's name in the tour's line when it is skipped. */
    static final String PART = "browser client check";
    /** The cases played: a Close carrying each code §7.4.1 and §7.4.2 forbid on the wire. */
    static final String CASES = "close.7.9.*";
    private static final Duration CASE_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private CheckingAClientRun() {
    }

    static void run(Snippets snippets) throws Exception {
        Chromium chromium;
        try {
            chromium = Chromium.startFound(WAIT);
        } catch (BrowserUnavailable e) {
            skip(snippets, e.getMessage());
            return;
        }
        try (chromium) {
            check(chromium, snippets);
        }
    }

    private static void check(Chromium chromium, Snippets snippets) throws Exception {
        List<ConformanceCase> cases = ClientCases.select(Selection.parse(CASES));
        // tag::client[]
        try (ClientModeServer server = ClientModeServer.start(                 // <1>
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), cases,
                ClientModeServer.Settings.defaults().withCaseTimeout(CASE_TIMEOUT), Progress.none());
             EchoPage page = EchoPage.open(chromium, WAIT)) {
            page.echo(server.uri(), cases.size(), CASE_TIMEOUT.plusSeconds(3)); // <2>
            RunSummary run = server.await(Duration.ofSeconds(60));             // <3>
            // end::client[]
            if (run.results().size() != cases.size()) {
                throw new ChapterFailure("Chromium played " + run.results().size() + " of " + cases.size()
                        + " client cases: " + run.line() + "; the page counted " + page.state());
            }
            snippets.write("ch07/check-browser.txt", "# " + cases.size() + " cases (" + CASES + ") played to headless "
                    + "Chromium's WebSocket client, one connection each\n" + run.line() + "\n"
                    + run.results().stream().map(r -> String.format("%-13s %-10s %s", r.id(), r.verdict(), r.observed()))
                    .collect(Collectors.joining("\n", "", "\n")));
            Optional<CaseResult> failed = run.with(Verdict.FAILED).stream().findFirst();
            snippets.write("ch07/check-browser-case.txt", failed.map(r -> "# headless Chromium, " + server.uri() + "\n"
                    + r.describeWithWire())
                    .orElse("# this Chromium failed the connection on every one of them: no case FAILED\n"));
        } catch (IOException e) {
            throw new ChapterFailure("the browser client check did not behave as the text says: " + e.getMessage());
        }
    }

    private static void skip(Snippets snippets, String reason) throws IOException {
        snippets.skipped(PART, reason);
        for (String name : List.of("check-browser.txt", "check-browser-case.txt")) {
            snippets.write("ch07/" + name, "(not run: " + reason.replace("\n", " ") + ")\n");
        }
    }
}
