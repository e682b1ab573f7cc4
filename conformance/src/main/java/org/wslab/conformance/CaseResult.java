package org.wslab.conformance;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.wslab.conformance.peer.WireLog;

/**
 * The outcome of playing one case: the verdict, what was expected against what was observed,
 * the annotated wire log that shows it, and how long it took.
 *
 * @param conformanceCase the case played
 * @param verdict         the verdict after the case's {@link Strictness}
 * @param judged          the verdict before it (an INFORMATIONAL case still says what it saw)
 * @param observed        what the server did, in words
 * @param wire            every byte both ways, labelled; null when no connection was made
 * @param duration        wall time of the case
 */
public record CaseResult(ConformanceCase conformanceCase, Verdict verdict, Verdict judged, String observed, WireLog wire,
                         Duration duration) {
    public CaseResult {
        Objects.requireNonNull(conformanceCase, "conformanceCase");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(judged, "judged");
        Objects.requireNonNull(observed, "observed");
        Objects.requireNonNull(duration, "duration");
    }

    /** The case's id. */
    public CaseId id() {
        return conformanceCase.id();
    }

    /** What a conforming server does. */
    public String expected() {
        return conformanceCase.expects();
    }

    /** The wire log, when a connection was made. */
    public Optional<WireLog> wireLog() {
        return Optional.ofNullable(wire);
    }

    /** The result as a few lines: id, verdict, rule, expected, observed. */
    public String describe() {
        return id() + " " + verdict + (judged != verdict ? " (judged " + judged + ")" : "") + " — "
                + conformanceCase.title() + "\n  rule:     " + conformanceCase.rule()
                + "\n  sends:    " + conformanceCase.sends()
                + "\n  expected: " + expected() + "\n  observed: " + observed;
    }

    /** {@link #describe()}, then the annotated bytes of the exchange (its wire log). */
    public String describeWithWire() {
        return describe() + wireLog().map(w -> "\n  wire:\n" + w.render()).orElse("\n  wire: (no connection)");
    }
}
