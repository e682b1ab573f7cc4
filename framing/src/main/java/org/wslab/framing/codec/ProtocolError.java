package org.wslab.framing.codec;

/**
 * A refusal: the rule broken, where it is written, and the close code it leads to.
 *
 * @param violation the rule (carries its RFC section and close code)
 * @param detail    what this input did, e.g. {@code "opcode 0x3"}
 */
public record ProtocolError(Violation violation, String detail) {
    /** The close code the connection fails with (RFC 6455 §7.4.1). */
    public CloseCode closeCode() {
        return violation.closeCode();
    }

    /**
     * The close reason we send and report: the rule's {@link Violation#cite() cite}, e.g.
     * {@code "RFC 6455 §5.5 — control frames must not be fragmented"}, so the peer's log names the
     * rule too. Every rule fits the 123 bytes a reason may hold (§5.5); {@code CloseBody} would
     * cut a longer one on a code point.
     */
    public String reason() {
        return violation.cite();
    }

    @Override
    public String toString() {
        return violation.section() + " (" + violation.closeCode().code() + "): " + violation.rule()
                + (detail.isEmpty() ? "" : " — " + detail);
    }
}
