package org.wslab.lab.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wslab.handshake.explain.HeaderAnnotation;
import org.wslab.handshake.http.HeaderField;
import org.wslab.handshake.spec.Outcome;
import org.wslab.handshake.spec.RuleCheck;

/**
 * Prints a handshake for a person: each head line as on the wire, then its verdict ({@code pass},
 * {@code FAIL}, or blank when no rule judges it) and what it is ({@code [required] RFC 6455 §4.1 (7):
 * ...}); then every rule checked with its section; the commands add the verdict line.
 */
public final class TextReport {
    /**
     * The annotation column starts after the longest head line up to this width; a longer line
     * stands alone and its verdict and annotation follow on the next line, in the column.
     */
    private static final int MAX_COLUMN = 52;

    private TextReport() {}

    /** Prints a titled head: each line, its pass/fail, its annotation. */
    public static void head(PrintWriter out, String title, List<HeadLine> lines, List<HeaderAnnotation> notes,
                            List<RuleCheck> checks, boolean request) {
        out.println(title);
        int width = 0;
        for (HeadLine l : lines) {
            width = Math.max(width, Math.min(MAX_COLUMN, l.raw().length()));
        }
        for (HeadLine line : lines) {
            String mark = mark(checks, request, line.field());
            String label = line.field().map(f -> annotationOf(f, notes)).orElse(startLineLabel(request));
            String annotation = (mark + "  " + label).stripTrailing();
            if (line.raw().length() > width) {
                out.println("  " + line.raw());
                out.println("  " + " ".repeat(width) + "  " + annotation);
            } else {
                String pad = " ".repeat(width - line.raw().length());
                out.println("  " + line.raw() + pad + "  " + annotation);
            }
        }
    }

    /** Prints every check: {@code pass|FAIL|info  section  RULE: detail}. */
    public static void checks(PrintWriter out, String title, List<RuleCheck> checks) {
        if (checks.isEmpty()) {
            return;
        }
        out.println(title);
        for (RuleCheck c : checks) {
            out.println("  " + word(c.outcome()) + "  " + c.rule().name() + " (" + c.rule().section() + "): "
                    + HeadLine.safeText(c.detail()));
        }
    }

    /**
     * Prints the checks in three groups: the request's (as a server checks it, RFC 6455 §4.2.1),
     * the response's (as the client checks it, §4.1), and findings that carry no verdict.
     */
    public static void groupedChecks(PrintWriter out, List<RuleCheck> checks) {
        List<RuleCheck> request = new ArrayList<>();
        List<RuleCheck> response = new ArrayList<>();
        List<RuleCheck> findings = new ArrayList<>();
        for (RuleCheck c : checks) {
            (c.outcome() == Outcome.INFO ? findings : RuleSide.judgesRequest(c.rule()) ? request : response).add(c);
        }
        checks(out, "request rules (as a server checks them, RFC 6455 §4.2.1)", request);
        checks(out, "response rules (as the client checks them, RFC 6455 §4.1)", response);
        checks(out, "findings", findings);
    }

    /** {@code N pass, M FAIL, K info}. */
    public static String tally(List<RuleCheck> checks) {
        long pass = checks.stream().filter(c -> c.outcome() == Outcome.PASS).count();
        long fail = checks.stream().filter(RuleCheck::failed).count();
        long info = checks.size() - pass - fail;
        return pass + " pass, " + fail + " FAIL, " + info + " info";
    }

    /** {@code RULE (section): detail}, how a failed rule is named in a verdict. */
    public static String cite(RuleCheck c) {
        return c.rule().name() + " (" + c.rule().section() + "): " + HeadLine.safeText(c.detail());
    }

    /** {@code pass}, {@code FAIL} or {@code info}, four columns wide. */
    public static String word(Outcome o) {
        return switch (o) {
            case PASS -> "pass";
            case FAIL -> "FAIL";
            case INFO -> "info";
        };
    }

    private static String mark(List<RuleCheck> checks, boolean request, Optional<HeaderField> field) {
        return RuleSide.lineOutcome(checks, request, field).map(TextReport::word).orElse("    ");
    }

    static String annotationOf(HeaderField field, List<HeaderAnnotation> notes) {
        for (HeaderAnnotation a : notes) {
            if (a.field().equals(field)) {
                return a.label();
            }
        }
        return "";
    }

    static String startLineLabel(boolean request) {
        return request
                ? "[request line] RFC 6455 §4.1 (2)-(3): GET, the resource name, HTTP/1.1 or later"
                : "[status line] RFC 6455 §4.1: 101 Switching Protocols, or the handshake failed";
    }
}
