package org.wslab.handshake;

import java.util.List;
import java.util.Optional;

/**
 * How a server picks one sub-protocol (RFC 6455 §4.2.2 (5.4), §1.9) from the client's
 * {@code Sec-WebSocket-Protocol} list and its own supported list. Names compare exactly
 * (case-sensitive), as RFC 6455 §4.1 (10) treats them as opaque strings.
 */
public enum SubprotocolPolicy {
    /**
     * The first offered name the server supports: what the notes' server did, answering
     * {@code v10.stomp} to {@code v10.stomp, v11.stomp, v12.stomp}.
     */
    CLIENT_ORDER,
    /**
     * The first supported name (in the server's order of preference) that was offered: a STOMP
     * server listing {@code v12.stomp, v11.stomp, v10.stomp} picks {@code v12.stomp}.
     */
    SERVER_PREFERENCE;

    /** The chosen name, or empty when nothing offered is supported (the response then omits the field). */
    public Optional<String> choose(List<String> offered, List<String> supported) {
        List<String> outer = this == CLIENT_ORDER ? offered : supported;
        List<String> inner = this == CLIENT_ORDER ? supported : offered;
        for (String name : outer) {
            if (inner.contains(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
