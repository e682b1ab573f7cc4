package org.wslab.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * A real (short, in-process) JMH run of the accept-key comparison, read back and rendered: the
 * report's files exist, hold the run's own numbers, and name the machine and settings.
 */
class ReportWriteTest {
    @TempDir
    static Path dir;

    static JmhResults.Run run;

    @BeforeAll
    static void measure() throws Exception {
        new Runner(new OptionsBuilder().include("AcceptKeyBench").forks(0).warmupIterations(0)
                .measurementIterations(3).measurementTime(TimeValue.milliseconds(30))
                .addProfiler(GCProfiler.class).result(dir.resolve("results.json").toString())
                .resultFormat(ResultFormatType.JSON).build(),
                OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()),
                        VerboseMode.SILENT)).run();
        run = JmhResults.read(dir.resolve("results.json"));
    }

    @Test
    void readsEveryMeasurementWithItsIntervalAndAllocation() {
        assertEquals(2, run.measurements().size());
        for (Measurement m : run.measurements()) {
            assertEquals("org.wslab.benchmarks.handshake.AcceptKeyBench", m.className());
            assertTrue(m.nanos() > 0, m.toString());
            assertTrue(m.hasInterval() && m.lowNanos() <= m.nanos() && m.nanos() <= m.highNanos(), m.toString());
            assertTrue(m.allocBytes() > 0, "SHA-1 and Base64 allocate: " + m);
        }
        assertEquals(3, run.settings().measurementIterations());
        assertEquals("1.37", run.settings().jmhVersion());
    }

    @Test
    void writesTablesWithRatiosChartsAndTheMachine() throws Exception {
        BenchReport report = BenchReport.of(run, Machine.current(), List.of());
        report.write(dir);
        String adoc = Files.readString(dir.resolve("results.adoc"));
        String html = Files.readString(dir.resolve("index.html"));
        Comparison c = report.comparisons().get(0);
        double ratio = c.rows().get(0).ratio("jdk").orElseThrow();
        assertTrue(adoc.contains("==== Sec-WebSocket-Accept from a key"), adoc);
        assertTrue(adoc.contains(Format.ratio(ratio)), "the ratio of this run is in the table: " + Format.ratio(ratio));
        assertTrue(adoc.contains(Machine.current().cpu()) && adoc.contains("3 × 30 ms measured"), adoc);
        assertTrue(html.contains("<h3 id=\"AcceptKeyBench\">") && html.contains(Format.ratio(ratio)));
        assertTrue(html.contains("not measured"), "targets whose benchmarks did not run say so");
        assertTrue(Files.readString(dir.resolve("targets.md")).contains("| not measured |"), "targets.md written");
        assertEquals(Targets.all().size(), report.count(Target.Verdict.NOT_MEASURED));
        try (Stream<Path> charts = Files.list(dir.resolve("charts"))) {
            List<Path> svgs = charts.toList();
            assertTrue(svgs.size() >= 1, "charts drawn");
            for (Path svg : svgs) {
                assertTrue(Files.readString(svg).contains("<svg"), svg + " is SVG");
                assertTrue(html.contains("charts/" + svg.getFileName()), "the page shows " + svg.getFileName());
            }
        }
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing fetched from the network");
    }
}
