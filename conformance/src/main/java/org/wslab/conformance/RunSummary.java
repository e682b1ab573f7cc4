package org.wslab.conformance;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A finished run: every result in case-id order, the server it ran against, how long it took.
 *
 * @param target  the server's URL
 * @param results the results, ordered by case id
 * @param elapsed wall time of the run
 */
public record RunSummary(URI target, List<CaseResult> results, Duration elapsed) {
    public RunSummary {
        Objects.requireNonNull(target, "target");
        results = List.copyOf(results);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** How many results had each verdict (every verdict present, 0 when none). */
    public Map<Verdict, Integer> counts() {
        Map<Verdict, Integer> m = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            m.put(v, 0);
        }
        for (CaseResult r : results) {
            m.merge(r.verdict(), 1, Integer::sum);
        }
        return m;
    }

    /** The results with {@code verdict}. */
    public List<CaseResult> with(Verdict verdict) {
        return results.stream().filter(r -> r.verdict() == verdict).toList();
    }

    /** Whether no case FAILED. */
    public boolean passed() {
        return with(Verdict.FAILED).isEmpty();
    }

    /** One line: {@code "ws://…: 105 cases in 3.2 s — OK 98, NON_STRICT 4, …"}. */
    public String line() {
        StringBuilder b = new StringBuilder().append(target).append(": ").append(results.size()).append(" cases in ")
                .append(String.format("%.1f s", elapsed.toMillis() / 1000.0)).append(" —");
        counts().forEach((v, n) -> b.append(' ').append(v).append(' ').append(n).append(','));
        b.setLength(b.length() - 1);
        return b.toString();
    }
}
