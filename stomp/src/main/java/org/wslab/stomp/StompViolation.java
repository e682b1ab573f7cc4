package org.wslab.stomp;


/**
 * A broken STOMP rule: which rule, under which version, and a detail naming the offending value.
 * A server answers it with an ERROR frame ({@code message} = {@link #message()}) and closes the
 * connection (STOMP 1.2 "ERROR": "the server MUST then close the connection").
 *
 * @param rule    the rule that was broken
 * @param version the version whose text applies (1.2 before negotiation)
 * @param detail  the offending value or context, never null
 */
public record StompViolation(StompRule rule, StompVersion version, String detail) {

    public StompViolation {
        if (rule == null || version == null || detail == null) {
            throw new IllegalArgumentException("rule, version and detail are required");
        }
    }

    /** A violation cited against STOMP 1.2. */
    public static StompViolation of(StompRule rule, String detail) {
        return new StompViolation(rule, StompVersion.V1_2, detail);
    }

    /** The citation, e.g. {@code STOMP 1.2 "Value Encoding"}, or {@code wslab policy} for a server policy. */
    public String citation() {
        if (rule.isPolicy()) {
            return StompRule.POLICY_SECTION;
        }
        return version.cite(rule.title());
    }

    /** The ERROR frame's {@code message} header: rule summary and citation on one line. */
    public String message() {
        return rule.statement() + " (" + citation() + ")";
    }

    @Override
    public String toString() {
        return rule + ": " + message() + ": " + detail;
    }
}
