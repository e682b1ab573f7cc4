package org.wslab.framing.transport;

/**
 * The outcome of a send on a {@link WebSocketChannel}: queued, or a typed refusal. A refusal sends
 * nothing; a message is never dropped silently.
 */
public enum SendResult {
    /** Queued for the socket. */
    SENT,
    /** The connection is not OPEN (RFC 6455 §5.5.1: nothing after a close). */
    NOT_OPEN,
    /**
     * The outbound queue is at its limit (wslab policy): wait for
     * {@link WebSocketHandler#onWritable()}. Sending again before that fails the connection
     * with {@link org.wslab.framing.codec.Violation#OUTBOUND_OVERFLOW}.
     */
    OUTBOUND_FULL;

    /** Whether the message was queued. */
    public boolean sent() {
        return this == SENT;
    }
}
