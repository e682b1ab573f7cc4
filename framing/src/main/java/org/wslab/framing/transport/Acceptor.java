package org.wslab.framing.transport;

import java.util.Objects;
import org.wslab.framing.engine.Connection;

/**
 * What a {@link Transport} listener runs for each accepted TCP connection: a server
 * {@link Connection} (its {@link org.wslab.framing.engine.OpeningHandshake} answers the RFC 6455
 * §4.2 handshake, and may route by path) and the handler its events go to.
 */
@FunctionalInterface
public interface Acceptor {
    /** The engine and handler for a connection accepted at {@code nowNanos}; called on its loop thread. */
    Accepted accept(long nowNanos);

    /**
     * One accepted connection's engine and handler.
     *
     * @param connection a server connection, CONNECTING
     * @param handler    where its events go
     */
    record Accepted(Connection connection, WebSocketHandler handler) {
        public Accepted {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(handler, "handler");
        }
    }
}
