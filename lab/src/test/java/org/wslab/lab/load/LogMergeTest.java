package org.wslab.lab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wslab.testkit.Props;

/**
 * Merging interval logs is HdrHistogram's own addition: two logs written apart (two processes, or
 * two machines) merge into exactly the histogram of the same samples recorded together.
 */
class LogMergeTest {
    @TempDir
    Path dir;

    // property: for any samples split anywhere into two logs of one-second intervals, merge(a, b) = record(all)
    @Test
    void mergingTwoLogsEqualsRecordingTheirSamplesTogether() {
        Props.qt(25).forAll(lists().of(longs().between(1, LoadTally.MAX_NANOS)).ofSizeBetween(0, 200),
                integers().between(0, 300), integers().between(1, 4)).checkAssert((samples, cut, perInterval) -> {
            int at = Math.min(cut, samples.size());
            Histogram together = new Histogram(LoadTally.MAX_NANOS, 3);
            samples.forEach(together::recordValue);
            LogMerge.Merged m = merge(List.of(log("a", samples.subList(0, at), perInterval),
                    log("b", samples.subList(at, samples.size()), perInterval + 1)));
            assertEquals(counts(together), counts(m.latency().total()));
            assertEquals(together.getMaxValue(), m.latency().total().getMaxValue());
            assertEquals(samples.size(), m.latency().each().stream().mapToLong(Intervals.Interval::count).sum());
            assertEquals(0, m.handshakes().getTotalCount());
        });
    }

    /** A log of {@code samples}, {@code perInterval} to a one-second interval, as {@code load --hdr-log} writes. */
    private Path log(String name, List<Long> samples, int perInterval) {
        try {
            Path file = Files.createTempFile(dir, name, ".hlog");
            try (PrintStream out = new PrintStream(Files.newOutputStream(file), false, "UTF-8")) {
                HistogramLogWriter w = new HistogramLogWriter(out);
                w.outputLogFormatVersion();
                w.outputStartTime(1_000_000);
                w.outputLegend();
                for (int i = 0; i < samples.size(); i += perInterval) {
                    Histogram h = new Histogram(LoadTally.MAX_NANOS, 3);
                    samples.subList(i, Math.min(samples.size(), i + perInterval)).forEach(h::recordValue);
                    h.setStartTimeStamp(1_000_000 + i * 1000L);
                    h.setEndTimeStamp(1_000_000 + i * 1000L + 1000);
                    w.outputIntervalHistogram(h);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LogMerge.Merged merge(List<Path> logs) {
        try {
            return LogMerge.merge(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every recorded value's equivalence-range bottom and count. */
    private static List<List<Long>> counts(Histogram h) {
        return java.util.stream.StreamSupport.stream(h.recordedValues().spliterator(), false)
                .map(v -> List.of(h.lowestEquivalentValue(v.getValueIteratedTo()), v.getCountAtValueIteratedTo()))
                .toList();
    }
}
