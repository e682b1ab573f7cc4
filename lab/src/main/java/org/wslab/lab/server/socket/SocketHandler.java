package org.wslab.lab.server.socket;

import org.wslab.framing.engine.Event;

/**
 * Serves one open WebSocket connection of a socket endpoint: receives the connection's events
 * (RFC 6455 §6.2 messages, §5.5 control frames, §7 close) and answers through its
 * {@link SocketPeer}. Created by {@link SocketEndpoint#open} once the opening handshake succeeded.
 *
 * <p>Every method runs on the connection's loop thread of the NIO transport, one at a time and in
 * wire order. A handler that must act on its own schedule (STOMP heart-beats) returns its next
 * deadline from {@link #tick}; one that cannot take more input pauses the peer's reading
 * ({@link SocketPeer#pauseReading()}) and resumes it later, e.g. in {@link #onWritable()}.
 */
public interface SocketHandler {
    /** A complete text message as validated UTF-8 bytes (§8.1); do not change the array. */
    void onText(byte[] utf8);

    /** A complete binary message. */
    void onBinary(byte[] data);

    /** A ping; the engine has already answered it with a pong (§5.5.2). */
    default void onPing(byte[] payload) {
    }

    /** A pong (§5.5.3). */
    default void onPong(byte[] payload) {
    }

    /** The peer's outbound queue drained below its low-water mark after it was full. */
    default void onWritable() {
    }

    /**
     * The connection is closed (§7.1.4–§7.1.6), cleanly or not; called exactly once, last.
     * {@code closed.error()} names the rule broken when our side failed the connection.
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
