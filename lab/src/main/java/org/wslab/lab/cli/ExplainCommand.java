package org.wslab.lab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.wslab.handshake.explain.CheckSide;
import org.wslab.handshake.explain.Explanation;
import org.wslab.handshake.explain.HeaderAnnotation;
import org.wslab.handshake.explain.SidedCheck;
import org.wslab.handshake.explain.Transcript;
import org.wslab.handshake.explain.TranscriptExplainer;
import org.wslab.handshake.explain.TranscriptRule;
import org.wslab.handshake.http.Headers;
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
 * recorded handshake ({@link TranscriptFile}: a plain transcript, a browser DevTools copy, or
 * Markdown fenced blocks): how the file was read, every header classified and judged, every rule of
 * RFC 6455 §4.1/§4.2, RFC 7692 §7.1 and RFC 9112 on the side it judges, plus findings (obsolete
 * hixie-76 fields, the sub-protocol picked, the permessage-deflate outcome).
 */
@Command(name = "explain",
        header = "Explain a recorded opening handshake, rule by rule.",
        description = "FILE holds a request, an empty line, then the response (LF or CRLF line ends; a byte order mark, "
                + "trailing spaces or a missing last empty line are tolerated and named), or a browser DevTools copy "
                + "(Chrome's or Firefox's \"Request URL: …\", \"Status Code: …\" and name: value lines, :method/:path/:status "
                + "pseudo-headers), or is Markdown (.md) whose fenced code blocks hold the request and the response (other "
                + "blocks, e.g. shell snippets, are skipped). Prints how the file was read, each header with what it is and "
                + "whether it passes, every rule checked on its side (request: RFC 6455 §4.2.1; response: §4.1), findings, "
                + "and the verdict.",
        footerHeading = "%nWhich exit code when:%n",
        footer = {
            "  0  every rule holds: this handshake would succeed as recorded",
            "  1  a rule fails: stdout lists each, stderr names the first in one line",
            "  2  FILE cannot be read, is larger than 1MiB, or is not a handshake transcript",
            "     (empty, binary, JSON, prose, or Markdown without a request block)"
        })
final class ExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The recorded request and response; - reads standard input.")
    Path file;

    @Option(names = "--json", description = "Print the explanation as JSON (schema explain.schema.json).")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Transcript.Reading.Split reading = file.toString().equals("-") ? TranscriptFile.read(System.in) : TranscriptFile.read(file);
        Explanation ex = TranscriptExplainer.explain(reading);
        Transcript transcript = reading.transcript();
        PrintWriter out = spec.commandLine().getOut();
        List<RuleCheck> checks = ex.checks();
        List<HeadLine> requestLines = lines(transcript.request(), transcript.requestLines(), ex.requestHeaders());
        List<HeadLine> responseLines = lines(transcript.response(), transcript.responseLines(), ex.responseHeaders());
        List<RuleCheck> failures = ex.failures();
        int exit = failures.isEmpty() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        if (json) {
            ObjectNode root = JsonReport.object();
            root.put("command", "explain");
            root.put("file", file.toString());
            root.set("request", ex.request().isPresent()
                    ? JsonReport.sectionsAsNull(JsonReport.head(requestLines, ex.requestHeaders(), checks, true)) : null);
            root.set("response", ex.response().isPresent()
                    ? JsonReport.sectionsAsNull(JsonReport.head(responseLines, ex.responseHeaders(), checks, false)) : null);
            root.set("rules", JsonReport.rules(checks, c -> side(ex, c)));
            root.set("verdict", JsonReport.verdict(checks));
            root.put("exitCode", exit);
            out.println(JsonReport.text(root));
        } else {
            text(out, ex, requestLines, responseLines);
        }
        out.flush();
        if (!failures.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("wslab: " + file + " breaks " + failures.size() + (failures.size() == 1 ? " rule" : " rules")
                    + "; first: " + TextReport.cite(failures.get(0)));
            err.flush();
        }
        return exit;
    }

    private static void text(PrintWriter out, Explanation ex, List<HeadLine> requestLines, List<HeadLine> responseLines) {
        List<RuleCheck> checks = ex.checks();
        List<RuleCheck> both = ex.checks(CheckSide.BOTH);
        List<RuleCheck> read = both.stream().filter(c -> c.rule() instanceof TranscriptRule).toList();
        if (!read.isEmpty()) {
            TextReport.checks(out, "how the file was read", read);
            out.println();
        }
        TextReport.head(out, ex.request().isPresent() ? "→ request" : "→ request: its request line does not parse (see the request rules below)",
                requestLines, ex.requestHeaders(), checks, true);
        out.println();
        TextReport.head(out, ex.response().isPresent() ? "← response" : "← response: its status line does not parse (see the response rules below)",
                responseLines, ex.responseHeaders(), checks, false);
        out.println();
        TextReport.checks(out, "request rules (as a server checks them, RFC 6455 §4.2.1)", ex.checks(CheckSide.REQUEST));
        TextReport.checks(out, "response rules (as the client checks them, RFC 6455 §4.1)", ex.checks(CheckSide.RESPONSE));
        TextReport.checks(out, "findings", both.stream().filter(c -> !(c.rule() instanceof TranscriptRule)).toList());
        out.println();
        out.println("rules: " + TextReport.tally(checks.stream().filter(c -> !(c.rule() instanceof TranscriptRule)).toList()));
        List<RuleCheck> failures = ex.failures();
        if (failures.isEmpty()) {
            out.println("verdict: every rule holds; this handshake would succeed as recorded");
        } else {
            out.println("verdict: this handshake fails — " + failures.size() + (failures.size() == 1 ? " rule" : " rules")
                    + " broken; first: " + TextReport.cite(failures.get(0)));
        }
    }

    /** A head's lines as read (its start line as written, then each field that parsed) for the report. */
    private static List<HeadLine> lines(byte[] head, List<String> raw, List<HeaderAnnotation> fields) {
        return HeadLine.of(head, raw.isEmpty() ? "" : raw.get(0), new Headers(fields.stream().map(HeaderAnnotation::field).toList()));
    }

    /** The side of check {@code c} (by identity: equal checks may sit on both sides), lower case. */
    private static Optional<String> side(Explanation ex, RuleCheck c) {
        for (SidedCheck s : ex.rules()) {
            if (s.check() == c) {
                return Optional.of(s.side().name().toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }
}
