package org.wslab.tutorials.chapters;

import java.net.URI;
import java.util.List;
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
 * The part of chapter 7 on STOMP servers: {@code wslab check} against the tour's STOMP endpoint on both
 * engines, with the cases on bodies and on how frames ride in WebSocket messages (STOMP 1.2 "Header
 * content-length", "STOMP Frames"; RFC 6455 §5.6), then one case's wire log — a binary body of every octet
 * value, sent in a binary message and delivered back in one.
 */
final class CheckingAStompServerRun {
    /** Bodies and content-length, and frames split across, packed into and carried in binary messages. */
    static final String CASES = "stomp.4.*,stomp.5.*";
    /** The case shown byte for byte: the binary body. */
    static final String SHOWN = "stomp.4.9";

    private CheckingAStompServerRun() {
    }

    static void run(TourLab lab, Snippets snippets) throws Exception {
        for (var server : List.of(lab.jetty(), lab.wslab())) {
            String url = TourLab.stomp(server).toString();
            // tag::stomp[]
            CliRun check = CliRun.of("check", url, "--cases", "stomp.4.*,stomp.5.*") // <1>
                    .expectExit(0)
                    .expectOutput("suite: stomp (20 of ")
                    .expectOutput("FAILED 0");
            // end::stomp[]
            snippets.write("ch07/check-stomp-" + server.engine().cliName() + ".txt", "$ ./wslab check " + url
                    + " --cases '" + CASES + "'\n" + check.out() + "(exit code 0)\n");
        }
        URI stomp = TourLab.stomp(lab.wslab());
        RunSummary run = new Runner(Runner.Settings.defaults()).run(stomp,
                Catalogue.stomp().select(Selection.parse(SHOWN)), Progress.none());
        CaseResult r = run.results().get(0);
        if (r.verdict() != Verdict.OK) {
            throw new ChapterFailure("our engine was expected to pass " + SHOWN + ": " + r.describe());
        }
        snippets.write("ch07/check-stomp-case.txt", "# wslab engine, " + stomp + "\n" + r.describeWithWire());
    }
}
