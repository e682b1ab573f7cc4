package org.wslab.lab.server.socket;

import org.wslab.lab.server.EndpointKind;
import org.wslab.lab.stomp.LabStomp;

/**
 * What our engine runs for each kind of endpoint: given to {@link SocketLabServer} by the package
 * above it, so this engine knows no STOMP adapter (RFC 6455 §4.2.2: after the 101 the connection
 * belongs to the endpoint at its path). Endpoints with shared state get it from the server:
 * {@code stomp} is the STOMP broker this server opened.
 */
@FunctionalInterface
public interface SocketEndpoints {
    /** The endpoint serving {@code kind} on a server whose STOMP broker is {@code stomp}. */
    SocketEndpoint endpointFor(EndpointKind kind, LabStomp stomp);

    /** The echo endpoint (RFC 6455 §5.6: each data message sent back unchanged, by type). */
    static SocketEndpoint echo() {
        return EchoHandler::new;
    }
}
