package org.wslab.lab.server.socket;

import org.wslab.framing.engine.Event;

/**
 * Serves one open WebSocket connection of a socket endpoint: receives the connection's events
 * (RFC 6455 §6.2 messages, §5.5 control frames, §7 close) and answers through its
 * {@link SocketPeer}. Created by {@link SocketEndpoint#open} once the opening handshake succeeded.
 *
 * <p>Every method runs on the connection's own reader thread, one at a time and in wire order;
 * a handler may also send from other threads (a broker delivering a message), since
 * {@link SocketPeer} is thread-safe. A handler that must act on its own schedule (STOMP
 * heart-beats) returns its next deadline from {@link #tick}.
 */
public interface SocketHandler {
    /** A complete text message (already validated as UTF-8, §8.1). */
    void onText(String text);

    /** A complete binary message. */
    void onBinary(byte[] data);

    /** A ping; the engine has already answered it with a pong (§5.5.2). */
    default void onPing(byte[] payload) {
    }

    /** A pong (§5.5.3). */
    default void onPong(byte[] payload) {
    }

    /**
     * The connection is closed (§7.1.4–§7.1.6), cleanly or not; called exactly once, last.
     * {@code closed.error()} names the rule the peer broke when our engine failed the connection.
     */
    default void onClosed(Event.Closed closed) {
    }

    /**
     * Called after each batch of events and whenever the deadline it last returned has passed;
     * returns the next deadline in {@code System.nanoTime()} terms, {@link Long#MAX_VALUE} for none.
     */
    default long tick(long nowNanos) {
        return Long.MAX_VALUE;
    }
}
