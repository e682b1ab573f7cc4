package org.wslab.lab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.wslab.lab.common.DurationText;
import org.wslab.lab.load.ClientLag;
import org.wslab.lab.load.Intervals;
import org.wslab.lab.load.LoadPlan;
import org.wslab.lab.load.LoadReport;
import org.wslab.lab.load.LogMerge;
import org.wslab.lab.report.JsonReport;

/**
 * {@code load --json} and {@code load report --json}: one object with the settings, the counts
 * ({@code sent}, {@code received}, {@code lost}, {@code errors}, by kind too), the percentiles in
 * milliseconds (latency from the intended send, round trip from the actual send, handshake), the
 * throughput, the client-lag verdict, the run's verdict and the exit code. Schemas
 * {@code schemas/load.schema.json} and {@code schemas/load-report.schema.json}.
 */
final class LoadJson {
    private LoadJson() {}

    static ObjectNode run(LoadReport r, int exitCode) {
        ObjectNode o = JsonReport.object();
        o.put("command", "load");
        o.put("url", r.plan().uri().toString());
        settings(o.putObject("settings"), r.plan());
        LoadReport.Counts c = r.counts();
        ObjectNode connections = o.putObject("connections");
        connections.put("wanted", c.wanted());
        connections.put("opened", c.opened());
        connections.put("held", c.held());
        connections.put("refused", c.refusedCount());
        kinds(connections.putObject("refusedByKind"), c.refused());
        o.put("sent", c.sent());
        o.put("received", c.received());
        o.put("lost", c.lost());
        o.put("mismatched", c.mismatched());
        o.put("errors", c.errorCount());
        o.put("receipts", c.receipts());
        kinds(o.putObject("errorsByKind"), c.errors());
        throughput(o, r.latency());
        percentiles(o.putObject("latencyMs"), r.latency().total());
        percentiles(o.putObject("roundTripMs"), r.serviceTime());
        percentiles(o.putObject("handshakeMs"), r.handshakes());
        lag(o.putObject("client"), r.lag());
        o.put("ok", r.ok());
        verdict(o.putObject("verdict"), c);
        o.put("exitCode", exitCode);
        return o;
    }

    static ObjectNode merged(List<String> logs, LogMerge.Merged m) {
        ObjectNode o = JsonReport.object();
        o.put("command", "load report");
        logs.forEach(o.putArray("logs")::add);
        o.put("received", m.latency().total().getTotalCount());
        throughput(o, m.latency());
        percentiles(o.putObject("latencyMs"), m.latency().total());
        percentiles(o.putObject("handshakeMs"), m.handshakes());
        o.put("exitCode", 0);
        return o;
    }

    /**
     * The verdict every command prints: passed when nothing was lost, different, refused or failed;
     * else the first of those, in that order, named as a rule.
     */
    private static void verdict(ObjectNode v, LoadReport.Counts c) {
        String rule = c.lost() > 0 ? "NO_MESSAGE_LOST"
                : c.mismatched() > 0 ? "ECHO_UNCHANGED"
                : c.refusedCount() > 0 ? "HANDSHAKE_ACCEPTED"
                : c.errorCount() > 0 ? "NO_CONNECTION_ERROR" : null;
        v.put("passed", rule == null);
        v.put("rule", rule);
        v.put("section", "ECHO_UNCHANGED".equals(rule) ? "RFC 6455 §5.6" : null);
        v.put("detail", rule == null ? null : String.format(java.util.Locale.ROOT,
                "sent %d, received %d, lost %d, mismatched %d, refused %d, errors %d",
                c.sent(), c.received(), c.lost(), c.mismatched(), c.refusedCount(), c.errorCount()));
    }

    private static void settings(ObjectNode s, LoadPlan p) {
        s.put("url", p.uri().toString());
        s.put("mode", p.stomp().isPresent() ? "stomp" : "echo");
        p.stomp().ifPresent(st -> {
            s.put("destination", st.destination());
            s.put("ack", st.ack().header());
            s.put("receipts", st.receipts());
        });
        s.put("connections", p.connections());
        s.put("rate", p.rate());
        s.put("duration", DurationText.format(p.duration()));
        s.put("ramp", p.ramp().isZero() ? "0s" : DurationText.format(p.ramp()));
        s.put("size", p.size());
        p.protocols().forEach(s.putArray("protocols")::add);
        s.put("deflate", p.deflate());
        s.put("window", p.window());
        s.put("drain", DurationText.format(p.drain()));
        s.put("lagThresholdMs", p.lagThreshold().toNanos() / 1e6);
    }

    private static void throughput(ObjectNode o, Intervals latency) {
        o.put("seconds", latency.seconds());
        o.put("echoesPerSecond", latency.perSecond());
        o.put("intervals", latency.each().size());
    }

    private static void kinds(ObjectNode o, Map<String, Long> byKind) {
        byKind.forEach(o::put);
    }

    private static void percentiles(ObjectNode o, Histogram h) {
        o.put("count", h.getTotalCount());
        o.put("p50", h.getValueAtPercentile(50) / 1e6);
        o.put("p90", h.getValueAtPercentile(90) / 1e6);
        o.put("p99", h.getValueAtPercentile(99) / 1e6);
        o.put("p999", h.getValueAtPercentile(99.9) / 1e6);
        o.put("max", h.getMaxValue() / 1e6);
    }

    private static void lag(ObjectNode o, ClientLag lag) {
        o.put("bottleneck", lag.clientBound());
        o.put("verdict", lag.line());
        o.put("sendLagP99Ms", lag.sendLag().getValueAtPercentile(99) / 1e6);
        o.put("sendLagMaxMs", lag.sendLag().getMaxValue() / 1e6);
        o.put("lateSends", lag.late());
        o.put("heldBackByServer", lag.heldBack());
        o.put("processCpuMean", lag.processCpuMean());
        o.put("processCpuMax", lag.processCpuMax());
        o.put("systemCpuMean", lag.systemCpuMean());
    }
}
