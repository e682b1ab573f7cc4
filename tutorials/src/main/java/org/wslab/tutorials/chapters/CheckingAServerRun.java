package org.wslab.tutorials.chapters;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.wslab.conformance.Catalogue;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.Progress;
import org.wslab.conformance.Runner;
import org.wslab.conformance.RunSummary;
import org.wslab.conformance.Selection;
import org.wslab.conformance.Verdict;
import org.wslab.tutorials.live.ChapterFailure;
import org.wslab.tutorials.live.CliRun;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;

/**
 * The part of chapter 7 that tests whole servers rather than one decoder: {@code wslab check} run
 * against the tour's Jetty server and our engine on a selection of the conformance catalogue
 * (RFC 6455 §5.2 reserved bits and opcodes, §7.1 closing), and the first case either engine did
 * not answer in the strictest way, with its expected and observed behaviour and its wire log.
 */
final class CheckingAServerRun {
    /** The cases the chapter runs: reserved bits, opcodes, the closing handshake's first group. */
    static final String CASES = "rsv.*,opcodes.*,close.7.1.*";

    private CheckingAServerRun() {
    }

    static void run(TourLab lab, Snippets snippets) throws IOException {
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
                        + r.describe() + "\n  wire:\n" + r.wireLog().map(w -> w.render()).orElse("(no connection)"));
                return;
            }
        }
        snippets.write("ch07/check-case.txt", "# both engines answered every case of " + CASES + " OK in this run\n");
    }
}
