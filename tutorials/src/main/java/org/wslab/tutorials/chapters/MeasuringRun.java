package org.wslab.tutorials.chapters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.wslab.tutorials.live.ChapterFailure;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;
import org.wslab.tutorials.measuring.FirstCalls;
import org.wslab.tutorials.measuring.JmhMistakes;

/**
 * Chapter 8, "Measuring": runs two small JMH benchmarks for real — the dead-code and
 * constant-folding mistakes beside the right way, and the first single-shot calls of RFC 6455
 * §5.3 masking before the JIT has compiled it — and includes the benchmark report
 * ({@code ./wslab bench}) when one has been written.
 */
public final class MeasuringRun implements ChapterRun {
    /** The charts of the report the chapter shows, when that run drew them. */
    private static final List<String> CHARTS = List.of("MaskingBench-bandwidth.svg", "FrameDecodeBench-bandwidth.svg",
            "EchoServerBench-time.svg", "UpdateDeliveryBench-time.svg", "UpdateDeliveryBench-relative-time.svg");

    /** How many single calls the warm-up table times. */
    static final int SHOTS = 500;

    private final Path report;

    /** A run that looks for the benchmark report in {@code report} ({@code benchmarks/target/report}). */
    public MeasuringRun(Path report) {
        this.report = report;
    }

    /** The report of {@code ./wslab bench} in this checkout: under {@code $WSLAB_ROOT}, else near the working directory. */
    public static Path defaultReport() {
        String root = System.getenv("WSLAB_ROOT");
        Path base = root != null && !root.isBlank() ? Path.of(root) : Path.of("").toAbsolutePath();
        if (!Files.isDirectory(base.resolve("benchmarks")) && base.getParent() != null
                && Files.isDirectory(base.getParent().resolve("benchmarks"))) {
            base = base.getParent(); // run from inside a module (the tests)
        }
        return base.resolve("benchmarks/target/report");
    }

    @Override
    public void run(TourLab lab, Snippets snippets) throws Exception {
        mistakes(snippets);
        firstCalls(snippets);
        LoadRunPart.run(lab, snippets);
        report(snippets);
    }

    private static void mistakes(Snippets snippets) throws IOException, RunnerException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        // tag::options[]
        Options options = new OptionsBuilder()
                .include(JmhMistakes.class.getName())
                .forks(1) // <1>
                .warmupIterations(3).warmupTime(TimeValue.milliseconds(200)) // <2>
                .measurementIterations(5).measurementTime(TimeValue.milliseconds(200)) // <3>
                .build();
        Collection<RunResult> results = new Runner(options, format(printed)).run();
        // end::options[]
        snippets.write("ch08/jmh-summary.txt", summary(printed));
        Map<String, Double> ns = new TreeMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark();
            ns.put(method.substring(method.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        for (String m : List.of("emptyMethod", "resultUnused", "inputConstant", "measuredRight")) {
            if (!ns.containsKey(m)) {
                throw new ChapterFailure("JMH reported no result for JmhMistakes." + m);
            }
        }
        snippets.write("ch08/mistakes-verdict.adoc", verdict(ns));
    }

    /** What this run's numbers say, in sentences that stay true whatever the JIT did on this machine. */
    static String verdict(Map<String, Double> ns) {
        double right = ns.get("measuredRight");
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "On this run `measuredRight` took *%.2f ns* per call and the empty method "
                + "*%.2f ns*.", right, ns.get("emptyMethod")));
        b.append(judge(" `resultUnused`", ns.get("resultUnused"), right, "the JIT saw that nothing used what `mix` "
                + "computed and removed the call: the benchmark timed an empty method"));
        b.append(judge(" `inputConstant`", ns.get("inputConstant"), right, "the JIT computed `mix(CONSTANT)` once, "
                + "while compiling, and the benchmark timed the return of a constant"));
        return b.append('\n').toString();
    }

    private static String judge(String name, double took, double right, String removed) {
        if (took < right / 3) {
            return String.format(Locale.ROOT, "%s took %.2f ns, less than a third of `measuredRight`'s time: %s.",
                    name, took, removed);
        }
        return String.format(Locale.ROOT, "%s took %.2f ns, not far below `measuredRight`'s %.2f ns: on this run the"
                + " mistake cost no time that shows, which is no reason to trust it — the next JVM may optimise it"
                + " away, or `measuredRight` itself may have become a mistake.", name, took, right);
    }

    private static void firstCalls(Snippets snippets) throws IOException, RunnerException {
        Options options = new OptionsBuilder()
                .include(FirstCalls.class.getName())
                .forks(1).warmupIterations(0).measurementIterations(SHOTS)
                .build();
        RunResult result = new Runner(options, format(new ByteArrayOutputStream())).runSingle();
        List<Double> shots = new ArrayList<>();
        for (IterationResult i : result.getBenchmarkResults().iterator().next().getIterationResults()) {
            shots.add(i.getPrimaryResult().getScore());
        }
        if (shots.size() != SHOTS) {
            throw new ChapterFailure("JMH returned " + shots.size() + " single shots, not " + SHOTS);
        }
        List<Double> last = new ArrayList<>(shots.subList(SHOTS - 100, SHOTS));
        last.sort(null);
        double steady = last.get(last.size() / 2);
        StringBuilder b = new StringBuilder("[cols=\">1,>1,>1\",options=\"header\"]\n|===\n| call | µs | × steady state\n");
        for (int n : new int[] {1, 2, 3, 5, 10, 20, 50, 100, 200, 300, SHOTS}) {
            double v = shots.get(n - 1);
            b.append(String.format(Locale.ROOT, "| %d | %.1f | %.1f%n", n, v, v / steady));
        }
        b.append(String.format(Locale.ROOT, "| median of calls %d–%d | %.1f | 1.0%n|===%n", SHOTS - 99, SHOTS, steady));
        snippets.write("ch08/first-calls.adoc", b.toString());
    }

    private void report(Snippets snippets) throws IOException {
        Path adoc = report.resolve("results.adoc");
        StringBuilder b = new StringBuilder();
        if (!Files.isRegularFile(adoc)) {
            b.append("NOTE: No benchmark report was found in `").append(report).append("`, so this copy of the book "
                    + "has no results to show. Run `./wslab bench --quick` (about five minutes on two cores) or "
                    + "`./wslab bench` (about a quarter of an hour), then `./wslab tour` again: the tables and charts "
                    + "appear here.\n");
        } else {
            snippets.write("ch08/results.adoc", Files.readString(adoc, StandardCharsets.UTF_8));
            b.append("The report below was written by `./wslab bench` on ")
                    .append(Files.getLastModifiedTime(adoc).toString().substring(0, 10))
                    .append("; its numbers are from that run, not from this tour. Its full version, with every "
                            + "chart, is `benchmarks/target/report/index.html`.\n\n");
            for (String chart : CHARTS) {
                Path svg = report.resolve("charts").resolve(chart);
                if (Files.isRegularFile(svg)) {
                    Path copy = snippets.write("ch08/charts/" + chart, Files.readString(svg, StandardCharsets.UTF_8));
                    b.append("image::").append(copy).append("[").append(chart.replace(".svg", "")).append(",width=720]\n\n");
                }
            }
            b.append("include::").append(snippets.root().resolve("ch08/results.adoc")).append("[]\n");
        }
        snippets.write("ch08/report.adoc", b.toString());
    }

    private static org.openjdk.jmh.runner.format.OutputFormat format(ByteArrayOutputStream sink) {
        return OutputFormatFactory.createFormatInstance(new PrintStream(sink, true, StandardCharsets.UTF_8),
                VerboseMode.NORMAL);
    }

    /** JMH's own closing table ("Benchmark Mode Cnt Score Error Units"), as it printed it. */
    private static String summary(ByteArrayOutputStream printed) {
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("Benchmark ") && lines.get(i).contains("Score")) {
                start = i;
            }
        }
        if (start < 0) {
            throw new ChapterFailure("JMH printed no result table");
        }
        return String.join("\n", lines.subList(start, lines.size())).strip() + "\n";
    }
}
