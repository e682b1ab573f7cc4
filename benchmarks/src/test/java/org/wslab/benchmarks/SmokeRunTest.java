package org.wslab.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Every benchmark method compiled into this module runs once, for one short iteration, with
 * the first value of each of its parameters (by convention the smallest): its set-up (where
 * the implementations must agree) and its body complete and give a score. No time is asserted.
 * In-process (no fork) so it fits in {@code mvn test}; the report's runs fork.
 */
class SmokeRunTest {
    private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

    @TestFactory
    Stream<DynamicTest> everyBenchmarkRunsOnce() {
        var entries = BenchmarkList.defaultList()
                .getAll(OutputFormatFactory.createFormatInstance(SILENT, VerboseMode.SILENT), List.of());
        assertFalse(entries.isEmpty(), "no benchmarks compiled (META-INF/BenchmarkList missing)");
        return entries.stream().sorted().map(e -> DynamicTest.dynamicTest(e.getUsername(), () -> runOnce(e)));
    }

    private static void runOnce(BenchmarkListEntry entry) throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("^" + Pattern.quote(entry.getUsername()) + "$")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(20))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
        if (entry.getParams().hasValue()) {
            for (Map.Entry<String, String[]> p : entry.getParams().get().entrySet()) {
                options.param(p.getKey(), p.getValue()[0]);
            }
        }
        Collection<RunResult> results = new Runner(options.build(),
                OutputFormatFactory.createFormatInstance(SILENT, VerboseMode.SILENT)).run();
        assertEquals(1, results.size(), entry.getUsername() + " gave no result");
        double score = results.iterator().next().getPrimaryResult().getScore();
        assertTrue(score > 0 && Double.isFinite(score), entry.getUsername() + " scored " + score);
    }
}
