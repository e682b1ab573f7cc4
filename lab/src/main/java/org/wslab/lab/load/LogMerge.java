package org.wslab.lab.load;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Merges HdrHistogram interval logs — from one run or from several processes or machines running
 * at once — into one report, the HdrHistogram way: every interval histogram added into the total,
 * and intervals that began in the same wall-clock second added into one, so the throughput over
 * time is the sum over all the logs. Untagged intervals are latencies; those tagged
 * {@value LoadSampler#HANDSHAKE_TAG} are opening handshakes (RFC 6455 §4.1). The merged histograms
 * grow to any value a log holds (auto-resizing), whatever tool wrote it.
 */
public final class LogMerge {
    private LogMerge() {}

    /**
     * What the logs hold together.
     *
     * @param latency    the latencies, with per-second intervals
     * @param handshakes the handshake times
     * @param logs       how many logs were read
     */
    public record Merged(Intervals latency, Histogram handshakes, int logs) {}

    /** Reads and merges {@code logs}. */
    public static Merged merge(List<Path> logs) throws FileNotFoundException {
        Histogram total = new Histogram(3);
        Histogram handshakes = new Histogram(3);
        Map<Long, Histogram> bySecond = new TreeMap<>();
        for (Path log : logs) {
            HistogramLogReader reader = new HistogramLogReader(log.toFile());
            try {
                EncodableHistogram e;
                while ((e = reader.nextIntervalHistogram()) != null) {
                    if (!(e instanceof Histogram h)) {
                        continue; // a DoubleHistogram is no latency of ours
                    }
                    if (LoadSampler.HANDSHAKE_TAG.equals(h.getTag())) {
                        handshakes.add(h);
                        continue;
                    }
                    total.add(h);
                    long second = Math.floorDiv(h.getStartTimeStamp(), 1000);
                    bySecond.computeIfAbsent(second, s -> {
                        Histogram one = new Histogram(3);
                        one.setStartTimeStamp(s * 1000);
                        one.setEndTimeStamp(s * 1000 + 1000);
                        return one;
                    }).add(h);
                }
            } finally {
                reader.close();
            }
        }
        List<Intervals.Interval> each = new ArrayList<>();
        bySecond.values().forEach(h -> each.add(new Intervals.Interval(h.getStartTimeStamp(), h.getEndTimeStamp(),
                h.getTotalCount(), h.getValueAtPercentile(99), h.getMaxValue())));
        return new Merged(new Intervals(total, each), handshakes, logs.size());
    }
}
