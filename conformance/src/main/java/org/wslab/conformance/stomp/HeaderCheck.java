package org.wslab.conformance.stomp;

import java.util.List;
import java.util.regex.Pattern;
import org.wslab.conformance.Finding;
import org.wslab.conformance.Verdict;
import org.wslab.stomp.codec.StompFrame;

/**
 * What one header of an expected frame must be (its first entry, STOMP 1.2 "Repeated Header
 * Entries"), as decoded under the negotiated version.
 *
 * @param name      the header
 * @param mode      how it is judged
 * @param values    the templates ({@link StompRun}) or the pattern the mode needs
 * @param ifMissing the verdict when the header is absent (ignored for {@link Mode#ABSENT})
 */
public record HeaderCheck(String name, Mode mode, List<String> values, Verdict ifMissing) {
    /** How a header is judged. */
    public enum Mode { ONE_OF, PRESENT, ABSENT, DIFFERS, MATCHES }

    public HeaderCheck {
        values = List.copyOf(values);
    }

    /** The header is {@code value} (a template); absent is FAILED. */
    public static HeaderCheck is(String name, String value) {
        return new HeaderCheck(name, Mode.ONE_OF, List.of(value), Verdict.FAILED);
    }

    /** The header is one of {@code values}. */
    public static HeaderCheck oneOf(String name, String... values) {
        return new HeaderCheck(name, Mode.ONE_OF, List.of(values), Verdict.FAILED);
    }

    /** The header is present, any value. */
    public static HeaderCheck present(String name) {
        return new HeaderCheck(name, Mode.PRESENT, List.of(), Verdict.FAILED);
    }

    /** The header is absent. */
    public static HeaderCheck absent(String name) {
        return new HeaderCheck(name, Mode.ABSENT, List.of(), Verdict.OK);
    }

    /** The header differs from {@code template}, e.g. {@code {message-id:m1}}. */
    public static HeaderCheck differs(String name, String template) {
        return new HeaderCheck(name, Mode.DIFFERS, List.of(template), Verdict.FAILED);
    }

    /** The header matches {@code regex} entirely. */
    public static HeaderCheck matches(String name, String regex) {
        return new HeaderCheck(name, Mode.MATCHES, List.of(regex), Verdict.FAILED);
    }

    /** This check with another verdict for an absent header. */
    public HeaderCheck ifMissing(Verdict v) {
        return new HeaderCheck(name, mode, values, v);
    }

    /** Null when {@code f} passes, else the finding. */
    Finding judge(StompFrame f, StompRun run) {
        String v = f.header(name);
        String where = f.command() + " header " + name;
        if (mode == Mode.ABSENT) {
            return v == null ? null : new Finding(Verdict.FAILED, where + " should be absent, is " + quote(v));
        }
        if (v == null) {
            return ifMissing == Verdict.OK ? null : new Finding(ifMissing, where + " is missing (" + f + ")");
        }
        return switch (mode) {
            case PRESENT -> null;
            case ONE_OF -> {
                List<String> want = values.stream().map(run::value).toList();
                yield want.contains(v) ? null : new Finding(Verdict.FAILED, where + " is " + quote(v) + ", expected "
                        + String.join(" or ", want.stream().map(HeaderCheck::quote).toList()));
            }
            case DIFFERS -> run.value(values.get(0)).equals(v) ? new Finding(Verdict.FAILED, where + " is "
                    + quote(v) + " again; it must differ from " + values.get(0)) : null;
            case MATCHES -> Pattern.matches(values.get(0), v) ? null
                    : new Finding(Verdict.FAILED, where + " " + quote(v) + " is not of the form " + values.get(0));
            case ABSENT -> null;
        };
    }

    /** A value with its control characters shown (CR ^M, LF ^J, NUL ^@). */
    static String quote(String v) {
        return "\"" + v.replace("\r", "^M").replace("\n", "^J").replace("\0", "^@") + "\"";
    }

    @Override
    public String toString() {
        return switch (mode) {
            case ONE_OF -> name + ":" + String.join("|", values.stream().map(Step::show).toList());
            case PRESENT -> name + " present";
            case ABSENT -> "no " + name;
            case DIFFERS -> name + " not " + values.get(0);
            case MATCHES -> name + " ~ " + values.get(0);
        } + (ifMissing == Verdict.OK && mode != Mode.ABSENT ? " (if present)" : "");
    }
}
