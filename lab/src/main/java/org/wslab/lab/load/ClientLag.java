package org.wslab.lab.load;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Whether the load generator kept its own schedule: how late it sent against the intended times
 * when nothing from the server held it back, and how busy its process was. When it fell behind,
 * the latencies say as much about the client as about the server, and the report says so instead
 * of blaming the server. The verdict: the client was the bottleneck when more than
 * {@link #LATE_FRACTION} of its sends were later than the threshold, or its process used at least
 * {@link #CPU_SATURATED} of the machine's CPU on average.
 *
 * @param sendLag          how late each send was (nanoseconds), when not held back by the server
 * @param late             sends later than the threshold
 * @param heldBack         sends the server held back (a full window or outbound queue), not counted as lag
 * @param thresholdNanos   the lag a send may have
 * @param processCpuMean   the process's mean share of all the machine's CPUs, 0–1 (negative: unknown)
 * @param processCpuMax    the process's highest one-second share
 * @param systemCpuMean    the whole machine's mean load, 0–1 (negative: unknown)
 */
public record ClientLag(Histogram sendLag, long late, long heldBack, long thresholdNanos, double processCpuMean,
                        double processCpuMax, double systemCpuMean) {
    /** The share of late sends above which the client is the bottleneck. */
    public static final double LATE_FRACTION = 0.01;
    /** The mean process CPU share at which the client is the bottleneck. */
    public static final double CPU_SATURATED = 0.9;

    /** Whether the client, not the server, limited the run. */
    public boolean clientBound() {
        long sends = sendLag.getTotalCount();
        return (sends > 0 && late > LATE_FRACTION * sends) || processCpuMean >= CPU_SATURATED;
    }

    /** The verdict in one line. */
    public String line() {
        String facts = String.format(Locale.ROOT, "send lag p99 %.2f ms max %.2f ms, %d of %d sends later than %.1f ms,"
                        + " %d held back by the server; client CPU mean %s max %s, machine %s",
                sendLag.getValueAtPercentile(99) / 1e6, sendLag.getMaxValue() / 1e6, late, sendLag.getTotalCount(),
                thresholdNanos / 1e6, heldBack, percent(processCpuMean), percent(processCpuMax), percent(systemCpuMean));
        return clientBound()
                ? "CLIENT WAS THE BOTTLENECK: it fell behind its own schedule, so the latencies are not the server's"
                        + " alone (" + facts + ")"
                : "client kept its schedule (" + facts + ")";
    }

    private static String percent(double share) {
        return share < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
