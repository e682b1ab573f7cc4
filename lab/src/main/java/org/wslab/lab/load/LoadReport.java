package org.wslab.lab.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a {@link LoadRun} measured: the counts by kind, the latency from each message's intended
 * send time to its echo (coordinated omission corrected), the round trip from the actual send (what
 * a closed-loop tool would report), the opening handshakes (RFC 6455 §4.1) apart, and whether the
 * client kept its schedule.
 *
 * @param plan         what was run
 * @param counts       what was counted
 * @param latency      intended send time → echo, nanoseconds, with the per-second intervals
 * @param serviceTime  actual send → echo, nanoseconds
 * @param handshakes   connect → open, nanoseconds
 * @param lag          the client's own lag and CPU
 */
public record LoadReport(LoadPlan plan, Counts counts, Intervals latency, Histogram serviceTime, Histogram handshakes,
                         ClientLag lag) {
    /**
     * The counts.
     *
     * @param wanted      connections asked for
     * @param opened      connections whose handshake succeeded
     * @param held        connections open when sending ended
     * @param refused     handshakes that failed (connect errors included), by failure kind
     * @param sent        messages sent
     * @param received    echoes that matched
     * @param mismatched  echoes that differed or came out of order
     * @param errors      open connections that ended other than by our 1000, or STOMP ERROR frames, by kind
     * @param receipts    STOMP RECEIPTs that came (when asked for)
     */
    public record Counts(int wanted, int opened, int held, Map<String, Long> refused, long sent, long received,
                         long mismatched, Map<String, Long> errors, long receipts) {
        public Counts {
            refused = Map.copyOf(refused);
            errors = Map.copyOf(errors);
        }

        /** Sent and never echoed by the end of the drain grace. */
        public long lost() {
            return Math.max(0, sent - received - mismatched);
        }

        /** Refused handshakes. */
        public long refusedCount() {
            return refused.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Connections that failed once open. */
        public long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Nothing lost, nothing different, no handshake refused, no connection failed. */
    public boolean ok() {
        return counts.lost() == 0 && counts.mismatched() == 0 && counts.refusedCount() == 0 && counts.errorCount() == 0;
    }

    /** The end report, one fact a line. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        Counts c = counts;
        out.add(String.format(Locale.ROOT, "connections: %d of %d opened, %d held to the end, %d refused%s",
                c.opened(), c.wanted(), c.held(), c.refusedCount(), c.refused().isEmpty() ? "" : " " + c.refused()));
        out.add(String.format(Locale.ROOT, "messages: sent %d, received %d, lost %d, mismatched %d; errors %d%s",
                c.sent(), c.received(), c.lost(), c.mismatched(), c.errorCount(), c.errors().isEmpty() ? "" : " " + c.errors()));
        plan.stomp().filter(StompLoad::receipts).ifPresent(st -> out.add("receipts: " + c.receipts()
                + " (a SUBSCRIBE and every SEND asked for one)"));
        out.add(String.format(Locale.ROOT, "throughput: %.1f %s/s over %.1f s (%d connections × %s/s asked)",
                latency.perSecond(), plan.answers(), latency.seconds(), c.wanted(),
                plan.rate()));
        out.add((plan.stomp().isPresent() ? "latency from intended SEND to MESSAGE, ms: " : "latency from intended send, ms: ") + percentiles(latency.total()));
        out.add("round trip from actual send, ms: " + percentiles(serviceTime));
        out.add("handshake, ms: " + percentiles(handshakes));
        out.add(lag.line());
        return out;
    }

    /** p50, p90, p99, p99.9 and max of {@code h} in milliseconds. */
    public static String percentiles(Histogram h) {
        return String.format(Locale.ROOT, "p50 %.2f p90 %.2f p99 %.2f p99.9 %.2f max %.2f (n=%d)",
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(90) / 1e6, h.getValueAtPercentile(99) / 1e6,
                h.getValueAtPercentile(99.9) / 1e6, h.getMaxValue() / 1e6, h.getTotalCount());
    }
}
