package org.wslab.lab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.client.EchoCompression;
import org.wslab.lab.client.EchoFinding;
import org.wslab.lab.client.EchoResult;
import org.wslab.lab.client.EchoRun;
import org.wslab.lab.client.RoundTrips;
import org.wslab.lab.report.JsonReport;
import org.wslab.lab.report.TlsReport;

/**
 * Prints a {@code wslab echo} result as text or JSON (schema {@code echo}) and decides the exit
 * code: 0 when every echo and pong matched and the close was a clean 1000, else 1 with the rule
 * broken (a mismatch, a missing echo, the close code of RFC 6455 §7.4.1, a peer's violation) on
 * stdout and repeated as one line on stderr; 130/143 after a signal ({@link StopSignal}).
 */
final class EchoOutput {
    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    EchoOutput(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    int print(WebSocketUri uri, EchoRun.Plan plan, EchoResult r) {
        Optional<EchoFinding> failure = r.failure();
        int code = StopSignal.exitCode(failure.isEmpty() ? ExitCode.OK : ExitCode.CHECK_FAILED);
        if (json) {
            out.println(toJson(uri, plan, r, failure, code).toPrettyString());
        } else {
            text(uri, plan, r, failure);
        }
        out.flush();
        failure.ifPresent(f -> {
            err.println("wslab: echo failed: " + f.line());
            err.flush();
        });
        return code;
    }

    private void text(WebSocketUri uri, EchoRun.Plan plan, EchoResult r, Optional<EchoFinding> failure) {
        String kind = plan.message() instanceof String ? "text" : "binary";
        out.println("wslab echo " + uri);
        r.tls().ifPresent(t -> out.println("  " + TlsReport.line(t)));
        out.println("  sub-protocol: " + r.subprotocol().orElse("(none)"));
        out.println("  extensions:   " + r.extensions().orElse("(none)"));
        out.println("  handshake:    " + millis(r.handshakeNanos()));
        if (plan.count() > 0) {
            String messages = r.sent() == 1 ? " message" : " messages";
            out.println("  sent " + r.sent() + " " + kind + messages + " of " + EchoCommand.sizeOf(plan.message())
                    + " bytes; received " + r.received() + "; mismatches " + r.mismatches());
            if (!r.roundTrips().isEmpty()) {
                out.println("  round trip:   " + spread(r.roundTrips()));
            }
        }
        if (plan.pings() > 0) {
            out.println("  pings:        sent " + r.pingsSent() + "; pongs with the ping's payload " + r.pongsMatched()
                    + (r.pingRoundTrips().isEmpty() ? "" : "; round trip " + spread(r.pingRoundTrips())));
        }
        r.compression().ifPresent(c -> out.println("  compression:  " + compression(c)));
        out.println("  closed:       " + r.closed().describe() + (r.closed().clean() ? " (clean)" : " (not clean)"));
        if (r.stopped()) {
            out.println("  stopped:      " + StopSignal.describe() + " after " + r.sent() + " of " + plan.count()
                    + " messages" + (plan.pings() > 0 ? ", " + r.pingsSent() + " of " + plan.pings() + " pings" : ""));
        }
        out.println(failure.map(f -> "FAIL: " + f.rule().name() + " (" + f.rule().section() + "): " + f.line())
                .orElse(r.stopped() ? "STOPPED: every echo so far matched byte for byte"
                        : "OK: every " + (plan.count() > 0 ? "echo" : "pong") + " matched byte for byte"));
    }

    /** {@code sent 1600 message bytes as 212 on the wire (0.13); received …}: RFC 7692's effect both ways. */
    static String compression(EchoCompression c) {
        return "sent " + c.messageBytesSent() + " message bytes as " + c.wireBytesSent() + " on the wire"
                + ratio(c.sentRatio()) + "; received " + c.wireBytesReceived() + " on the wire as "
                + c.messageBytesReceived() + " message bytes" + ratio(c.receivedRatio());
    }

    private static String ratio(OptionalDouble r) {
        return r.isPresent() ? String.format(Locale.ROOT, " (%.3f)", r.getAsDouble()) : "";
    }

    private static String spread(RoundTrips t) {
        return "min " + millis(t.min()) + "  p50 " + millis(t.p50()) + "  p99 " + millis(t.p99())
                + "  max " + millis(t.max());
    }

    private static ObjectNode toJson(WebSocketUri uri, EchoRun.Plan plan, EchoResult r, Optional<EchoFinding> failure,
                                     int code) {
        ObjectNode o = JsonReport.object();
        o.put("command", "echo");
        o.put("url", uri.toString());
        r.tls().ifPresentOrElse(t -> o.set("tls", TlsReport.json(t)), () -> o.putNull("tls"));
        ObjectNode negotiated = o.putObject("negotiated");
        negotiated.put("subprotocol", r.subprotocol().orElse(null));
        negotiated.put("extensions", r.extensions().orElse(null));
        ObjectNode message = o.putObject("message");
        message.put("type", plan.message() instanceof String ? "text" : "binary");
        message.put("bytes", EchoCommand.sizeOf(plan.message()));
        message.put("count", plan.count());
        o.put("sent", r.sent());
        o.put("received", r.received());
        o.put("mismatches", r.mismatches());
        if (plan.pings() > 0) {
            ObjectNode pings = o.putObject("pings");
            pings.put("sent", r.pingsSent());
            pings.put("matched", r.pongsMatched());
        } else {
            o.putNull("pings");
        }
        r.compression().ifPresentOrElse(c -> o.set("compression", compressionJson(c)), () -> o.putNull("compression"));
        ObjectNode timings = o.putObject("timings");
        timings.putNull("connectMs"); // our engine connects and shakes hands as one step: handshakeMs holds both
        timings.put("handshakeMs", r.handshakeNanos() / 1e6);
        roundTrips(timings, "roundTripMs", r.roundTrips());
        roundTrips(timings, "pingRoundTripMs", r.pingRoundTrips());
        ObjectNode close = o.putObject("closed");
        close.put("code", r.closed().code());
        close.put("reason", r.closed().reason().isEmpty() ? null : r.closed().reason());
        close.put("clean", r.closed().clean());
        o.put("stopped", r.stopped() ? StopSignal.describe() : null);
        ObjectNode verdict = o.putObject("verdict");
        verdict.put("passed", code == ExitCode.OK);
        verdict.put("rule", failure.map(f -> f.rule().name()).orElse(null));
        verdict.put("section", failure.map(f -> f.rule().section()).orElse(null));
        verdict.put("detail", failure.map(EchoFinding::line).orElse(r.stopped() ? StopSignal.describe() : null));
        o.put("exitCode", code);
        return o;
    }

    private static ObjectNode compressionJson(EchoCompression c) {
        ObjectNode o = JsonReport.object();
        ObjectNode sent = o.putObject("sent");
        sent.put("messageBytes", c.messageBytesSent());
        sent.put("wireBytes", c.wireBytesSent());
        putRatio(sent, c.sentRatio());
        ObjectNode received = o.putObject("received");
        received.put("messageBytes", c.messageBytesReceived());
        received.put("wireBytes", c.wireBytesReceived());
        putRatio(received, c.receivedRatio());
        return o;
    }

    private static void putRatio(ObjectNode o, OptionalDouble r) {
        if (r.isPresent()) {
            o.put("ratio", r.getAsDouble());
        } else {
            o.putNull("ratio");
        }
    }

    private static void roundTrips(ObjectNode timings, String key, RoundTrips t) {
        if (t.isEmpty()) {
            timings.putNull(key);
            return;
        }
        ObjectNode o = timings.putObject(key);
        o.put("min", t.min() / 1e6);
        o.put("p50", t.p50() / 1e6);
        o.put("p99", t.p99() / 1e6);
        o.put("max", t.max() / 1e6);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
}
