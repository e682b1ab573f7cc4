package org.wslab.framing.transport;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.function.Supplier;
import org.wslab.framing.engine.Connection;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.ServerOpening;
import org.wslab.handshake.ServerHandshake;

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
     * Like {@link #accept(long)}, told the peer's address ({@code null} when the socket could not
     * say): what a server that logs its connections overrides. The listener calls this one.
     */
    default Accepted accept(long nowNanos, InetSocketAddress remote) {
        return accept(nowNanos);
    }

    /**
     * A connection from {@code remote} ({@code null} when unknown) came over the connection limit and
     * was answered 503 (RFC 9110 §15.6.4) without reaching {@link #accept}; called on the listener's
     * loop thread, so it must not block.
     */
    default void refused(InetSocketAddress remote, int limit, long nowNanos) {
    }

    /**
     * Every connection answered by {@code handshake} (RFC 6455 §4.2) under {@code settings}, each
     * with a new handler from {@code handlers}: the simplest server.
     */
    static Acceptor serving(ServerHandshake handshake, EngineSettings settings, Supplier<WebSocketHandler> handlers) {
        return now -> new Accepted(Connection.server(new ServerOpening(handshake), settings, now), handlers.get());
    }

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
