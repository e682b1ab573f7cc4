package org.wslab.conformance;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Prints a server's verdict tally and every result that is not OK, for the test log. */
final class Tally {
    private Tally() {}

    static void print(String server, List<CaseResult> results) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        for (CaseResult r : results) {
            counts.merge(r.verdict(), 1, Integer::sum);
        }
        StringBuilder b = new StringBuilder("conformance of " + server + ": " + results.size() + " cases " + counts + "\n");
        results.stream().filter(r -> r.verdict() != Verdict.OK)
                .sorted(java.util.Comparator.comparing(CaseResult::id))
                .forEach(r -> b.append("  ").append(r.id()).append(' ').append(r.verdict()).append(": ")
                        .append(r.observed()).append('\n'));
        System.out.print(b);
    }
}
