package org.wslab.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.wslab.benchmarks.Measures;

/**
 * A benchmark's declared fact (e.g. a compression ratio beside the times) comes from its static
 * {@code facts(Map)}; a benchmark that declares one it cannot give stops the report with its name,
 * instead of a column that is silently missing.
 */
class ComparisonFactsTest {
    @Measures(suite = "test", title = "gives its fact", fact = "ratio")
    public static final class Gives {
        public static Map<String, Double> facts(Map<String, String> params) {
            return Map.of("wslab", Double.parseDouble(params.get("size")) / 2);
        }
    }

    @Measures(suite = "test", title = "declares a fact it has no method for", fact = "ratio")
    public static final class Lacks {
    }

    @Measures(suite = "test", title = "declares a fact whose method fails", fact = "ratio")
    public static final class Fails {
        public static Map<String, Double> facts(Map<String, String> params) {
            throw new IllegalArgumentException("no input of size " + params.get("size"));
        }
    }

    @Test
    void aDeclaredFactIsInItsRow() {
        Comparison c = Comparison.of(List.of(m(Gives.class))).get(0);
        assertEquals(Map.of("wslab", 8.0), c.rows().get(0).facts());
    }

    @Test
    void aFactThatCannotBeGivenNamesTheBenchmark() {
        IllegalStateException lacks = assertThrows(IllegalStateException.class, () -> Comparison.of(List.of(m(Lacks.class))));
        assertTrue(lacks.getMessage().contains("Lacks declares the fact 'ratio' but has no public static facts(Map)"),
                lacks.getMessage());
        IllegalStateException fails = assertThrows(IllegalStateException.class, () -> Comparison.of(List.of(m(Fails.class))));
        assertTrue(fails.getMessage().contains("failed: java.lang.IllegalArgumentException: no input of size 16"),
                fails.getMessage());
    }

    private static Measurement m(Class<?> bench) {
        return new Measurement(bench.getName(), "wslab", new TreeMap<>(Map.of("size", "16")), 10, 9, 11, 0, Map.of());
    }
}
