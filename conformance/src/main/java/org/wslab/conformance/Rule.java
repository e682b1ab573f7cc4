package org.wslab.conformance;

import java.util.Objects;

/**
 * The rule a case tests, where it is written, e.g. {@code RFC 6455 §5.2} "RSV1, RSV2, RSV3: MUST
 * be 0 unless an extension is negotiated".
 *
 * @param section   the section, e.g. {@code "RFC 6455 §5.5"}
 * @param statement the rule in a sentence
 */
public record Rule(String section, String statement) {
    public Rule {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(statement, "statement");
    }

    /** A rule of RFC 6455 at {@code §section}. */
    public static Rule rfc6455(String section, String statement) {
        return new Rule("RFC 6455 §" + section, statement);
    }

    /** A rule of RFC 7692 (permessage-deflate) at {@code §section}. */
    public static Rule rfc7692(String section, String statement) {
        return new Rule("RFC 7692 §" + section, statement);
    }

    @Override
    public String toString() {
        return section + ": " + statement;
    }
}
