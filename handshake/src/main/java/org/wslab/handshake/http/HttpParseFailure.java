package org.wslab.handshake.http;

import java.util.Objects;

/**
 * Why a head could not be parsed: the rule broken ({@link HttpRule}, with its RFC section), the
 * byte offset from the start of the head where it was detected, and a detail for humans.
 *
 * @param rule   the RFC 9112 / 9110 / 6455 rule that the input breaks
 * @param offset offset in bytes from the first byte of the head (including skipped leading blank lines)
 * @param detail what was found, e.g. {@code "method is POST"}
 */
public record HttpParseFailure(HttpRule rule, long offset, String detail) {
    public HttpParseFailure {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return rule.section() + " " + rule.name() + " at byte " + offset + ": " + detail;
    }
}
