package org.wslab.benchmarks.report;

import java.util.List;
import java.util.Map;
import org.wslab.lab.common.HtmlText;

/**
 * {@code index.html}: the run as one self-contained page (styles inline, charts as local SVG
 * files, nothing fetched from the network): the machine, the targets met and missed, then each
 * suite's tables and charts.
 */
final class HtmlReport {
    private HtmlReport() {}

    private static final String STYLE = """
            body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;max-width:1100px;margin:2em auto;padding:0 1em}
            h1{font-size:1.7em;margin-bottom:.2em}h2{margin-top:2em;border-bottom:1px solid #d0d7de;padding-bottom:.2em}
            h3{margin-top:1.6em}p.meta{color:#57606a;margin-top:0}
            table{border-collapse:collapse;margin:.6em 0 1em;font-variant-numeric:tabular-nums}
            th,td{border:1px solid #d0d7de;padding:.25em .6em;text-align:right}th{background:#f6f8fa}
            td:first-child,td:nth-child(2),th:first-child,th:nth-child(2){text-align:left}
            tr.ours td{background:#eef6ff;font-weight:600}.met{color:#1a7f37;font-weight:600}
            .missed{color:#cf222e;font-weight:600}.na{color:#57606a}.noisy{color:#9a6700}
            td.t{text-align:left}figure{display:inline-block;margin:.5em 1em .5em 0}figcaption{color:#57606a;font-size:.9em}
            code{background:#f6f8fa;padding:0 .25em;border-radius:3px}
            table.targets th,table.targets td{text-align:left}nav a{margin-right:1em}
            """;

    static String render(BenchReport r, Map<Comparison, List<Charts.Drawn>> charts) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>wslab benchmarks</title><style>").append(STYLE).append("</style></head><body>\n");
        b.append("<h1>wslab benchmarks</h1>\n<p class=\"meta\">").append(HtmlText.escape(r.machine().describe())).append("<br>")
                .append("JMH ").append(HtmlText.escape(r.settings().jmhVersion())).append(", ").append(HtmlText.escape(r.settings().describe()))
                .append(", -prof gc; run started ").append(HtmlText.escape(r.machine().when())).append("</p>\n");
        b.append("<p>Each ratio is the baseline's time per operation divided by wslab's, measured in the same run: above 1 ")
                .append("wslab is faster. <span class=\"noisy\">≈</span> marks a ratio whose 99.9% error bars overlap. ")
                .append("The raw JMH output is <a href=\"results.json\">results.json</a>; the tables are also in ")
                .append("<a href=\"results.adoc\">results.adoc</a>.</p>\n");
        b.append("<nav><a href=\"#targets\">Targets</a>");
        r.bySuite().keySet().forEach(s -> b.append("<a href=\"#").append(anchor(s)).append("\">").append(HtmlText.escape(s)).append("</a>"));
        b.append("</nav>\n");
        targets(b, r);
        if (!r.failures().isEmpty()) {
            b.append("<h2>Benchmarks that failed</h2>\n<ul>");
            r.failures().forEach(f -> b.append("<li>").append(HtmlText.escape(f)).append("</li>"));
            b.append("</ul>\n");
        }
        for (Map.Entry<String, List<Comparison>> suite : r.bySuite().entrySet()) {
            b.append("<h2 id=\"").append(anchor(suite.getKey())).append("\">").append(HtmlText.escape(suite.getKey())).append("</h2>\n");
            for (Comparison c : suite.getValue()) {
                comparison(b, c, charts.getOrDefault(c, List.of()));
            }
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    private static void targets(StringBuilder b, BenchReport r) {
        b.append("<h2 id=\"targets\">Targets</h2>\n<p>").append(r.count(Target.Verdict.MET)).append(" met, ")
                .append(r.count(Target.Verdict.MISSED)).append(" missed, ")
                .append(r.count(Target.Verdict.NOT_MEASURED)).append(" not measured in this run.</p>\n");
        b.append("<table class=\"targets\"><tr><th>target</th><th>measured</th><th>verdict</th></tr>\n");
        for (Target.Judgement j : r.judgements()) {
            String cls = switch (j.verdict()) {
                case MET -> "met";
                case MISSED -> "missed";
                case NOT_MEASURED -> "na";
            };
            String word = switch (j.verdict()) {
                case MET -> "met";
                case MISSED -> "missed";
                case NOT_MEASURED -> "not measured";
            };
            b.append("<tr><td class=\"t\">").append(HtmlText.escape(j.target().text())).append("</td><td class=\"t\">")
                    .append(HtmlText.escape(j.measured())).append(j.noisy() ? " <span class=\"noisy\">(error bars overlap)</span>" : "")
                    .append("</td><td class=\"").append(cls).append("\">").append(word).append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    private static void comparison(StringBuilder b, Comparison c, List<Charts.Drawn> charts) {
        b.append("<h3 id=\"").append(c.simpleName()).append("\">").append(HtmlText.escape(c.title())).append("</h3>\n<p class=\"meta\"><code>")
                .append(HtmlText.escape(c.simpleName())).append("</code>").append(c.spec().isEmpty() ? "" : " · " + HtmlText.escape(c.spec()))
                .append(" · ours is <code>").append(HtmlText.escape(c.ours())).append("</code></p>\n<table><tr>");
        Cells.header(c).forEach(h -> b.append("<th>").append(HtmlText.escape(h)).append("</th>"));
        b.append("</tr>\n");
        for (Cells.Line l : Cells.lines(c)) {
            b.append(l.ours() ? "<tr class=\"ours\">" : "<tr>");
            List<String> v = Cells.values(c, l);
            for (int i = 0; i < v.size(); i++) {
                boolean ratioCell = i == v.size() - 1;
                b.append(ratioCell && l.overlap() ? "<td class=\"noisy\">" : "<td>").append(HtmlText.escape(v.get(i))).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
        for (Charts.Drawn d : charts) {
            b.append("<figure><img src=\"charts/").append(HtmlText.escape(d.file())).append("\" alt=\"").append(HtmlText.escape(d.caption()))
                    .append("\" width=\"720\"><figcaption>").append(HtmlText.escape(d.caption())).append("</figcaption></figure>\n");
        }
    }

    private static String anchor(String suite) {
        return "suite-" + suite.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

}
