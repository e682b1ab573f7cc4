package org.wslab.handshake.spec;

import java.util.Objects;

/**
 * One rule checked against a message: the rule (with its section of RFC 6455 §4, RFC 7692 §7.1
 * or RFC 9112), the outcome, and what was found, e.g. {@code FAIL ACCEPT_MATCHES_KEY: expected s3pPLMBiTxaQ9kYGzzhZRbK+xOo=, got ...}.
 *
 * @param rule    the rule checked
 * @param outcome pass, fail or info
 * @param detail  what was found (expected vs actual where that applies)
 */
public record RuleCheck(SpecRule rule, Outcome outcome, String detail) {
    public RuleCheck {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    public static RuleCheck pass(SpecRule rule, String detail) {
        return new RuleCheck(rule, Outcome.PASS, detail);
    }

    public static RuleCheck fail(SpecRule rule, String detail) {
        return new RuleCheck(rule, Outcome.FAIL, detail);
    }

    public static RuleCheck info(SpecRule rule, String detail) {
        return new RuleCheck(rule, Outcome.INFO, detail);
    }

    /** Whether the outcome is {@link Outcome#FAIL}. */
    public boolean failed() {
        return outcome == Outcome.FAIL;
    }

    /** {@code FAIL RFC 6455 §4.2.1 (5) KEY_IS_16_BYTES_BASE64: detail}. */
    @Override
    public String toString() {
        return outcome + " " + rule.section() + " " + rule.name() + ": " + detail;
    }
}
