package org.wslab.framing.transport;

import org.wslab.handshake.http.HeadWriter;
import org.wslab.handshake.http.Headers;
import org.wslab.handshake.http.ResponseHead;

/**
 * The answer to a connection over a server's connection limit: {@code 503 Service Unavailable}
 * (RFC 9110 §15.6.4) with {@code Retry-After: 1} (§10.2.3), after which the connection closes.
 * The one copy.
 */
final class BusyAnswer {
    private static final byte[] BYTES = HeadWriter.write(ResponseHead.of(503, "Service Unavailable",
            Headers.of("Retry-After", "1", "Content-Length", "0", "Connection", "close")));

    private BusyAnswer() {}

    /** The response head as written to the wire. */
    static byte[] bytes() {
        return BYTES.clone();
    }
}
