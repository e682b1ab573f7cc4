package org.wslab.tutorials.chapters;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.wslab.conformance.Catalogue;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.Progress;
import org.wslab.conformance.Runner;
import org.wslab.conformance.RunSummary;
import org.wslab.conformance.Selection;
import org.wslab.conformance.Verdict;
import org.wslab.tutorials.live.ChapterFailure;
import org.wslab.tutorials.live.CliRun;
import org.wslab.tutorials.live.PlainJetty;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;

/**
 * The part of chapter 7 that tests whole servers rather than one decoder: {@code wslab check} run
 * against the tour's Jetty server and our engine on a selection of the conformance catalogue
 * (RFC 6455 §4.2.1 the client's key, §5.2 reserved bits and opcodes, §7.1 closing), and the first
 * case either engine did not answer in the strictest way, with its expected and observed behaviour
 * and its wire log; then the same key cases against a plain Jetty 12 endpoint, which has none of
 * the lab's handshake rules in front of it, and the wire log of one case it FAILED.
 */
final class CheckingAServerRun {
    /** The cases the chapter runs: the key, reserved bits, opcodes, the closing handshake's first group. */
    static final String CASES = "handshake.0.1.*,rsv.*,opcodes.*,close.7.1.*";
    /** The handshake's key cases (RFC 6455 §4.2.1 (5)), where plain Jetty 12.1 departs. */
    static final String KEY_CASES = "handshake.0.1.*";
    /** The departure the chapter shows byte for byte: a key of "abc" is upgraded. */
    static final String SHOWN_FAILURE = "handshake.0.1.4";

    private CheckingAServerRun() {
    }

    static void run(TourLab lab, Snippets snippets) throws Exception {
        for (var server : List.of(lab.jetty(), lab.wslab())) {
            String url = TourLab.echo(server).toString();
            // tag::check[]
            CliRun check = CliRun.of("check", url, "--cases", CASES)
                    .expectExit(0) // <1>
                    .expectOutput("FAILED 0");
            // end::check[]
            snippets.write("ch07/check-" + server.engine().cliName() + ".txt", "$ ./wslab check " + url + " --cases '"
                    + CASES + "'\n" + check.out() + "(exit code 0; stderr had one progress line per case)\n");
        }
        notStrict(lab, snippets);
        plainJetty(snippets);
    }

    /** The first case either engine answered other than OK, with its wire log. */
    private static void notStrict(TourLab lab, Snippets snippets) throws IOException {
        Optional<CaseResult> notStrict = Optional.empty();
        for (var server : List.of(lab.wslab(), lab.jetty())) {
            URI url = TourLab.echo(server);
            RunSummary run = new Runner(Runner.Settings.defaults()).run(url,
                    Catalogue.standard().select(Selection.parse(CASES)), Progress.none());
            if (!run.passed()) {
                throw new ChapterFailure("a case FAILED against " + url + ": " + run.with(Verdict.FAILED).get(0).describe());
            }
            notStrict = notStrict.or(() -> run.results().stream().filter(r -> r.verdict() != Verdict.OK).findFirst()
                    .map(r -> r));
            if (notStrict.isPresent()) {
                CaseResult r = notStrict.get();
                snippets.write("ch07/check-case.txt", "# " + server.engine().cliName() + " engine, " + url + "\n"
                        + r.describeWithWire());
                return;
            }
        }
        snippets.write("ch07/check-case.txt", "# both engines answered every case of " + CASES + " OK in this run\n");
    }

    /** Plain Jetty on the key cases: exit 1, the departures listed, one of them byte for byte. */
    private static void plainJetty(Snippets snippets) throws Exception {
        try (PlainJetty jetty = PlainJetty.start()) {
            String url = jetty.echo().toString();
            // tag::plain[]
            CliRun check = CliRun.of("check", url, "--cases", KEY_CASES)
                    .expectExit(1) // <1>
                    .expectOutput(SHOWN_FAILURE);
            // end::plain[]
            // each FAILED case is described in full on the console; the listing keeps its first line, and
            // the one case below shows what the rest looks like
            String headlines = check.out().lines().filter(line -> !line.startsWith("  ") && !line.isBlank())
                    .collect(Collectors.joining("\n", "", "\n"));
            snippets.write("ch07/check-plain-jetty.txt", "$ ./wslab check " + url + " --cases '" + KEY_CASES + "'\n"
                    + headlines + "(exit code 1; each FAILED case is followed by its rule, expected and observed)\n");
            RunSummary run = new Runner(Runner.Settings.defaults()).run(jetty.echo(),
                    Catalogue.standard().select(Selection.parse(SHOWN_FAILURE)), Progress.none());
            CaseResult r = run.results().get(0);
            if (r.verdict() != Verdict.FAILED) {
                throw new ChapterFailure("plain Jetty was expected to fail " + SHOWN_FAILURE + " (it upgrades a key of "
                        + "\"abc\"), but the verdict was " + r.verdict() + ": " + r.describe());
            }
            snippets.write("ch07/check-plain-jetty-case.txt", "# plain Jetty 12, " + url + "\n" + r.describeWithWire());
        }
    }
}
