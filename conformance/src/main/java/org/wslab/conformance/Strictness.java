package org.wslab.conformance;

/**
 * How hard the rule a case tests is (RFC 2119 keywords as RFC 6455 uses them), and so the worst
 * verdict a breach of it can earn.
 */
public enum Strictness {
    /** A MUST: a breach is {@link Verdict#FAILED}. */
    MUST,
    /** A SHOULD: a breach is {@link Verdict#NON_STRICT}. */
    SHOULD,
    /** The specification leaves it open: whatever happens is {@link Verdict#INFORMATIONAL}. */
    INFORMATIONAL;

    /** The verdict a judged outcome earns under this strictness. */
    public Verdict cap(Verdict judged) {
        return switch (this) {
            case MUST -> judged;
            case SHOULD -> judged == Verdict.FAILED ? Verdict.NON_STRICT : judged;
            case INFORMATIONAL -> judged == Verdict.UNIMPLEMENTED ? judged : Verdict.INFORMATIONAL;
        };
    }
}
