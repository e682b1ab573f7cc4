package org.wslab.benchmarks.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code wslab bench}: runs the JMH suites (or re-renders a past run) and writes the report —
 * {@code results.json} (JMH's own JSON), {@code results.adoc} (tables with ratios, for the book),
 * {@code index.html} with SVG charts, {@code machine.json}. Exit 0 when every benchmark ran, 1
 * when one failed (its implementations disagreed, or it threw), 2 for a usage or file error.
 */
@Command(name = "wslab bench", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Runs wslab's JMH benchmarks against Jetty, Netty, Spring and the JDK in the same run, "
                + "and writes a report: index.html (tables and charts), results.adoc (for the book), results.json (raw JMH).",
                "Targets the project holds itself to are judged from the run and marked met or missed."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every selected benchmark ran (targets may still be missed: see the report)",
                "1:a benchmark failed (implementations disagreed, or it threw)", "2:usage or file error"})
public final class BenchMain implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Option(names = "--quick", description = "few, short iterations (1 × 500 ms warm-up, 3 × 100 ms measured; masking "
            + "and deflate at fewer sizes): under five minutes on 2 cores, wider error bars. Without it: 2 × 1 s warm-up, "
            + "5 × 500 ms measured, every size")
    boolean quick;

    @Option(names = "--include", paramLabel = "REGEX", description = "run only benchmarks whose name "
            + "(org.wslab.benchmarks.<suite>.<Class>.<method>) this finds; repeatable")
    List<String> includes = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "REGEX", description = "skip benchmarks whose name this finds; repeatable")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "where the report goes (default: ${DEFAULT-VALUE})")
    Path out = defaultOut();

    @Option(names = "--list", description = "list the selected benchmarks and their parameters, run nothing")
    boolean list;

    @Option(names = "--from", paramLabel = "FILE", description = "re-render the report from a results.json of an "
            + "earlier run (its machine.json is read from beside it), run nothing")
    Path from;

    private final PrintStream stdout;
    private final PrintStream stderr;

    BenchMain(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the command; returns its exit code. */
    static int run(PrintStream stdout, PrintStream stderr, String... args) {
        CommandLine cli = new CommandLine(new BenchMain(stdout, stderr));
        cli.setOut(new java.io.PrintWriter(stdout, true));
        cli.setErr(new java.io.PrintWriter(stderr, true));
        cli.setParameterExceptionHandler((e, a) -> {
            stderr.println("wslab: " + e.getMessage() + " (see wslab bench --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            stderr.println("wslab: " + oneLine(e));
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        for (String regex : concat(includes, excludes)) {
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                return usage("not a regular expression: " + regex + " (" + e.getDescription() + ")");
            }
        }
        if (from != null) {
            return render(from);
        }
        BenchRun.Plan plan = new BenchRun.Plan(quick, includes, excludes, out.toAbsolutePath());
        List<BenchRun.Selected> selected = BenchRun.select(plan);
        if (selected.isEmpty()) {
            return usage("no benchmark matches " + describeSelection() + " (wslab bench --list shows them all)");
        }
        if (list) {
            selected.forEach(s -> stdout.println(s.name() + paramsText(s)));
            return 0;
        }
        try {
            Files.createDirectories(plan.out());
        } catch (IOException e) {
            return usage("cannot write the report to " + plan.out() + ": " + oneLine(e));
        }
        if (!Boolean.getBoolean("jmh.ignoreLock") && anotherRunHoldsTheLock()) {
            return usage("another benchmark run is measuring on this machine (it holds JMH's lock "
                    + jmhLock() + "); wait for it to end: two runs at once measure each other");
        }
        int runs = selected.stream().mapToInt(BenchRun.Selected::combinations).sum();
        stderr.printf("wslab: running %d benchmarks (%d with their parameters)%s; report in %s%n", selected.size(), runs,
                quick ? ", quick" : "", plan.out());
        Machine machine = Machine.current();
        machine.write(plan.out());
        long start = System.nanoTime();
        List<String> failures = BenchRun.run(plan, selected, stderr);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        BenchReport report;
        try {
            report = BenchReport.of(JmhResults.read(plan.out().resolve("results.json")), machine, failures);
        } catch (IllegalStateException e) { // a benchmark's declared fact could not be given: the measurements stay
            stderr.println("wslab: the report was not written: " + oneLine(e) + "; the measurements are kept in "
                    + plan.out().resolve("results.json") + " (wslab bench --from FILE renders them once it is fixed)");
            return 1;
        }
        report.write(plan.out());
        summary(report, took);
        return failures.isEmpty() ? 0 : 1;
    }

    private int render(Path results) throws IOException {
        if (!Files.isRegularFile(results)) {
            return usage("no such results file: " + results);
        }
        JmhResults.Run run;
        try {
            run = JmhResults.read(results);
        } catch (IOException | RuntimeException e) {
            return usage(results + " is not JMH's JSON output: " + oneLine(e));
        }
        Path dir = results.toAbsolutePath().getParent();
        BenchReport report;
        try {
            report = BenchReport.of(run, Machine.readOrUnknown(dir), List.of());
        } catch (IllegalStateException e) {
            return usage("cannot render " + results + ": " + oneLine(e));
        }
        Files.createDirectories(out);
        if (!Files.isSameFile(dir, out) && !Files.exists(out.resolve("results.json"))) {
            Files.copy(results, out.resolve("results.json"));
        }
        report.write(out);
        summary(report, null);
        return 0;
    }

    private void summary(BenchReport report, Duration took) {
        for (Target.Judgement j : report.judgements()) {
            if (j.verdict() == Target.Verdict.MISSED) {
                stderr.println("wslab: target missed: " + j.target().text() + " — measured " + j.measured());
            }
        }
        stderr.printf("wslab: targets %d met, %d missed, %d not measured%s%n", report.count(Target.Verdict.MET),
                report.count(Target.Verdict.MISSED), report.count(Target.Verdict.NOT_MEASURED),
                took == null ? "" : String.format("; took %d min %02d s", took.toMinutes(), took.toSecondsPart()));
        report.failures().forEach(f -> stderr.println("wslab: benchmark failed: " + f));
        stdout.println(out.toAbsolutePath().resolve("index.html"));
    }

    private String describeSelection() {
        String s = includes.isEmpty() ? "" : "--include " + String.join(" --include ", includes);
        return s + (excludes.isEmpty() ? "" : (s.isEmpty() ? "" : " ") + "--exclude " + String.join(" --exclude ", excludes));
    }

    private static String paramsText(BenchRun.Selected s) {
        StringBuilder b = new StringBuilder();
        s.params().forEach((k, v) -> b.append("  ").append(k).append('=').append(String.join(",", v)));
        return b.toString();
    }

    private int usage(String line) {
        stderr.println("wslab: " + line);
        return 2;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        return (m == null ? e.getClass().getSimpleName() : m).lines().findFirst().orElse("");
    }

    /** The file JMH locks so that one measuring run has the machine to itself. */
    private static Path jmhLock() {
        return Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
    }

    /** Whether JMH's lock is held by another process now (JMH takes it again itself when it starts). */
    private static boolean anotherRunHoldsTheLock() {
        try (var channel = java.nio.channels.FileChannel.open(jmhLock(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE); var lock = channel.tryLock()) {
            return lock == null;
        } catch (IOException | java.nio.channels.OverlappingFileLockException e) {
            return false;
        }
    }

    private static Path defaultOut() {
        String root = System.getenv("WSLAB_ROOT");
        return (root == null || root.isBlank() ? Path.of("benchmarks") : Path.of(root, "benchmarks"))
                .resolve("target").resolve("report");
    }
}
