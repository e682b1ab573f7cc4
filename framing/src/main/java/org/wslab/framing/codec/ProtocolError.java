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

    /** A one-line message fit for a close reason (kept short: a reason is at most 123 bytes). */
    public String reason() {
        String text = violation.rule();
        return text.length() > 120 ? text.substring(0, 120) : text;
    }

    @Override
    public String toString() {
        return violation.section() + " (" + violation.closeCode().code() + "): " + violation.rule()
                + (detail.isEmpty() ? "" : " — " + detail);
    }
}
