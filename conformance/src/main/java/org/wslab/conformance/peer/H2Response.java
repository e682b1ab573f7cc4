package org.wslab.conformance.peer;

import java.util.List;
import org.wslab.handshake.http.HeaderField;

/**
 * The server's HEADERS answering an {@link H2Connect} (RFC 9113 §8.3.2): its {@code :status} and fields,
 * and whether it ended the stream at once (a refusal with no body).
 *
 * @param status    the {@code :status}: a 2xx accepts the WebSocket (RFC 8441 §5), anything else refuses it
 * @param fields    the header fields, names lower-case
 * @param endStream whether the HEADERS frame carried END_STREAM
 */
public record H2Response(int status, List<HeaderField> fields, boolean endStream) {
    public H2Response {
        fields = List.copyOf(fields);
    }

    /** Whether the server took the request: any 2xx (RFC 9113 §8.5; RFC 8441 §5's example answers 200). */
    public boolean accepted() {
        return status / 100 == 2;
    }

    /** The values of the field {@code name} (any case), in order. */
    public List<String> all(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(HeaderField::value).toList();
    }

    /** The status line and fields, as the case's notes show them. */
    String describe() {
        StringBuilder b = new StringBuilder(":status: ").append(status);
        for (HeaderField f : fields) {
            b.append('\n').append(f.name()).append(": ").append(f.value());
        }
        return b.append(endStream ? "\n(END_STREAM)" : "").toString();
    }
}
