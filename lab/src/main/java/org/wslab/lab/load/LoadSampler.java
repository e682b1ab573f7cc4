package org.wslab.lab.load;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * The one reader of a {@link LoadTally}, called about once a second: takes each recorder's interval,
 * adds it to the run's totals, writes it to the interval log (HdrHistogram's format, latencies
 * untagged and handshakes tagged {@value #HANDSHAKE_TAG}), samples the process's CPU
 * ({@link CpuShare}) and prints the progress line on stderr.
 */
final class LoadSampler {
    /** The tag of the handshake intervals in a log. */
    static final String HANDSHAKE_TAG = "handshake";

    private final LoadTally tally;
    private final PrintWriter progress;
    private final Optional<HistogramLogWriter> log;
    private final long startNanos = System.nanoTime();
    private final Histogram latency = new Histogram(LoadTally.MAX_NANOS, 3);
    private final Histogram handshakes = new Histogram(LoadTally.MAX_NANOS, 3);
    private final Histogram sendLag = new Histogram(LoadTally.MAX_NANOS, 3);
    private final List<Intervals.Interval> intervals = new ArrayList<>();
    private final CpuShare cpu = new CpuShare();
    private final String answers;
    private long lastSent;

    /** {@code answers} names what comes back in the progress line: echoes, or STOMP MESSAGEs. */
    LoadSampler(LoadTally tally, PrintWriter progress, Optional<HistogramLogWriter> log, String answers) {
        this.tally = tally;
        this.answers = answers;
        this.progress = progress;
        this.log = log;
    }

    /** Takes one interval; prints progress when {@code print}. */
    synchronized void sample(boolean print) {
        Histogram lat = tally.latencyInterval();
        Histogram hs = tally.handshakeInterval();
        latency.add(lat);
        handshakes.add(hs);
        sendLag.add(tally.sendLagInterval());
        intervals.add(new Intervals.Interval(lat.getStartTimeStamp(), lat.getEndTimeStamp(), lat.getTotalCount(),
                lat.getValueAtPercentile(99), lat.getMaxValue()));
        log.ifPresent(w -> {
            w.outputIntervalHistogram(lat);
            if (hs.getTotalCount() > 0) {
                hs.setTag(HANDSHAKE_TAG);
                w.outputIntervalHistogram(hs);
            }
        });
        cpu.sample();
        if (print) {
            long sent = tally.scale.sentCount();
            progress.printf(Locale.ROOT, "wslab load: %.0fs, %d connections open, %d sent/s, %.0f %s/s, p99 %.2f ms%n",
                    (System.nanoTime() - startNanos) / 1e9, tally.scale.held(), sent - lastSent,
                    intervals.get(intervals.size() - 1).perSecond(), answers, lat.getValueAtPercentile(99) / 1e6);
            progress.flush();
            lastSent = sent;
        }
    }

    synchronized Intervals latency() {
        return new Intervals(latency.copy(), intervals);
    }

    synchronized Histogram handshakes() {
        return handshakes.copy();
    }

    synchronized ClientLag lag(long thresholdNanos) {
        return new ClientLag(sendLag.copy(), tally.late(), tally.heldBackCount(), thresholdNanos, cpu.processMean(),
                cpu.processMax(), cpu.systemMean());
    }
}
