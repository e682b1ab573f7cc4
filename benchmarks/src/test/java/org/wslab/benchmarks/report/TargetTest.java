package org.wslab.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Targets judge the worst matching case, flag overlapping error bars, and say when nothing ran. */
class TargetTest {
    private static Measurement m(String method, String size, double nanos, double halfWidth, double alloc) {
        return new Measurement("org.example.FooBench", method, new TreeMap<>(Map.of("size", size)), nanos,
                nanos - halfWidth, nanos + halfWidth, alloc, Map.of());
    }

    private static Map<String, Comparison> compare(Measurement... ms) {
        Comparison c = Comparison.of(List.of(ms)).get(0);
        return Map.of(c.simpleName(), c);
    }

    @Test
    void theWorstMatchingRowDecides() {
        var all = compare(m("wslab", "16", 10, 1, 0), m("jetty", "16", 100, 1, 0),
                m("wslab", "125", 20, 1, 0), m("jetty", "125", 30, 1, 0));
        var target = new Target.Faster("t", "FooBench", "jetty", Map.of("size", Set.of("16", "125")), 2);
        Target.Judgement j = target.judge(all);
        assertEquals(Target.Verdict.MISSED, j.verdict());
        assertTrue(j.measured().startsWith("1.50×") && j.measured().contains("size=125"), j.measured());
        var only16 = new Target.Faster("t", "FooBench", "jetty", Map.of("size", Set.of("16")), 2);
        assertEquals(Target.Verdict.MET, only16.judge(all).verdict());
    }

    @Test
    void overlappingErrorBarsAreFlagged() {
        var all = compare(m("wslab", "16", 10, 3, 0), m("jetty", "16", 12, 3, 0));
        Target.Judgement j = new Target.Faster("t", "FooBench", "jetty", Map.of(), 1).judge(all);
        assertEquals(Target.Verdict.MET, j.verdict());
        assertTrue(j.noisy(), "10±3 and 12±3 overlap");
    }

    @Test
    void allocationBoundsAndShares() {
        var all = compare(m("wslab", "125", 10, 1, 144), m("spring", "125", 10, 1, 2000));
        assertEquals(Target.Verdict.MET, new Target.AllocatesAtMost("t", "FooBench", Map.of(),
                p -> Targets.payloadArray(p.get("size"))).judge(all).verdict());
        assertEquals(Target.Verdict.MET,
                new Target.AllocatesFraction("t", "FooBench", "spring", Map.of(), 0.1).judge(all).verdict());
        assertEquals(Target.Verdict.MISSED,
                new Target.AllocatesFraction("t", "FooBench", "spring", Map.of(), 0.05).judge(all).verdict());
        assertEquals(144.0, Targets.payloadArray("125"));
        assertEquals(32.0, Targets.payloadArray("16"));
    }

    @Test
    void absentBenchmarksAreNotMeasuredNotMet() {
        var all = compare(m("wslab", "16", 10, 1, 0));
        assertEquals(Target.Verdict.NOT_MEASURED,
                new Target.Faster("t", "FooBench", "jetty", Map.of(), 1).judge(all).verdict());
        assertEquals(Target.Verdict.NOT_MEASURED,
                new Target.Faster("t", "BarBench", "jetty", Map.of(), 1).judge(all).verdict());
    }
}
