package org.wslab.benchmarks.report;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the selected benchmarks with JMH the same way every time: each benchmark in its own
 * forked JVM, {@code -prof gc}, JMH's JSON written to {@code results.json}, one progress line
 * per benchmark. {@code quick} trades precision for time (1 fork, 1 × 300 ms warm-up, 3 × 300 ms
 * measured); the full run warms 3 × 1 s and measures 5 × 1 s.
 */
final class BenchRun {
    private BenchRun() {}

    /** What to run and where the results go. */
    record Plan(boolean quick, List<String> includes, List<String> excludes, Path out) {}

    /** One benchmark method and how many parameter combinations it runs. */
    record Selected(String name, int combinations, Map<String, String[]> params) {}

    /** The benchmarks {@code plan} selects, by name. */
    static List<Selected> select(Plan plan) {
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        SortedSet<BenchmarkListEntry> found = BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT),
                plan.includes().isEmpty() ? List.of(".*") : plan.includes(), plan.excludes());
        return found.stream().map(e -> {
            Map<String, String[]> params = e.getParams().hasValue() ? e.getParams().get() : Map.of();
            int n = params.values().stream().mapToInt(v -> v.length).reduce(1, (a, b) -> a * b);
            return new Selected(e.getUsername(), n, params);
        }).toList();
    }

    /** Runs them; returns the benchmarks that failed, each with its reason. */
    static List<String> run(Plan plan, List<Selected> selected, PrintStream progress) throws RunnerException {
        int total = selected.stream().mapToInt(Selected::combinations).sum();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .addProfiler(GCProfiler.class)
                .result(plan.out().resolve("results.json").toString())
                .resultFormat(ResultFormatType.JSON)
                .shouldFailOnError(false)
                .jvmArgsAppend("-Xmx3g", "-Djava.awt.headless=true")
                .timeout(TimeValue.seconds(120));
        selected.forEach(s -> options.include("^" + java.util.regex.Pattern.quote(s.name()) + "$"));
        if (plan.quick()) {
            options.forks(1).warmupIterations(1).warmupTime(TimeValue.milliseconds(300))
                    .measurementIterations(3).measurementTime(TimeValue.milliseconds(300));
        } else {
            options.forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.seconds(1));
        }
        ProgressFormat format = new ProgressFormat(progress, total);
        Collection<?> results = new Runner(options.build(), format).run();
        List<String> failures = format.failures();
        if (results.isEmpty() && failures.isEmpty()) {
            return List.of("the run gave no results");
        }
        return failures;
    }
}
