package org.wslab.tutorials.chapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;

/**
 * Chapter 8 runs JMH for real (forked JVMs) and writes JMH's own result table, the single-shot
 * table and the report section — the report's tables when {@code ./wslab bench} wrote one, else a
 * note saying how to produce it.
 */
class MeasuringRunTest {
    @TempDir
    Path dir;

    @Test
    void runsTheBenchmarksAndSaysHowToGetAReportWhenThereIsNone() throws Exception {
        Snippets snippets = new Snippets(dir.resolve("snippets"));
        try (TourLab lab = TourLab.start()) {
            new MeasuringRun(dir.resolve("no-report")).run(lab, snippets);
        }
        String summary = read(snippets, "ch08/jmh-summary.txt");
        for (String m : new String[] {"emptyMethod", "resultUnused", "inputConstant", "measuredRight", "avgt"}) {
            assertTrue(summary.contains(m), summary);
        }
        assertTrue(read(snippets, "ch08/mistakes-verdict.adoc").contains("`measuredRight` took"));
        String shots = read(snippets, "ch08/first-calls.adoc");
        assertEquals(13, shots.lines().filter(l -> l.startsWith("| ")).count(), shots); // header, 11 calls, the median
        assertTrue(shots.contains("| median of calls 401–500 |") && shots.contains("| 500 |"), shots);
        assertTrue(read(snippets, "ch08/report.adoc").contains("./wslab bench --quick"));
        String load = read(snippets, "ch08/load.txt");
        assertTrue(load.contains("lost 0") && load.contains("latency from intended send"), load);
        assertTrue(Files.readString(snippets.root().resolve("ch08/load/latency.svg")).contains("<svg"));
    }

    @Test
    void includesTheReportAndItsChartsWhenOneWasWritten() throws Exception {
        Path report = Files.createDirectories(dir.resolve("report/charts"));
        Files.writeString(report.getParent().resolve("results.adoc"), "== Benchmark results\n\nMeasured here.\n");
        Files.writeString(report.resolve("MaskingBench-bandwidth.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Snippets snippets = new Snippets(dir.resolve("snippets"));
        try (TourLab lab = TourLab.start()) {
            new MeasuringRun(report.getParent()).run(lab, snippets);
        }
        String section = read(snippets, "ch08/report.adoc");
        assertTrue(section.contains("include::" + snippets.root().resolve("ch08/results.adoc") + "[]"), section);
        assertTrue(section.contains("image::" + snippets.root().resolve("ch08/charts/MaskingBench-bandwidth.svg")), section);
        assertTrue(read(snippets, "ch08/results.adoc").contains("Measured here."));
    }

    @Test
    void theVerdictNamesWhatTheJitRemovedAndWhatItKept() {
        String removed = MeasuringRun.verdict(Map.of("emptyMethod", 0.4, "resultUnused", 0.4, "inputConstant", 2.0,
                "measuredRight", 12.0));
        assertTrue(removed.contains("removed the call") && removed.contains("computed `mix(CONSTANT)` once"), removed);
        String kept = MeasuringRun.verdict(Map.of("emptyMethod", 0.4, "resultUnused", 11.0, "inputConstant", 12.5,
                "measuredRight", 12.0));
        assertTrue(kept.contains("the mistake cost no time that shows") && !kept.contains("removed the call"), kept);
    }

    private static String read(Snippets snippets, String name) throws Exception {
        return Files.readString(snippets.root().resolve(name));
    }
}
