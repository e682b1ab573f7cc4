package org.wslab.framing.transport;

import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.HandshakeFailure;

/**
 * The application side of one connection on a {@link Transport} (RFC 6455 §6.2 messages, §5.5
 * control frames, §7 close). Every call is made on the connection's loop thread, one at a time,
 * in wire order; {@link #onClosed} exactly once, last — also after a failed handshake or a
 * failed connect. A handler that must act on its own schedule returns its next deadline from
 * {@link #tick}; one that cannot take more input calls {@link WebSocketChannel#pauseReading()}.
 */
public interface WebSocketHandler {
    /** The opening handshake succeeded (§4.1, §4.2.2); {@code channel} is OPEN and may send. */
    void onOpen(WebSocketChannel channel, Event.HandshakeCompleted opened);

    /** The opening handshake failed (§4.1); {@link #onClosed} follows. */
    default void onHandshakeFailed(HandshakeFailure failure) {
    }

    /** A complete text message as validated UTF-8 (§8.1); the array is not copied, do not change it. */
    default void onText(byte[] utf8) {
    }

    /** A complete binary message. */
    default void onBinary(byte[] data) {
    }

    /** A ping; the engine has already queued the pong (§5.5.2). */
    default void onPing(byte[] payload) {
    }

    /** A pong (§5.5.3). */
    default void onPong(byte[] payload) {
    }

    /** The outbound queue drained below its low-water mark after a send was refused or it was full. */
    default void onWritable() {
    }

    /**
     * Called after each batch of events, after each task run through
     * {@link WebSocketChannel#execute}, and when the deadline it last returned has passed;
     * returns the next deadline in {@code System.nanoTime()} terms, {@link Long#MAX_VALUE} for none.
     */
    default long tick(long nowNanos) {
        return Long.MAX_VALUE;
    }

    /** The connection is closed (§7.1.4–§7.1.6), cleanly or not; exactly once, last of the events above. */
    default void onClosed(Event.Closed closed) {
    }

    /**
     * The TCP connection is closed: at once when it broke or the transport stopped, or after the
     * §7.1.1 linger (a client once the server's FIN came, or the linger time passed). Once, after
     * {@link #onClosed}; the channel can do nothing more.
     */
    default void onSocketClosed() {
    }
}
