package org.wslab.lab.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.wslab.handshake.ClientVerdict;
import org.wslab.handshake.ServerJudgement;
import org.wslab.handshake.WebSocketUri;
import org.wslab.handshake.explain.HeaderCatalog;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.spec.RuleCheck;
import org.wslab.handshake.spec.SpecRule;
import org.wslab.lab.client.ProbeResult;
import org.wslab.lab.client.ProbeTimings;
import org.wslab.lab.client.ResponseBody;
import org.wslab.lab.common.ConnectFailures;
import org.wslab.lab.common.LabFailure;
import org.wslab.lab.common.WireText;
import org.wslab.lab.report.HeadLine;
import org.wslab.lab.report.HexDump;
import org.wslab.lab.report.JsonReport;
import org.wslab.lab.report.TextReport;
import org.wslab.lab.report.TlsReport;

/**
 * Prints a {@link ProbeResult} as text or JSON ({@link HandshakeJson}) and decides the exit code
 * ({@link HandshakeVerdict}): 0 when the server did what RFC 6455 asks for the request sent (opened a
 * WebSocket for a good one, refused a bad one as §4.2.1 / §4.4 say); 1 when it did not, or answered
 * HTTP that breaks a rule (stdout names it; one line on stderr too); 2 when there was no HTTP answer
 * at all (thrown as a {@link LabFailure} with its typed failure, after the text output has shown
 * what did arrive).
 */
final class HandshakeOutput {
    private static final int MAX_DUMP_BYTES = 256;
    private static final int MAX_BODY_LINES = 12;
    private static final int MAX_BODY_LINE = 300;

    private final PrintWriter out;
    private final PrintWriter err;
    private final WebSocketUri uri;
    private final boolean json;

    HandshakeOutput(PrintWriter out, PrintWriter err, WebSocketUri uri, boolean json) {
        this.out = out;
        this.err = err;
        this.uri = uri;
        this.json = json;
    }

    int print(ProbeResult result) {
        if (result instanceof ProbeResult.Answered a) {
            HandshakeVerdict verdict = HandshakeVerdict.of(a);
            if (json) {
                out.println(JsonReport.text(HandshakeJson.answered(uri, a, verdict)));
            } else {
                answered(a, verdict);
            }
            return finish(verdict);
        }
        if (result instanceof ProbeResult.BrokenHttp b) {
            HandshakeVerdict verdict = HandshakeVerdict.of(b);
            if (json) {
                out.println(JsonReport.text(HandshakeJson.broken(uri, b, verdict)));
            } else {
                request(b, List.of());
                out.println();
                out.println("← response, as received (" + b.received().length
                        + " bytes; not a valid HTTP/1.1 response head):");
                HeadLine.rawLines(b.received()).forEach(l -> out.println("  " + l));
                out.println();
                timings(b.timings());
                out.println("verdict: " + verdict.line());
            }
            return finish(verdict);
        }
        ProbeResult.NoHttp none = (ProbeResult.NoHttp) result;
        if (!json) {
            request(result, List.of());
            out.println();
            if (none.received().length == 0) {
                out.println("← nothing received");
            } else {
                out.println("← " + none.received().length + " bytes received:");
                HexDump.lines(none.received(), MAX_DUMP_BYTES).forEach(l -> out.println("  " + l));
            }
            out.flush();
        }
        throw new LabFailure(none.failure(), null);
    }

    private void answered(ProbeResult.Answered a, HandshakeVerdict verdict) {
        ServerJudgement j = a.judgement();
        List<RuleCheck> checks = j.checks();
        request(a, checks);
        out.println();
        String startLine = a.response().version() + " " + String.format("%03d", a.response().status())
                + " " + a.response().reason();
        TextReport.head(out, "← response, as received", HeadLine.of(a.received(), startLine, a.response().headers()),
                HeaderCatalog.response(a.response().status(), a.response().headers()), checks, false);
        body(a.body());
        out.println();
        TextReport.checks(out, "request rules (as a server checks them, RFC 6455 §4.2.1)", j.requestChecks());
        TextReport.checks(out, a.response().status() == 101
                ? "response rules (as the client checks them, RFC 6455 §4.1)"
                : "response rules (a status other than 101: RFC 6455 §4.1 (response 1); a refusal: §4.2.1, §4.4)",
                j.responseChecks());
        if (!j.notChecked().isEmpty()) {
            out.println("  not checked (they hold only for a 101, and the status is " + a.response().status() + "): "
                    + j.notChecked().stream().map(SpecRule::name).collect(Collectors.joining(", ")));
        }
        TextReport.checks(out, "findings", a.findings());
        out.println();
        timings(a.timings());
        out.println("verdict: " + verdict.line());
        if (j.clientVerdict() instanceof ClientVerdict.Accepted) {
            out.println("then closed with a masked Close frame, status 1000 (RFC 6455 §5.5.1)");
        }
    }

    /** The start of a refusal's body, each line escaped and cut (a server's bytes must not drive the terminal). */
    private void body(ResponseBody body) {
        byte[] bytes = body.bytes();
        if (bytes.length == 0) {
            return;
        }
        String size = bytes.length + " bytes" + body.declared().map(n -> " of Content-Length " + n).orElse("")
                + (body.framing() == ResponseBody.Framing.CHUNKED ? ", chunked, as sent" : "")
                + (body.complete() ? "" : ", not all of it");
        out.println("← body (" + size + "):");
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n"); // no trailing empty line
        int shown = 0;
        for (String line : lines) {
            if (shown == MAX_BODY_LINES) {
                out.println("  | … " + (lines.length - shown) + " more lines");
                break;
            }
            out.println("  | " + WireText.cut(WireText.safe(line), MAX_BODY_LINE));
            shown++;
        }
    }

    private void timings(ProbeTimings t) {
        out.println("timings: connect " + ms(t.connect()) + t.tls().map(d -> ", TLS " + ms(d)).orElse("")
                + ", handshake " + ms(t.handshake()) + " (request sent to response head read)");
    }

    private static String ms(Duration d) {
        return String.format(Locale.ROOT, "%.2f ms", d.toNanos() / 1_000_000.0);
    }

    private int finish(HandshakeVerdict verdict) {
        out.flush();
        if (!verdict.passed()) {
            err.println("wslab: " + verdict.errorLine());
            err.flush();
        }
        return verdict.exitCode();
    }

    private void request(ProbeResult r, List<RuleCheck> checks) {
        r.tls().ifPresent(t -> {
            out.println(TlsReport.line(t));
            out.println();
        });
        RequestHead head = r.handshake().request();
        byte[] sent = r.handshake().requestBytes();
        String startLine = head.method() + " " + head.target() + " " + head.version();
        TextReport.head(out, "→ request to " + ConnectFailures.where(uri) + ", as sent (" + sent.length + " bytes)",
                HeadLine.of(sent, startLine, head.headers()), HeaderCatalog.request(head.headers()), checks, true);
    }
}
