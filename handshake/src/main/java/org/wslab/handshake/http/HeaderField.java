package org.wslab.handshake.http;

import java.util.Objects;

/**
 * One field line of a head (RFC 9110 §5, RFC 9112 §5): a name kept in the case it was written
 * (lookups ignore case) and a value without surrounding whitespace. Bytes map to chars as
 * ISO-8859-1 so that obs-text round-trips byte for byte.
 *
 * @param name  a token (RFC 9110 §5.6.2)
 * @param value field-vchar, SP and HTAB only, no leading or trailing SP/HTAB
 */
public record HeaderField(String name, String value) {
    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!HttpChars.isToken(name)) {
            throw new IllegalArgumentException("field name is not a token (RFC 9110 §5.1): \"" + name + "\"");
        }
        int bad = HttpChars.firstInvalidValueChar(value);
        if (bad >= 0) {
            throw new IllegalArgumentException(String.format(
                    "field value of %s has character U+%04X at %d (RFC 9110 §5.5)", name, (int) value.charAt(bad), bad));
        }
        if (!value.isEmpty() && (HttpChars.isOws(value.charAt(0)) || HttpChars.isOws(value.charAt(value.length() - 1)))) {
            throw new IllegalArgumentException("field value of " + name + " has surrounding whitespace");
        }
    }

    /** Whether this field's name equals {@code other}, ignoring ASCII case. */
    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }

    /** {@code Name: value}, as on the wire without the line end. */
    @Override
    public String toString() {
        return name + ": " + value;
    }
}
