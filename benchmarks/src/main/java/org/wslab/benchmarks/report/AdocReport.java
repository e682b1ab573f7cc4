package org.wslab.benchmarks.report;

import java.util.List;
import java.util.Map;

/**
 * {@code results.adoc}: the tables of a run in AsciiDoc, written to be included by the book
 * (its headings start at level 2, {@code ==}). Every figure comes from the run; nothing is typed.
 */
final class AdocReport {
    private AdocReport() {}

    static String render(BenchReport r) {
        StringBuilder b = new StringBuilder();
        b.append("== Benchmark results\n\n");
        b.append("Measured on ").append(esc(r.machine().describe())).append(", ").append(esc(r.machine().when()))
                .append(".\n");
        b.append("JMH ").append(esc(r.settings().jmhVersion())).append(", ").append(esc(r.settings().describe()))
                .append(", `-prof gc`.\n\n");
        b.append("Each ratio is the baseline's time per operation divided by ours (wslab's) in the same run: above 1 ours is "
                + "faster. A ratio marked ≈ has overlapping 99.9% error bars, so the difference may be noise.\n\n");
        targets(b, r);
        if (!r.failures().isEmpty()) {
            b.append("=== Benchmarks that failed\n\n");
            r.failures().forEach(f -> b.append("* ").append(esc(f)).append('\n'));
            b.append('\n');
        }
        for (Map.Entry<String, List<Comparison>> suite : r.bySuite().entrySet()) {
            b.append("=== ").append(esc(suite.getKey())).append("\n\n");
            for (Comparison c : suite.getValue()) {
                table(b, c);
            }
        }
        return b.toString();
    }

    private static void targets(StringBuilder b, BenchReport r) {
        b.append("=== Targets\n\n");
        b.append(r.count(Target.Verdict.MET)).append(" met, ").append(r.count(Target.Verdict.MISSED))
                .append(" missed, ").append(r.count(Target.Verdict.NOT_MEASURED)).append(" not measured in this run.\n\n");
        b.append("[cols=\"5,4,1\",options=\"header\"]\n|===\n| Target | Measured | Verdict\n");
        for (Target.Judgement j : r.judgements()) {
            b.append("| ").append(esc(j.target().text())).append("\n| ").append(esc(j.measured()))
                    .append(j.noisy() ? " (error bars overlap)" : "").append("\n| ").append(verdict(j.verdict()))
                    .append('\n');
        }
        b.append("|===\n\n");
    }

    private static String verdict(Target.Verdict v) {
        return switch (v) {
            case MET -> "*met*";
            case MISSED -> "*missed*";
            case NOT_MEASURED -> "not measured";
        };
    }

    private static void table(StringBuilder b, Comparison c) {
        b.append("==== ").append(esc(c.title())).append("\n\n");
        b.append('`').append(c.simpleName()).append('`');
        if (!c.spec().isEmpty()) {
            b.append(", ").append(esc(c.spec()));
        }
        b.append(". Ours is `").append(c.ours()).append("`.\n\n");
        List<String> header = Cells.header(c);
        b.append("[options=\"header\"]\n|===\n");
        header.forEach(h -> b.append("| ").append(esc(h)).append(' '));
        b.append('\n');
        for (Cells.Line l : Cells.lines(c)) {
            List<String> v = Cells.values(c, l);
            for (int i = 0; i < v.size(); i++) {
                String cell = esc(v.get(i));
                b.append("| ").append(l.ours() && i == 1 ? "*" + cell + "*" : cell).append(' ');
            }
            b.append('\n');
        }
        b.append("|===\n\n");
    }

    /** Escapes what AsciiDoc would read as table or markup syntax. */
    static String esc(String s) {
        return s.replace("|", "\\|").replace("*", "\\*").replace("`", "\\`").replace("{", "\\{");
    }
}
