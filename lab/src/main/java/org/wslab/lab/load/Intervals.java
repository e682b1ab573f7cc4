package org.wslab.lab.load;

import java.util.List;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * Latencies over a run: all of them in one histogram, and per interval (about a second each) how
 * many echoes came and their 99th percentile — what the throughput-over-time chart and the
 * interval log show. Built live by a {@link LoadRun} or merged from interval logs by {@link LogMerge}.
 *
 * @param total the whole run's latencies, nanoseconds
 * @param each  the intervals, in time order
 */
public record Intervals(Histogram total, List<Interval> each) {
    public Intervals {
        Objects.requireNonNull(total, "total");
        each = List.copyOf(each);
    }

    /**
     * One interval.
     *
     * @param startMs epoch milliseconds when it began
     * @param endMs   epoch milliseconds when it ended
     * @param count   latencies recorded in it (echoes or deliveries)
     * @param p99     their 99th percentile, nanoseconds
     * @param max     their maximum, nanoseconds
     */
    public record Interval(long startMs, long endMs, long count, long p99, long max) {
        /** Echoes a second in this interval. */
        public double perSecond() {
            return endMs > startMs ? count * 1000.0 / (endMs - startMs) : 0;
        }
    }

    /** Seconds from the first interval's start to the last one's end; 0 when there is none. */
    public double seconds() {
        return each.isEmpty() ? 0 : (each.get(each.size() - 1).endMs() - each.get(0).startMs()) / 1000.0;
    }

    /** Latencies a second over the whole run. */
    public double perSecond() {
        double s = seconds();
        return s > 0 ? total.getTotalCount() / s : 0;
    }

    /** The value at {@code percentile}, in milliseconds. */
    public double ms(double percentile) {
        return total.getValueAtPercentile(percentile) / 1e6;
    }

    /** The maximum, in milliseconds. */
    public double maxMs() {
        return total.getMaxValue() / 1e6;
    }
}
