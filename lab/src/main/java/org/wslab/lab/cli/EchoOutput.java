package org.wslab.lab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.client.EchoResult;
import org.wslab.lab.client.EchoRun;
import org.wslab.lab.report.JsonReport;
import org.wslab.lab.report.TlsReport;

/**
 * Prints a {@code wslab echo} result as text or JSON and decides the exit code: 0 when every
 * echo matched and the close was a clean 1000, else 1 with the reason (mismatch, missing echo,
 * or the close code, RFC 6455 §7.4.1) on stdout and repeated as one line on stderr.
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
        int code = r.allMatched() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        if (json) {
            out.println(toJson(uri, plan, r, code).toPrettyString());
        } else {
            text(uri, plan, r);
        }
        out.flush();
        r.failure().ifPresent(f -> {
            err.println("wslab: echo failed: " + f);
            err.flush();
        });
        return code;
    }

    private void text(WebSocketUri uri, EchoRun.Plan plan, EchoResult r) {
        String kind = plan.message() instanceof String ? "text" : "binary";
        out.println("wslab echo " + uri);
        r.tls().ifPresent(t -> out.println("  " + TlsReport.line(t)));
        out.println("  sub-protocol: " + r.subprotocol().orElse("(none)"));
        out.println("  extensions:   " + (r.extensions().isEmpty() ? "(none)" : r.extensions()));
        String messages = r.sent() == 1 ? " message" : " messages";
        out.println("  sent " + r.sent() + " " + kind + messages + " of " + EchoCommand.sizeOf(plan.message())
                + " bytes; received " + r.received() + "; mismatches " + r.mismatches());
        if (!r.roundTripNanos().isEmpty()) {
            out.println("  round trip:   min " + millis(r.minNanos()) + "  avg " + millis(r.avgNanos())
                    + "  max " + millis(r.maxNanos()));
        }
        out.println("  closed:       " + r.closed().describe() + (r.closed().clean() ? " (clean)" : " (not clean)"));
        out.println(r.failure().map(f -> "FAIL: " + f).orElse("OK: every echo matched byte for byte"));
    }

    private static ObjectNode toJson(WebSocketUri uri, EchoRun.Plan plan, EchoResult r, int code) {
        ObjectNode o = JsonReport.object();
        o.put("url", uri.toString());
        o.put("type", plan.message() instanceof String ? "text" : "binary");
        o.put("messageBytes", EchoCommand.sizeOf(plan.message()));
        r.tls().ifPresentOrElse(t -> o.set("tls", TlsReport.json(t)), () -> o.putNull("tls"));
        if (r.subprotocol().isPresent()) {
            o.put("subprotocol", r.subprotocol().get());
        } else {
            o.putNull("subprotocol");
        }
        o.put("extensions", r.extensions());
        o.put("sent", r.sent());
        o.put("received", r.received());
        o.put("mismatches", r.mismatches());
        ObjectNode rtt = o.putObject("roundTripMillis");
        rtt.put("min", r.minNanos() / 1e6);
        rtt.put("avg", r.avgNanos() / 1e6);
        rtt.put("max", r.maxNanos() / 1e6);
        ObjectNode close = o.putObject("close");
        close.put("code", r.closed().code());
        close.put("reason", r.closed().reason());
        close.put("clean", r.closed().clean());
        close.put("meaning", r.closed().describe());
        r.closed().error().ifPresent(e -> close.put("rule", e.toString()));
        r.failure().ifPresentOrElse(f -> o.put("failure", f), () -> o.putNull("failure"));
        o.put("exitCode", code);
        return o;
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
}
