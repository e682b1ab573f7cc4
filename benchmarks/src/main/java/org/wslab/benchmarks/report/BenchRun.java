package org.wslab.benchmarks.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.regex.Pattern;
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
 * per benchmark. {@code quick} trades precision for time (1 × 500 ms warm-up, 3 × 100 ms measured,
 * fewer sizes in the longest sweeps); the full run warms 2 × 1 s and measures 5 × 500 ms. Every
 * fork gets the same heap: at most 3 GiB (the 256 MiB sweeps hold several buffers) with a fixed
 * 64 MiB young generation, which a short run cycles within its warm-up. A young generation sized
 * to a large heap is still untouched memory after seconds, and first-touch page faults then
 * cost an allocating implementation many times its own work (a copying 64 KiB decode measured
 * 10–50× slower), a cost no steady-state server pays.
 */
final class BenchRun {
    private BenchRun() {}

    /** What to run and where the results go. */
    record Plan(boolean quick, List<String> includes, List<String> excludes, Path out) {}

    /** One benchmark method and how many parameter combinations it runs. */
    record Selected(String name, int combinations, Map<String, String[]> params) {}

    /**
     * Sizes {@code --quick} leaves out, to stay within minutes: the masking sweep keeps its ends
     * and the 64 KiB the targets name (16 B, 64 KiB, 256 MiB), permessage-deflate its
     * 64 KiB messages. Every suite and every baseline still runs.
     */
    static final Map<String, Map<String, String[]>> QUICK_PARAMS = Map.of(
            "MaskingBench", Map.of("size", new String[] {"16", "65536", "268435456"}),
            "DeflateRoundTripBench", Map.of("size", new String[] {"65536"}));

    /** The benchmarks {@code plan} selects, by name, with the parameter values they will run. */
    static List<Selected> select(Plan plan) {
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        SortedSet<BenchmarkListEntry> found = BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT),
                plan.includes().isEmpty() ? List.of(".*") : plan.includes(), plan.excludes());
        return found.stream().map(e -> {
            Map<String, String[]> params = new TreeMap<>(e.getParams().hasValue() ? e.getParams().get() : Map.of());
            if (plan.quick()) {
                params.putAll(QUICK_PARAMS.getOrDefault(simpleClass(e.getUsername()), Map.of()));
            }
            int n = params.values().stream().mapToInt(v -> v.length).reduce(1, (a, b) -> a * b);
            return new Selected(e.getUsername(), n, Map.copyOf(params));
        }).toList();
    }

    /**
     * Runs them, one JMH run per benchmark class (so each class gets its own parameter values),
     * and joins the runs' JSON into {@code results.json}; returns the benchmarks that failed, each
     * with its reason.
     */
    static List<String> run(Plan plan, List<Selected> selected, PrintStream progress) throws RunnerException, IOException {
        int total = selected.stream().mapToInt(Selected::combinations).sum();
        ProgressFormat format = new ProgressFormat(progress, total);
        Map<String, List<Selected>> byClass = new LinkedHashMap<>();
        selected.forEach(s -> byClass.computeIfAbsent(s.name().substring(0, s.name().lastIndexOf('.')),
                k -> new ArrayList<>()).add(s));
        Path parts = Files.createDirectories(plan.out().resolve("parts"));
        ObjectMapper json = new ObjectMapper();
        ArrayNode all = json.createArrayNode();
        int n = 0;
        for (List<Selected> methods : byClass.values()) {
            Path part = parts.resolve("results-" + (++n) + ".json");
            Files.deleteIfExists(part);
            ChainedOptionsBuilder options = options(plan, part);
            methods.forEach(s -> options.include("^" + Pattern.quote(s.name()) + "$"));
            methods.get(0).params().forEach(options::param);
            new Runner(options.build(), format).run();
            if (Files.isRegularFile(part)) {
                json.readTree(part.toFile()).forEach(all::add);
            }
        }
        json.writerWithDefaultPrettyPrinter().writeValue(plan.out().resolve("results.json").toFile(), all);
        List<String> failures = format.failures();
        if (all.isEmpty() && failures.isEmpty()) {
            return List.of("the run gave no results");
        }
        return failures;
    }

    private static ChainedOptionsBuilder options(Plan plan, Path result) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .addProfiler(GCProfiler.class)
                .result(result.toString())
                .resultFormat(ResultFormatType.JSON)
                .shouldFailOnError(false)
                .jvmArgsAppend("-Xmx3g", "-Xmn64m", "-Djava.awt.headless=true")
                .timeout(TimeValue.seconds(120))
                .forks(1);
        if (plan.quick()) {
            options.warmupIterations(1).warmupTime(TimeValue.milliseconds(QUICK_WARMUP_MILLIS))
                    .measurementIterations(3).measurementTime(TimeValue.milliseconds(QUICK_MILLIS));
        } else {
            options.warmupIterations(2).warmupTime(TimeValue.seconds(1))
                    .measurementIterations(5).measurementTime(TimeValue.milliseconds(FULL_MILLIS));
        }
        return options;
    }

    /** Each iteration's length with {@code --quick}, and measured iterations' in a full run. */
    static final int QUICK_WARMUP_MILLIS = 500;
    static final int QUICK_MILLIS = 100;
    static final int FULL_MILLIS = 500;

    private static String simpleClass(String benchmark) {
        String cls = benchmark.substring(0, benchmark.lastIndexOf('.'));
        return cls.substring(cls.lastIndexOf('.') + 1);
    }
}
