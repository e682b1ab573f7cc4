package org.wslab.conformance;

import java.util.Objects;

/**
 * What the {@link Judge} concluded from one connection, before the case's {@link Strictness} caps it.
 *
 * @param verdict  the judged verdict
 * @param observed what the server did, in words, citing the rule when it broke one
 */
public record Finding(Verdict verdict, String observed) {
    public Finding {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(observed, "observed");
    }
}
