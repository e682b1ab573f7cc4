package org.wslab.stomp.codec;

/**
 * One header entry, kept exactly: values are never trimmed (STOMP 1.2 "Frames and Headers":
 * "Implementations MUST NOT trim or pad header values") and repeats stay in order.
 *
 * @param name  header name, decoded (unescaped)
 * @param value header value, decoded (unescaped); may be empty
 */
public record StompHeader(String name, String value) {
    public StompHeader {
        if (name == null || value == null) {
            throw new IllegalArgumentException("header name and value must not be null");
        }
    }
}
