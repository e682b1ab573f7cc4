package org.wslab.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * A performance target the project set itself, judged from one run's results: met, missed (with
 * the measured value), or not measured (its benchmarks were not in the run). Where several
 * parameter combinations match, the worst one decides.
 */
public sealed interface Target {
    /** What is promised, in words. */
    String text();

    /** Judges this target against the run's comparisons, by class simple name. */
    Judgement judge(Map<String, Comparison> bySimpleName);

    /** Verdicts. */
    enum Verdict { MET, MISSED, NOT_MEASURED }

    /**
     * The outcome.
     *
     * @param measured what was measured, in words ("42.1× at size=65536")
     * @param noisy    whether a deciding ratio's error bars overlap
     */
    record Judgement(Target target, Verdict verdict, String measured, boolean noisy) {}

    /** Rows of {@code cls} whose parameters take one of the allowed values (all rows for an empty filter). */
    static List<Comparison.Row> rows(Map<String, Comparison> all, String cls, Map<String, Set<String>> where) {
        Comparison c = all.get(cls);
        if (c == null) {
            return List.of();
        }
        List<Comparison.Row> out = new ArrayList<>();
        for (Comparison.Row r : c.rows()) {
            boolean match = where.entrySet().stream()
                    .allMatch(w -> w.getValue().contains(r.params().get(w.getKey())));
            if (match) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Ours ({@code mine}: a method of ours, or null for the class's own) is at least {@code min}
     * times faster than {@code baseline} (time ratio).
     */
    record Faster(String text, String cls, String mine, String baseline, Map<String, Set<String>> where, double min)
            implements Target {
        /** For the class's own method. */
        Faster(String text, String cls, String baseline, Map<String, Set<String>> where, double min) {
            this(text, cls, null, baseline, where, min);
        }

        @Override
        public Judgement judge(Map<String, Comparison> all) {
            Comparison.Row worst = null;
            double worstRatio = Double.POSITIVE_INFINITY;
            for (Comparison.Row r : rows(all, cls, where)) {
                Optional<Double> ratio = mine == null ? r.ratio(baseline)
                        : r.of(mine).flatMap(m -> r.of(baseline).map(b -> b.nanos() / m.nanos()));
                if (ratio.isPresent() && ratio.get() < worstRatio) {
                    worstRatio = ratio.get();
                    worst = r;
                }
            }
            if (worst == null) {
                return new Judgement(this, Verdict.NOT_MEASURED, "not in this run", false);
            }
            boolean noisy = (mine == null ? worst.ours() : worst.of(mine)).get().overlaps(worst.of(baseline).get());
            return new Judgement(this, worstRatio >= min ? Verdict.MET : Verdict.MISSED,
                    Format.ratio(worstRatio) + at(worst), noisy);
        }
    }

    /** Ours ({@code mine}, or null for the class's own method) allocates at most {@code limit(params)} bytes per operation. */
    record AllocatesAtMost(String text, String cls, String mine, Map<String, Set<String>> where,
            ToDoubleFunction<Map<String, String>> limit) implements Target {
        /** For the class's own method. */
        AllocatesAtMost(String text, String cls, Map<String, Set<String>> where, ToDoubleFunction<Map<String, String>> limit) {
            this(text, cls, null, where, limit);
        }

        private Optional<Measurement> measured(Comparison.Row r) {
            return mine == null ? r.ours() : r.of(mine);
        }

        @Override
        public Judgement judge(Map<String, Comparison> all) {
            Comparison.Row worst = null;
            double worstExcess = Double.NEGATIVE_INFINITY;
            for (Comparison.Row r : rows(all, cls, where)) {
                if (measured(r).isEmpty() || Double.isNaN(measured(r).get().allocBytes())) {
                    continue;
                }
                double excess = measured(r).get().allocBytes() - limit.applyAsDouble(r.params());
                if (excess > worstExcess) {
                    worstExcess = excess;
                    worst = r;
                }
            }
            if (worst == null) {
                return new Judgement(this, Verdict.NOT_MEASURED, "not in this run (or not profiled)", false);
            }
            double got = measured(worst).get().allocBytes();
            return new Judgement(this, worstExcess <= 0 ? Verdict.MET : Verdict.MISSED,
                    Format.bytes(got) + "/op, limit " + Format.bytes(limit.applyAsDouble(worst.params())) + at(worst),
                    false);
        }
    }

    /** Ours allocates at most {@code fraction} of what {@code baseline} allocates per operation. */
    record AllocatesFraction(String text, String cls, String baseline, Map<String, Set<String>> where,
            double fraction) implements Target {
        @Override
        public Judgement judge(Map<String, Comparison> all) {
            Comparison.Row worst = null;
            double worstShare = Double.NEGATIVE_INFINITY;
            for (Comparison.Row r : rows(all, cls, where)) {
                Optional<Measurement> b = r.of(baseline);
                if (r.ours().isEmpty() || b.isEmpty() || Double.isNaN(r.ours().get().allocBytes())) {
                    continue;
                }
                double share = r.ours().get().allocBytes() / Math.max(1e-9, b.get().allocBytes());
                if (share > worstShare) {
                    worstShare = share;
                    worst = r;
                }
            }
            if (worst == null) {
                return new Judgement(this, Verdict.NOT_MEASURED, "not in this run (or not profiled)", false);
            }
            return new Judgement(this, worstShare <= fraction ? Verdict.MET : Verdict.MISSED,
                    Format.bytes(worst.ours().get().allocBytes()) + " vs " + Format.bytes(worst.of(baseline).get().allocBytes())
                            + " per op (" + String.format("%.2f", worstShare) + " of it)" + at(worst), false);
        }
    }

    /** Ours in {@code cls} moves octets at least {@code min} times as fast as ours in {@code otherCls}. */
    record SameBandwidth(String text, String cls, Map<String, Set<String>> where, String otherCls,
            Map<String, Set<String>> otherWhere, double min) implements Target {
        @Override
        public Judgement judge(Map<String, Comparison> all) {
            Optional<Double> mine = bandwidth(all, cls, where);
            Optional<Double> other = bandwidth(all, otherCls, otherWhere);
            if (mine.isEmpty() || other.isEmpty()) {
                return new Judgement(this, Verdict.NOT_MEASURED, "not in this run", false);
            }
            double ratio = mine.get() / other.get();
            return new Judgement(this, ratio >= min ? Verdict.MET : Verdict.MISSED,
                    Format.bandwidth(mine.get()) + " vs " + Format.bandwidth(other.get()) + " (" + Format.ratio(ratio) + ")",
                    false);
        }

        private static Optional<Double> bandwidth(Map<String, Comparison> all, String cls, Map<String, Set<String>> where) {
            Comparison c = all.get(cls);
            if (c == null || c.bytesParam().isEmpty()) {
                return Optional.empty();
            }
            return rows(all, cls, where).stream().filter(r -> r.ours().isPresent()).findFirst()
                    .map(r -> r.ours().get().bytesPerSecond(Long.parseLong(r.params().get(c.bytesParam()))));
        }
    }

    /** Ours's {@code percentile} (sampled time) is at most the baseline's. */
    record LowerPercentile(String text, String cls, String baseline, Map<String, Set<String>> where,
            double percentile) implements Target {
        @Override
        public Judgement judge(Map<String, Comparison> all) {
            for (Comparison.Row r : rows(all, cls, where)) {
                Optional<Measurement> b = r.of(baseline);
                if (r.ours().isPresent() && b.isPresent() && r.ours().get().percentiles().containsKey(percentile)) {
                    double mine = r.ours().get().percentiles().get(percentile);
                    double theirs = b.get().percentiles().getOrDefault(percentile, Double.NaN);
                    double ratio = theirs / mine;
                    return new Judgement(this, ratio >= 1 ? Verdict.MET : Verdict.MISSED,
                            "p" + Format.percentile(percentile) + " " + Format.nanos(mine) + " vs " + Format.nanos(theirs)
                                    + " (" + Format.ratio(ratio) + ")" + at(r), false);
                }
            }
            return new Judgement(this, Verdict.NOT_MEASURED, "not in this run", false);
        }
    }

    private static String at(Comparison.Row r) {
        return r.params().isEmpty() ? "" : " at " + Format.params(r.params());
    }
}
