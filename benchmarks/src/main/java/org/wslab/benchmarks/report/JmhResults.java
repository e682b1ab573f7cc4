package org.wslab.benchmarks.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads the JSON JMH writes with {@code -rf json} into {@link Measurement}s, with the run's
 * settings (forks, iterations, times, JVM) as JMH recorded them.
 */
public final class JmhResults {
    private JmhResults() {}

    /** What JMH recorded about how a run was made (from its first result). */
    public record Settings(String jmhVersion, String jdkVersion, String vmName, String vmVersion, int forks,
            int warmupIterations, String warmupTime, int measurementIterations, String measurementTime,
            List<String> jvmArgs) {
        static final Settings NONE = new Settings("?", "?", "?", "?", 0, 0, "?", 0, "?", List.of());

        /** One line: "1 fork, 1 × 300 ms warm-up, 3 × 300 ms measured". */
        public String describe() {
            return forks + (forks == 1 ? " fork" : " forks") + ", " + warmupIterations + " × " + warmupTime
                    + " warm-up, " + measurementIterations + " × " + measurementTime + " measured per benchmark";
        }
    }

    /** The measurements and settings of one results file. */
    public record Run(List<Measurement> measurements, Settings settings) {}

    /** Parses {@code file}. */
    public static Run read(Path file) throws IOException {
        return parse(new ObjectMapper().readTree(file.toFile()));
    }

    /** Parses JMH's JSON array. */
    public static Run parse(JsonNode root) {
        List<Measurement> out = new ArrayList<>();
        Settings settings = Settings.NONE;
        for (JsonNode r : root) {
            if (out.isEmpty()) {
                settings = settings(r);
            }
            out.add(measurement(r));
        }
        return new Run(List.copyOf(out), settings);
    }

    private static Settings settings(JsonNode r) {
        List<String> args = new ArrayList<>();
        r.path("jvmArgs").forEach(a -> args.add(a.asText()));
        return new Settings(r.path("jmhVersion").asText("?"), r.path("jdkVersion").asText("?"),
                r.path("vmName").asText("?"), r.path("vmVersion").asText("?"), r.path("forks").asInt(),
                r.path("warmupIterations").asInt(), r.path("warmupTime").asText("?"),
                r.path("measurementIterations").asInt(), r.path("measurementTime").asText("?"), List.copyOf(args));
    }

    private static Measurement measurement(JsonNode r) {
        String benchmark = r.path("benchmark").asText();
        int dot = benchmark.lastIndexOf('.');
        SortedMap<String, String> params = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = r.path("params").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), e.getValue().asText());
        }
        JsonNode primary = r.path("primaryMetric");
        double toNanos = nanosPer(primary.path("scoreUnit").asText("ns/op"));
        double score = number(primary.path("score")) * toNanos;
        JsonNode confidence = primary.path("scoreConfidence");
        double low = number(confidence.path(0)) * toNanos;
        double high = number(confidence.path(1)) * toNanos;
        if (Double.isNaN(number(primary.path("scoreError")))) {
            low = Double.NaN;
            high = Double.NaN;
        }
        Map<Double, Double> percentiles = new LinkedHashMap<>();
        if ("sample".equals(r.path("mode").asText())) {
            for (Iterator<Map.Entry<String, JsonNode>> it = primary.path("scorePercentiles").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                percentiles.put(Double.parseDouble(e.getKey()), number(e.getValue()) * toNanos);
            }
        }
        double alloc = number(r.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score"));
        return new Measurement(benchmark.substring(0, dot), benchmark.substring(dot + 1), params,
                score, low, high, alloc, percentiles);
    }

    /** JMH writes NaN as the string "NaN"; a missing node is NaN too. */
    private static double number(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return Double.NaN;
        }
        return n.isNumber() ? n.asDouble() : parseOrNaN(n.asText());
    }

    private static double parseOrNaN(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Nanoseconds in one unit of a JMH time-per-operation unit. */
    static double nanosPer(String unit) {
        return switch (unit) {
            case "s/op" -> 1e9;
            case "ms/op" -> 1e6;
            case "us/op" -> 1e3;
            case "ns/op" -> 1;
            default -> throw new IllegalArgumentException("not a time per operation: " + unit
                    + " (every wslab benchmark runs in average or sample time mode)");
        };
    }
}
