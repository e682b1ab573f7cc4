package org.wslab.benchmarks.report;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * What {@code wslab bench} shows while JMH runs: one line per benchmark,
 * {@code [12/131] MaskingBench.wslab size=65536 … 7.91 µs/op, 0 B/op (1.9 s)}, instead of JMH's
 * own report. JMH's other output (a fork's stdout and stderr, its failure traces) is kept, a
 * bounded tail per benchmark, so a failed benchmark can be named with the reason it gave.
 */
final class ProgressFormat implements OutputFormat {
    private static final int KEPT_LINES = 200;

    private final PrintStream err;
    private final int total;
    private final Deque<String> tail = new ArrayDeque<>();
    private final StringBuilder partial = new StringBuilder();
    private final List<String> failures = new ArrayList<>();
    private int started;
    private String current;
    private long startNanos;

    ProgressFormat(PrintStream err, int total) {
        this.err = err;
        this.total = total;
    }

    /** Benchmarks that did not complete, each as "name: reason". */
    List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        start(name(params));
    }

    /** A benchmark, named as the progress line shows it, starts. */
    void start(String name) {
        endUnfinished();
        started++;
        current = name;
        startNanos = System.nanoTime();
        tail.clear();
        err.printf(Locale.ROOT, "[%d/%d] %s … ", started, total, current);
        err.flush();
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        if (current == null) {
            return;
        }
        Result<?> primary = result == null ? null : result.getPrimaryResult();
        if (primary == null || Double.isNaN(primary.getScore())) {
            fail();
            return;
        }
        Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
        err.printf(Locale.ROOT, "%s%s (%.1f s)%n", Format.nanos(primary.getScore() * JmhResults.nanosPer(primary.getScoreUnit())),
                alloc == null ? "" : ", " + Format.bytes(alloc.getScore()) + "/op", seconds());
        current = null;
    }

    @Override
    public void endRun(java.util.Collection<RunResult> result) {
        endUnfinished();
    }

    private void endUnfinished() {
        if (current != null) {
            fail();
        }
    }

    private void fail() {
        String reason = reason();
        err.printf(Locale.ROOT, "FAILED (%.1f s): %s%n", seconds(), reason);
        failures.add(current + ": " + reason);
        current = null;
    }

    /** The most telling line JMH passed on: an exception's message, else the last line. */
    private String reason() {
        flushPartial();
        for (String line : tail) {
            String l = line.trim();
            if (l.contains("Disagreement") || l.matches("^(Caused by: )?[\\w.$]+(Exception|Error)(: .*)?$")) {
                return l.replaceFirst("^Caused by: ", "");
            }
        }
        return tail.isEmpty() ? "no result (JMH gave no reason)" : tail.peekLast().trim();
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String name(BenchmarkParams p) {
        String full = p.getBenchmark();
        int method = full.lastIndexOf('.');
        int cls = full.lastIndexOf('.', method - 1);
        StringBuilder b = new StringBuilder(full.substring(cls + 1));
        for (String key : p.getParamsKeys()) {
            b.append(' ').append(key).append('=').append(p.getParam(key));
        }
        return b.toString();
    }

    private void keep(String line) {
        if (tail.size() == KEPT_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }

    private void flushPartial() {
        if (partial.length() > 0) {
            keep(partial.toString());
            partial.setLength(0);
        }
    }

    @Override
    public void print(String s) {
        for (char c : s.toCharArray()) {
            if (c == '\n') {
                flushPartial();
            } else if (partial.length() < 4096) {
                partial.append(c);
            }
        }
    }

    @Override
    public void println(String s) {
        print(s);
        flushPartial();
    }

    @Override
    public void write(int b) {
        print(String.valueOf((char) b));
    }

    @Override
    public void write(byte[] b) {
        print(new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {}

    @Override
    public void iterationResult(BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {}

    @Override
    public void startRun() {}

    @Override
    public void verbosePrintln(String s) {}

    @Override
    public void flush() {
        err.flush();
    }

    @Override
    public void close() {
        err.flush();
    }
}
