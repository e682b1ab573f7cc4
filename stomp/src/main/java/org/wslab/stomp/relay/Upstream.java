package org.wslab.stomp.relay;

import java.util.concurrent.CompletableFuture;
import org.wslab.stomp.client.StompConnection;
import org.wslab.stomp.session.ClientConnectOptions;

/**
 * Opens one connection to the external STOMP broker a {@link RelayBroker} forwards to (STOMP 1.2
 * "Connecting"): over TCP ({@link org.wslab.stomp.socket.StompTcpClient}) or WebSocket
 * ({@link org.wslab.stomp.jetty.StompWebSocketClient}). The transport is the Upstream's; what the
 * CONNECT frame says ({@code host}, {@code login}, {@code passcode}, {@code heart-beat}) is the
 * relay's, from {@link RelaySettings#upstreamConnect()}.
 */
@FunctionalInterface
public interface Upstream {
    /**
     * A new connected STOMP session to the external broker for the client session {@code sessionId},
     * sending CONNECT with {@code connect}; called again for each reconnect attempt. Must not block:
     * it runs on the relay's scheduler thread (both clients above connect in the background). Pass
     * {@code connect} on unchanged: its heart-beats are how a half-open connection is noticed.
     */
    CompletableFuture<StompConnection> open(String sessionId, ClientConnectOptions connect);
}
