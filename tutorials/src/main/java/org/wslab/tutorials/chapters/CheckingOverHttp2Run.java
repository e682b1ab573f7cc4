package org.wslab.tutorials.chapters;

import java.net.URI;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.Catalogue;
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
 * The part of chapter 7 on WebSocket over HTTP/2 (RFC 8441): {@code wslab check --cases 'h2.*'} against the
 * tour's Jetty server, which speaks h2c beside HTTP/1.1 and passes, and against our engine, which has no
 * HTTP/2 and is UNIMPLEMENTED; then one case's wire log — the SETTINGS, the extended CONNECT and its 200,
 * and RFC 6455 frames in the stream's DATA.
 */
final class CheckingOverHttp2Run {
    /** The RFC 8441 category. */
    static final String CASES = "h2.*";
    /** The case shown byte for byte: a text message echoed on the stream. */
    static final String SHOWN = "h2.8441.5.7";

    private CheckingOverHttp2Run() {
    }

    static void run(TourLab lab, Snippets snippets) throws Exception {
        for (var server : java.util.List.of(lab.jetty(), lab.wslab())) {
            String url = TourLab.echo(server).toString();
            boolean jetty = server == lab.jetty();
            // tag::h2[]
            CliRun check = CliRun.of("check", url, "--cases", "h2.*")
                    .expectExit(0) // <1>
                    .expectOutput(jetty ? "OK 18" : "UNIMPLEMENTED 18");
            // end::h2[]
            snippets.write("ch07/check-h2-" + server.engine().cliName() + ".txt", "$ ./wslab check " + url
                    + " --cases '" + CASES + "'\n" + check.out() + "(exit code 0)\n");
        }
        URI echo = TourLab.echo(lab.jetty());
        RunSummary run = new Runner(Runner.Settings.defaults()).run(echo,
                Catalogue.standard().select(Selection.parse(SHOWN)), Progress.none());
        CaseResult r = run.results().get(0);
        if (r.verdict() != Verdict.OK) {
            throw new ChapterFailure("the Jetty engine was expected to pass " + SHOWN + " over HTTP/2: " + r.describe());
        }
        snippets.write("ch07/check-h2-case.txt", "# jetty engine, " + echo + ", over h2c\n" + r.describeWithWire());
    }
}
