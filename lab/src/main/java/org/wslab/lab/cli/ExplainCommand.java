package org.wslab.lab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.wslab.handshake.explain.Explanation;
import org.wslab.handshake.explain.Transcript;
import org.wslab.handshake.explain.TranscriptExplainer;
import org.wslab.handshake.http.HeadWriter;
import org.wslab.handshake.spec.RuleCheck;
import org.wslab.lab.report.HeadLine;
import org.wslab.lab.report.JsonReport;
import org.wslab.lab.report.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wslab explain FILE}: the transcript explainer of the {@code handshake} module on a
 * recorded handshake (the request, an empty line, the response; LF or CRLF line ends; or the first
 * two fenced code blocks of a Markdown file, see {@link TranscriptFile}): every header
 * classified and judged, every rule of RFC 6455 §4.1/§4.2 and RFC 7692 §7.1 passing or failing,
 * plus findings (obsolete hixie-76 fields, the sub-protocol picked, the permessage-deflate outcome).
 */
@Command(name = "explain",
        header = "Explain a recorded opening handshake, rule by rule.",
        description = "FILE holds a request, an empty line, then the response (as copied from browser dev "
                + "tools; LF or CRLF line ends), or is a Markdown file (.md) whose first two fenced code blocks are "
                + "the request and the response, such as the source notes. Prints each header with what it is and whether it passes, "
                + "every rule checked with its section (RFC 6455 §4.1, §4.2; RFC 7692 §7.1), findings, "
                + "and the verdict.",
        footerHeading = "%nWhich exit code when:%n",
        footer = {
            "  0  every rule holds: this handshake would succeed as recorded",
            "  1  a rule fails: stdout lists each, stderr names the first in one line",
            "  2  FILE cannot be read, is larger than 1MiB, or holds no request",
            "     and response (plain, or as two fenced blocks in Markdown)"
        })
final class ExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The recorded request and response; - reads standard input.")
    Path file;

    @Option(names = "--json", description = "Print the explanation as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Transcript transcript = file.toString().equals("-") ? TranscriptFile.read(System.in) : TranscriptFile.read(file);
        Explanation ex = TranscriptExplainer.explain(transcript.request(), transcript.response());
        PrintWriter out = spec.commandLine().getOut();
        List<RuleCheck> checks = ex.checks();
        List<HeadLine> requestLines = ex.request().map(r -> HeadLine.of(transcript.request(),
                HeadWriter.text(r).lines().findFirst().orElse(""), r.headers())).orElse(List.of());
        List<HeadLine> responseLines = ex.response().map(r -> HeadLine.of(transcript.response(),
                HeadWriter.text(r).lines().findFirst().orElse(""), r.headers())).orElse(List.of());
        if (json) {
            ObjectNode root = JsonReport.object();
            root.put("file", file.toString());
            if (ex.request().isPresent()) {
                root.set("request", JsonReport.head(requestLines, ex.requestHeaders(), checks, true));
            } else {
                root.putNull("request");
            }
            if (ex.response().isPresent()) {
                root.set("response", JsonReport.head(responseLines, ex.responseHeaders(), checks, false));
            } else {
                root.putNull("response");
            }
            root.set("checks", JsonReport.checks(checks));
            root.put("passed", ex.passed());
            root.put("exitCode", ex.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED);
            out.println(JsonReport.text(root));
        } else {
            if (ex.request().isPresent()) {
                TextReport.head(out, "→ request", requestLines, ex.requestHeaders(), checks, true);
            } else {
                out.println("→ request: does not parse (see the rules below)");
            }
            out.println();
            if (ex.response().isPresent()) {
                TextReport.head(out, "← response", responseLines, ex.responseHeaders(), checks, false);
            } else {
                out.println("← response: does not parse (see the rules below)");
            }
            out.println();
            TextReport.groupedChecks(out, checks);
            out.println();
            out.println("rules: " + TextReport.tally(checks));
        }
        List<RuleCheck> failures = ex.failures();
        if (failures.isEmpty()) {
            if (!json) {
                out.println("verdict: every rule holds; this handshake would succeed as recorded");
            }
            out.flush();
            return ExitCode.OK;
        }
        if (!json) {
            out.println("verdict: this handshake fails — " + failures.size() + (failures.size() == 1 ? " rule" : " rules")
                    + " broken; first: " + TextReport.cite(failures.get(0)));
        }
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        err.println("wslab: " + file + " breaks " + failures.size() + (failures.size() == 1 ? " rule" : " rules")
                + "; first: " + TextReport.cite(failures.get(0)));
        err.flush();
        return ExitCode.CHECK_FAILED;
    }
}
