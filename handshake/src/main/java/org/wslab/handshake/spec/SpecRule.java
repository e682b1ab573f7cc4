package org.wslab.handshake.spec;

/**
 * A rule of a specification that a check can pass or fail: every typed refusal, parse failure and
 * explainer finding in this module names one. Implemented by enums ({@code HttpRule},
 * {@code HandshakeRule}, {@code DeflateRule}) whose constants carry the section they come from
 * (e.g. {@code RFC 6455 §4.2.1 (5)}) and a one-line statement of the rule.
 */
public interface SpecRule {
    /** The constant's name, e.g. {@code KEY_IS_16_BYTES_BASE64}. */
    String name();

    /** Where the rule is written, e.g. {@code RFC 6455 §4.2.1 (5)}. */
    String section();

    /** The rule in one line, in our words. */
    String statement();

    /** {@code section — statement}, for one-line messages. */
    default String cite() {
        return section() + " — " + statement();
    }
}
