package org.wslab.lab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.wslab.handshake.ClientVerdict;
import org.wslab.handshake.WebSocketUri;
import org.wslab.handshake.explain.Explanation;
import org.wslab.handshake.explain.HeaderCatalog;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.http.HttpParseFailure;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.spec.RuleCheck;
import org.wslab.lab.client.ProbeResult;
import org.wslab.lab.common.LabFailure;
import org.wslab.lab.report.HeadLine;
import org.wslab.lab.report.HexDump;
import org.wslab.lab.report.JsonReport;
import org.wslab.lab.report.TextReport;
import org.wslab.lab.report.TlsReport;

/**
 * Prints a {@link ProbeResult} as text or JSON and decides the exit code: 0 accepted; 1 an HTTP
 * answer that breaks a rule (stdout names it; one line on stderr too); 2 no HTTP answer at all
 * (thrown as a {@link LabFailure}, after the text output has shown what did arrive).
 */
final class HandshakeOutput {
    private static final int MAX_DUMP_BYTES = 256;

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
            return answered(a);
        }
        if (result instanceof ProbeResult.BrokenHttp b) {
            return brokenHttp(b);
        }
        ProbeResult.NoHttp none = (ProbeResult.NoHttp) result;
        if (!json) {
            request(result, List.of());
            out.println();
            out.println("← " + none.received().length + " bytes received:");
            HexDump.lines(none.received(), MAX_DUMP_BYTES).forEach(l -> out.println("  " + l));
            out.flush();
        }
        throw new LabFailure(address() + " " + none.reason());
    }

    private int answered(ProbeResult.Answered a) {
        Explanation ex = a.explanation();
        List<RuleCheck> checks = ex.checks();
        ClientVerdict verdict = a.verdict();
        String startLine = a.response().version() + " " + String.format("%03d", a.response().status())
                + " " + a.response().reason();
        List<HeadLine> responseLines = HeadLine.of(a.received(), startLine, a.response().headers());
        if (json) {
            ObjectNode root = root(a);
            root.set("response", JsonReport.head(responseLines, ex.responseHeaders(), checks, false));
            root.set("checks", JsonReport.checks(checks));
            ObjectNode v = root.putObject("verdict");
            if (verdict instanceof ClientVerdict.Accepted ok) {
                v.put("accepted", true);
                v.put("subprotocol", ok.subprotocol().orElse(null));
                v.put("extensions", ExtensionHeader.format(ok.extensions()));
            } else {
                ClientVerdict.Rejected no = (ClientVerdict.Rejected) verdict;
                v.put("accepted", false);
                v.put("rule", no.rule().name());
                v.put("section", no.rule().section());
                v.put("detail", no.detail());
            }
            root.put("exitCode", verdict instanceof ClientVerdict.Accepted ? ExitCode.OK : ExitCode.CHECK_FAILED);
            out.println(JsonReport.text(root));
        } else {
            request(a, checks);
            out.println();
            TextReport.head(out, "← response, as received", responseLines, ex.responseHeaders(), checks, false);
            out.println();
            TextReport.groupedChecks(out, checks);
            out.println();
        }
        if (verdict instanceof ClientVerdict.Accepted ok) {
            if (!json) {
                out.println("verdict: accepted — the WebSocket connection is open (RFC 6455 §4.1); sub-protocol: "
                        + ok.subprotocol().orElse("none") + "; extensions: "
                        + (ok.extensions().isEmpty() ? "none"
                            : ExtensionHeader.format(ok.extensions())));
                out.println("then closed with a masked Close frame, status 1000 (RFC 6455 §5.5.1)");
            }
            out.flush();
            return ExitCode.OK;
        }
        ClientVerdict.Rejected no = (ClientVerdict.Rejected) verdict;
        String cite = no.rule().name() + " (" + no.rule().section() + "): " + HeadLine.safeText(no.detail());
        if (!json) {
            out.println("verdict: rejected — " + cite);
        }
        return checkFailed("handshake rejected by rule " + cite);
    }

    private int brokenHttp(ProbeResult.BrokenHttp b) {
        HttpParseFailure f = b.failure();
        String cite = f.rule().name() + " (" + f.rule().section() + ") at byte " + f.offset() + ": "
                + HeadLine.safeText(f.detail());
        if (json) {
            ObjectNode root = root(b);
            root.putNull("response");
            ObjectNode failure = root.putObject("parseFailure");
            failure.put("rule", f.rule().name());
            failure.put("section", f.rule().section());
            failure.put("offset", f.offset());
            failure.put("detail", f.detail());
            ObjectNode v = root.putObject("verdict");
            v.put("accepted", false);
            v.put("rule", f.rule().name());
            v.put("section", f.rule().section());
            v.put("detail", f.detail());
            root.put("exitCode", ExitCode.CHECK_FAILED);
            out.println(JsonReport.text(root));
        } else {
            request(b, List.of());
            out.println();
            out.println("← response, as received (" + b.received().length + " bytes; not a valid HTTP/1.1 response head):");
            HeadLine.rawLines(b.received()).forEach(l -> out.println("  " + l));
            out.println();
            out.println("verdict: rejected — the response is not well-formed HTTP/1.1: " + cite);
        }
        return checkFailed("the response breaks " + cite);
    }

    private void request(ProbeResult r, List<RuleCheck> checks) {
        r.tls().ifPresent(t -> {
            out.println(TlsReport.line(t));
            out.println();
        });
        RequestHead head = r.handshake().request();
        byte[] sent = r.handshake().requestBytes();
        String startLine = head.method() + " " + head.target() + " " + head.version();
        TextReport.head(out, "→ request to " + address() + ", as sent (" + sent.length + " bytes)",
                HeadLine.of(sent, startLine, head.headers()), HeaderCatalog.request(head.headers()), checks, true);
    }

    private ObjectNode root(ProbeResult r) {
        RequestHead head = r.handshake().request();
        byte[] sent = r.handshake().requestBytes();
        String startLine = head.method() + " " + head.target() + " " + head.version();
        ObjectNode root = JsonReport.object();
        root.put("url", uri.toString());
        r.tls().ifPresentOrElse(t -> root.set("tls", TlsReport.json(t)), () -> root.putNull("tls"));
        root.put("key", r.handshake().key());
        root.put("expectedAccept", r.handshake().expectedAccept());
        List<RuleCheck> checks = r instanceof ProbeResult.Answered a ? a.explanation().checks() : List.of();
        root.set("request", JsonReport.head(HeadLine.of(sent, startLine, head.headers()),
                HeaderCatalog.request(head.headers()), checks, true));
        return root;
    }

    private int checkFailed(String line) {
        out.flush();
        err.println("wslab: " + line);
        err.flush();
        return ExitCode.CHECK_FAILED;
    }

    private String address() {
        return (uri.host().contains(":") ? "[" + uri.host() + "]" : uri.host()) + ":" + uri.port();
    }
}
