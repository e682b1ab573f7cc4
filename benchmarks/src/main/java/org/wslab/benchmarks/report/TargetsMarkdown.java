package org.wslab.benchmarks.report;

/**
 * {@code targets.md}: the targets of a run as a Markdown table with the machine and settings it
 * was measured with — what the project's README quotes, copied from a run rather than typed.
 */
final class TargetsMarkdown {
    private TargetsMarkdown() {}

    static String render(BenchReport r) {
        StringBuilder b = new StringBuilder();
        b.append("Measured with `./wslab bench` on ").append(r.machine().describe()).append(", ").append(r.machine().when())
                .append("; JMH ").append(r.settings().jmhVersion()).append(", ").append(r.settings().describe())
                .append(". ").append(r.count(Target.Verdict.MET)).append(" met, ")
                .append(r.count(Target.Verdict.MISSED)).append(" missed, ")
                .append(r.count(Target.Verdict.NOT_MEASURED)).append(" not measured.\n\n");
        b.append("| target | measured | |\n|---|---|---|\n");
        for (Target.Judgement j : r.judgements()) {
            String verdict = switch (j.verdict()) {
                case MET -> "met";
                case MISSED -> "**missed**";
                case NOT_MEASURED -> "not measured";
            };
            b.append("| ").append(cell(j.target().text())).append(" | ").append(cell(j.measured()))
                    .append(j.noisy() ? " (error bars overlap)" : "").append(" | ").append(verdict).append(" |\n");
        }
        return b.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}
