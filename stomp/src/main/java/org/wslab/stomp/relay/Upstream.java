package org.wslab.stomp.relay;

import java.util.concurrent.CompletableFuture;
import org.wslab.stomp.jetty.StompConnection;

/**
 * Opens one connection to the external STOMP broker a {@link RelayBroker} forwards to: over TCP
 * ({@link org.wslab.stomp.socket.StompTcpClient}) or WebSocket
 * ({@link org.wslab.stomp.jetty.StompWebSocketClient}).
 */
@FunctionalInterface
public interface Upstream {
    /**
     * A new connected STOMP session to the external broker, for the client session {@code sessionId};
     * called again for each reconnect attempt. Must not block: it runs on the relay's scheduler
     * thread (both clients above connect in the background). Upstream heart-beats are worth
     * asking for: they are how a half-open connection (no FIN) is noticed as an outage.
     */
    CompletableFuture<StompConnection> open(String sessionId);
}
