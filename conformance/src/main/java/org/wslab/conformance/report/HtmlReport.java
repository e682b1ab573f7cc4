package org.wslab.conformance.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.RunSummary;

/**
 * A run as HTML, readable offline (no script or style fetched from anywhere): {@code index.html}
 * with the counts and one row per case (id, category, verdict, rule, duration), filtered as you
 * type, and one page per case under {@code cases/} with the rule, what was sent, the expected and
 * the observed behaviour side by side, and the annotated wire log of the exchange.
 */
public final class HtmlReport {
    private static final String STYLE = "<style>body{font:14px/1.4 system-ui,sans-serif;margin:2em;max-width:75em}"
            + "table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.25em .5em;"
            + "text-align:left;vertical-align:top}pre{background:#f6f6f6;padding:1em;overflow:auto}"
            + ".OK{color:#176f2c}.NON_STRICT{color:#8a6d00}.INFORMATIONAL{color:#555}.UNIMPLEMENTED{color:#555}"
            + ".FAILED{color:#b00020;font-weight:bold}.side{display:grid;grid-template-columns:1fr 1fr;gap:1em}</style>";

    private HtmlReport() {}

    /** Writes {@code index.html} and {@code cases/ID.html} under {@code dir}; returns the index. */
    public static Path write(RunSummary run, Path dir) throws IOException {
        Path cases = dir.resolve("cases");
        Files.createDirectories(cases);
        for (CaseResult r : run.results()) {
            Files.writeString(cases.resolve(r.id().value() + ".html"), casePage(run, r));
        }
        Path index = dir.resolve("index.html");
        Files.writeString(index, index(run));
        return index;
    }

    static String index(RunSummary run) {
        StringBuilder b = page("wslab check " + run.target());
        b.append("<h1>wslab check <code>").append(esc(run.target().toString())).append("</code></h1>\n<p>")
                .append(esc(run.line())).append("</p>\n<ul>");
        run.counts().forEach((v, n) -> b.append("<li class=\"").append(v).append("\">").append(v).append(": ").append(n)
                .append(" — ").append(esc(v.meaning())).append("</li>"));
        b.append("</ul>\n<p><input id=\"q\" placeholder=\"filter: id, category, verdict or rule\" size=\"50\""
                + " oninput=\"f(this.value)\"></p>\n<table id=\"t\"><tr><th>case</th><th>category</th><th>verdict</th>"
                + "<th>rule</th><th>ms</th></tr>\n");
        for (CaseResult r : run.results()) {
            ConformanceCase c = r.conformanceCase();
            b.append("<tr><td><a href=\"cases/").append(esc(r.id().value())).append(".html\">").append(esc(r.id().value()))
                    .append("</a></td><td>").append(esc(c.category())).append("</td><td class=\"").append(r.verdict())
                    .append("\">").append(r.verdict()).append("</td><td>").append(esc(c.rule().section())).append(": ")
                    .append(esc(c.rule().statement())).append("</td><td>")
                    .append(String.format(Locale.ROOT, "%.1f", r.duration().toNanos() / 1e6)).append("</td></tr>\n");
        }
        b.append("</table>\n<script>function f(q){q=q.toLowerCase();for(const r of document.querySelectorAll('#t tr')){"
                + "if(r.querySelector('th'))continue;r.style.display=r.textContent.toLowerCase().includes(q)?'':'none';}}"
                + "</script>\n</body></html>\n");
        return b.toString();
    }

    static String casePage(RunSummary run, CaseResult r) {
        ConformanceCase c = r.conformanceCase();
        StringBuilder b = page(r.id().value() + " " + r.verdict());
        b.append("<p><a href=\"../index.html\">all cases</a> of <code>").append(esc(run.target().toString()))
                .append("</code></p>\n<h1>").append(esc(r.id().value())).append(" <span class=\"").append(r.verdict())
                .append("\">").append(r.verdict()).append("</span></h1>\n<p>").append(esc(c.title())).append("</p>\n")
                .append("<p><b>Rule</b> (").append(esc(c.rule().section())).append(", ").append(c.strictness())
                .append("): ").append(esc(c.rule().statement())).append("</p>\n<p><b>Sends:</b> ").append(esc(c.sends()))
                .append("</p>\n");
        if (r.judged() != r.verdict()) {
            b.append("<p>Judged ").append(r.judged()).append(" against the rule; reported ").append(r.verdict())
                    .append(" because the rule is a ").append(c.strictness()).append(".</p>\n");
        }
        b.append("<div class=\"side\"><div><h2>Expected</h2><pre>").append(esc(r.expected()))
                .append("</pre></div><div><h2>Observed</h2><pre>").append(esc(r.observed())).append("</pre></div></div>\n")
                .append("<h2>Wire log</h2><pre>")
                .append(esc(r.wireLog().map(w -> w.render()).orElse("(no connection was made)")))
                .append("</pre>\n</body></html>\n");
        return b.toString();
    }

    private static StringBuilder page(String title) {
        return new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(title)).append("</title>").append(STYLE).append("</head><body>\n");
    }

    /** Text as HTML: the five special characters escaped, controls shown as U+FFFD. */
    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch < 0x20 && ch != '\n' && ch != '\t' ? '\uFFFD' : ch);
            }
        }
        return b.toString();
    }
}
