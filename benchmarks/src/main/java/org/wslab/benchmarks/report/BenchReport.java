package org.wslab.benchmarks.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's report: the machine and JMH settings it was measured with, the comparisons grouped by
 * suite, the targets judged, and the benchmarks that failed. {@link #write} puts
 * {@code results.adoc} (for the book), {@code index.html} and its charts, and {@code targets.md}
 * (the targets as a Markdown table, for the README) into a directory; the
 * raw {@code results.json} is JMH's own and is written by the run.
 *
 * @param failures benchmarks that did not complete, each with the reason it gave
 */
public record BenchReport(Machine machine, JmhResults.Settings settings, List<Comparison> comparisons,
        List<Target.Judgement> judgements, List<String> failures) {

    /** Suites in the order the report shows them; others follow in the order they ran. */
    static final List<String> SUITE_ORDER = List.of("Masking", "Frame decode", "Frame encode", "UTF-8",
            "permessage-deflate", "Handshake", "STOMP", "End to end", "Polling vs WebSocket");

    /** The report of {@code run}. */
    public static BenchReport of(JmhResults.Run run, Machine machine, List<String> failures) {
        List<Comparison> comparisons = Comparison.of(run.measurements());
        Map<String, Comparison> bySimpleName = new LinkedHashMap<>();
        comparisons.forEach(c -> bySimpleName.put(c.simpleName(), c));
        List<Target.Judgement> judgements = Targets.all().stream().map(t -> t.judge(bySimpleName)).toList();
        return new BenchReport(machine, run.settings(), comparisons, judgements, List.copyOf(failures));
    }

    /** Comparisons by suite, in {@link #SUITE_ORDER}. */
    public Map<String, List<Comparison>> bySuite() {
        Map<String, List<Comparison>> out = new LinkedHashMap<>();
        SUITE_ORDER.forEach(s -> out.put(s, new ArrayList<>()));
        comparisons.forEach(c -> out.computeIfAbsent(c.suite(), k -> new ArrayList<>()).add(c));
        out.values().removeIf(List::isEmpty);
        return out;
    }

    /** How many targets have {@code verdict}. */
    public long count(Target.Verdict verdict) {
        return judgements.stream().filter(j -> j.verdict() == verdict).count();
    }

    /** Writes {@code results.adoc}, {@code index.html}, {@code targets.md} and {@code charts/} into {@code dir}. */
    public void write(Path dir) throws IOException {
        Path chartDir = Files.createDirectories(dir.resolve("charts"));
        // charts of an earlier render into the same directory would otherwise linger beside this run's
        try (var old = Files.newDirectoryStream(chartDir, "*.svg")) {
            for (Path p : old) {
                Files.delete(p);
            }
        }
        Map<Comparison, List<Charts.Drawn>> charts = Charts.draw(this, chartDir);
        Files.writeString(dir.resolve("results.adoc"), AdocReport.render(this));
        Files.writeString(dir.resolve("index.html"), HtmlReport.render(this, charts));
        Files.writeString(dir.resolve("targets.md"), TargetsMarkdown.render(this));
    }
}
