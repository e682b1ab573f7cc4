package org.wslab.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The table both report formats show for one comparison: a row per implementation per set of
 * parameter values, with time, error, bandwidth, allocation, the comparison's fact and the
 * ratio. Ratios whose 99.9% error bars overlap are marked "≈": the difference may be noise.
 */
final class Cells {
    private Cells() {}

    /** One table row. {@code ours} marks wslab's own line. */
    record Line(String params, String implementation, boolean ours, String time, String error, String bandwidth,
            String alloc, String fact, String ratio, boolean overlap) {}

    static List<String> header(Comparison c) {
        List<String> h = new ArrayList<>(List.of("parameters", "implementation", "time/op", "± (99.9%)"));
        if (!c.bytesParam().isEmpty()) {
            h.add("bandwidth");
        }
        h.add("allocated/op");
        if (!c.factLabel().isEmpty()) {
            h.add(c.factLabel());
        }
        h.add("ours faster by");
        return h;
    }

    static List<String> values(Comparison c, Line l) {
        List<String> v = new ArrayList<>(List.of(l.params(), l.implementation(), l.time(), l.error()));
        if (!c.bytesParam().isEmpty()) {
            v.add(l.bandwidth());
        }
        v.add(l.alloc());
        if (!c.factLabel().isEmpty()) {
            v.add(l.fact());
        }
        v.add(l.ratio());
        return v;
    }

    static List<Line> lines(Comparison c) {
        List<Line> out = new ArrayList<>();
        for (Comparison.Row row : c.rows()) {
            String params = paramsText(c, row.params());
            for (Measurement m : row.all()) {
                boolean ours = m.method().equals(c.ours());
                String ratio = "";
                boolean overlap = false;
                if (!ours && row.ours().isPresent()) {
                    Measurement o = row.ours().get();
                    overlap = o.overlaps(m);
                    ratio = (overlap ? "≈ " : "") + Format.ratio(m.nanos() / o.nanos());
                } else if (!ours) {
                    ratio = "(wslab not run)";
                }
                String bandwidth = c.bytesParam().isEmpty() || !row.params().containsKey(c.bytesParam()) ? ""
                        : Format.bandwidth(m.bytesPerSecond(Long.parseLong(row.params().get(c.bytesParam()))));
                Double fact = row.facts().get(m.method());
                out.add(new Line(params, m.method(), ours, Format.nanos(m.nanos()), error(m), bandwidth,
                        Format.bytes(m.allocBytes()), fact == null ? "" : factText(fact), ratio, overlap));
            }
        }
        return out;
    }

    private static String paramsText(Comparison c, Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(k.equals(c.bytesParam()) ? Format.size(v) : v));
        return b.length() == 0 ? "–" : b.toString();
    }

    private static String error(Measurement m) {
        if (!m.hasInterval()) {
            return "n/a";
        }
        return "± " + Format.nanos((m.highNanos() - m.lowNanos()) / 2);
    }

    private static String factText(double f) {
        return f == Math.rint(f) && Math.abs(f) < 1e12 ? String.valueOf((long) f) : String.format(java.util.Locale.ROOT, "%.3f", f);
    }
}
