package org.wslab.handshake.explain;

import java.util.Objects;
import org.wslab.handshake.http.HeaderField;

/**
 * A header line with what it means for the handshake, for printing next to it:
 * {@code Sec-WebSocket-Key: ...   [required] RFC 6455 §4.1 (7): 16 random bytes, base64}.
 *
 * @param field   the header line
 * @param role    required / optional / obsolete / unrelated
 * @param section where it is defined, e.g. {@code RFC 6455 §11.3.1} (empty for unrelated fields)
 * @param note    one line on its role here
 */
public record HeaderAnnotation(HeaderField field, HeaderRole role, String section, String note) {
    public HeaderAnnotation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(note, "note");
    }

    /** {@code [required] RFC 6455 §4.1 (7): note}, the text printed after the header line. */
    public String label() {
        String tag = "[" + role.name().toLowerCase(java.util.Locale.ROOT) + "]";
        return section.isEmpty() ? tag + " " + note : tag + " " + section + ": " + note;
    }
}
