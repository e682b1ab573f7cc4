package org.wslab.lab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.wslab.handshake.ClientVerdict;
import org.wslab.handshake.ServerJudgement;
import org.wslab.handshake.WebSocketUri;
import org.wslab.handshake.explain.HeaderCatalog;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.spec.RuleCheck;
import org.wslab.handshake.spec.SpecRule;
import org.wslab.lab.client.ProbeResult;
import org.wslab.lab.client.ProbeTimings;
import org.wslab.lab.client.ResponseBody;
import org.wslab.lab.report.HeadLine;
import org.wslab.lab.report.JsonReport;
import org.wslab.lab.report.RuleSide;
import org.wslab.lab.report.TlsReport;

/**
 * The {@code --json} report of {@code wslab handshake} (schema {@code schemas/handshake.schema.json}):
 * one object with the command, URL, TLS, the request and response as on the wire, every rule checked
 * with its side, the verdict, what was negotiated, the timings and the exit code. Keys are always
 * present; a value that does not apply is {@code null}.
 */
final class HandshakeJson {
    private static final List<String> LINE_KEYS = List.of("line", "name", "value", "role", "section", "note", "outcome");

    private HandshakeJson() {}

    static ObjectNode answered(WebSocketUri uri, ProbeResult.Answered a, HandshakeVerdict verdict) {
        ServerJudgement j = a.judgement();
        List<RuleCheck> checks = j.checks();
        ObjectNode root = start(uri, a, verdict, checks);
        String startLine = a.response().version() + " " + String.format("%03d", a.response().status())
                + " " + a.response().reason();
        ObjectNode response = JsonReport.head(HeadLine.of(a.received(), startLine, a.response().headers()),
                HeaderCatalog.response(a.response().status(), a.response().headers()), checks, false);
        completeLines(response);
        ObjectNode out = JsonReport.object();
        out.put("status", a.response().status());
        out.put("reason", a.response().reason());
        out.put("bytes", a.received().length);
        out.set("lines", response.get("lines"));
        out.set("body", body(a.body()));
        root.set("response", out);
        ArrayNode rules = root.putArray("rules");
        j.requestChecks().forEach(c -> rules.add(rule(c, "request")));
        j.responseChecks().forEach(c -> rules.add(rule(c, "response")));
        for (SpecRule r : j.notChecked()) {
            rules.add(rule(RuleCheck.info(r, "not checked: the status is " + a.response().status()
                    + ", and this rule holds only for a 101"), "response"));
        }
        a.findings().forEach(c -> rules.add(rule(c, "both")));
        if (j.clientVerdict() instanceof ClientVerdict.Accepted ok) {
            ObjectNode n = JsonReport.object();
            n.put("subprotocol", ok.subprotocol().orElse(null));
            n.put("extensions", ok.extensions().isEmpty() ? null : ExtensionHeader.format(ok.extensions()));
            root.set("negotiated", n);
        } else {
            root.putNull("negotiated");
        }
        return finish(root, a.timings(), verdict);
    }

    static ObjectNode broken(WebSocketUri uri, ProbeResult.BrokenHttp b, HandshakeVerdict verdict) {
        ObjectNode root = start(uri, b, verdict, List.of());
        ObjectNode out = JsonReport.object();
        out.putNull("status");
        out.putNull("reason");
        out.put("bytes", b.received().length);
        ArrayNode lines = out.putArray("lines");
        for (String raw : HeadLine.rawLines(b.received())) {
            ObjectNode l = lines.addObject();
            LINE_KEYS.forEach(l::putNull);
            l.put("line", raw);
        }
        out.putNull("body");
        root.set("response", out);
        root.putArray("rules").add(rule(RuleCheck.fail(b.failure().rule(), verdict.detail()), "response"));
        root.putNull("negotiated");
        return finish(root, b.timings(), verdict);
    }

    private static ObjectNode start(WebSocketUri uri, ProbeResult r, HandshakeVerdict verdict, List<RuleCheck> checks) {
        ObjectNode root = JsonReport.object();
        root.put("command", "handshake");
        root.put("url", uri.toString());
        r.tls().ifPresentOrElse(t -> root.set("tls", TlsReport.json(t)), () -> root.putNull("tls"));
        root.put("outcome", verdict.outcome());
        RequestHead head = r.handshake().request();
        byte[] sent = r.handshake().requestBytes();
        String startLine = head.method() + " " + head.target() + " " + head.version();
        ObjectNode lines = JsonReport.head(HeadLine.of(sent, startLine, head.headers()),
                HeaderCatalog.request(head.headers()), checks, true);
        completeLines(lines);
        ObjectNode request = root.putObject("request");
        request.put("bytes", sent.length);
        request.put("key", r.handshake().key());
        request.put("expectedAccept", r.handshake().expectedAccept());
        request.set("lines", lines.get("lines"));
        return root;
    }

    private static ObjectNode finish(ObjectNode root, ProbeTimings t, HandshakeVerdict verdict) {
        ObjectNode v = root.putObject("verdict");
        v.put("passed", verdict.passed());
        v.put("rule", verdict.rule().map(SpecRule::name).orElse(null));
        v.put("section", verdict.rule().map(SpecRule::section).orElse(null));
        v.put("detail", verdict.passed() ? null : verdict.detail());
        ObjectNode timings = root.putObject("timings");
        timings.put("connectMs", ProbeTimings.millis(t.connect()));
        if (t.tls().isPresent()) {
            timings.put("tlsMs", ProbeTimings.millis(t.tls().get()));
        } else {
            timings.putNull("tlsMs");
        }
        timings.put("handshakeMs", ProbeTimings.millis(t.handshake()));
        root.put("exitCode", verdict.exitCode());
        return root;
    }

    private static JsonNode body(ResponseBody body) {
        if (body.framing() == ResponseBody.Framing.NONE) {
            return JsonReport.object().nullNode();
        }
        ObjectNode b = JsonReport.object();
        b.put("text", body.text());
        b.put("bytes", body.bytes().length);
        if (body.declared().isPresent()) {
            b.put("contentLength", body.declared().get());
        } else {
            b.putNull("contentLength");
        }
        b.put("framing", body.framing().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        b.put("complete", body.complete());
        return b;
    }

    private static ObjectNode rule(RuleCheck c, String side) {
        ObjectNode o = JsonReport.check(c);
        o.put("side", side.equals("both") ? RuleSide.of(c.rule()).map(s -> s.request() ? "request" : "response")
                .orElse("both") : side);
        return o;
    }

    /** Every line object with every key: a value that does not apply is null (the JSON conventions). */
    private static void completeLines(ObjectNode head) {
        for (JsonNode line : head.get("lines")) {
            for (String key : LINE_KEYS) {
                if (!line.has(key)) {
                    ((ObjectNode) line).putNull(key);
                }
            }
        }
    }
}
