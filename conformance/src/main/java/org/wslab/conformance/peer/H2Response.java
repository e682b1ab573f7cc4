package org.wslab.conformance.peer;

import java.util.Objects;
import org.wslab.handshake.http.HeaderField;
import org.wslab.handshake.http.Headers;

/**
 * The server's HEADERS answering an {@link H2Connect} (RFC 9113 §8.3.2): its {@code :status} and fields,
 * and whether it ended the stream at once (a refusal with no body).
 *
 * @param status    the {@code :status}: a 2xx accepts the WebSocket (RFC 8441 §5), anything else refuses it
 * @param headers   the header fields, names lower-case
 * @param endStream whether the HEADERS frame carried END_STREAM
 */
public record H2Response(int status, Headers headers, boolean endStream) {
    public H2Response {
        Objects.requireNonNull(headers, "headers");
    }

    /** Whether the server took the request: any 2xx (RFC 9113 §8.5; RFC 8441 §5's example answers 200). */
    public boolean accepted() {
        return status / 100 == 2;
    }

    /** The status line and fields, as the case's notes show them. */
    String describe() {
        StringBuilder b = new StringBuilder(":status: ").append(status);
        for (HeaderField f : headers.fields()) {
            b.append('\n').append(f.name()).append(": ").append(f.value());
        }
        return b.append(endStream ? "\n(END_STREAM)" : "").toString();
    }
}
