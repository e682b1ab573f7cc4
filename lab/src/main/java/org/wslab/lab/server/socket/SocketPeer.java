package org.wslab.lab.server.socket;

import java.util.Optional;
import org.wslab.framing.transport.SendResult;
import org.wslab.handshake.deflate.DeflateParameters;
import org.wslab.handshake.http.RequestHead;

/**
 * The sending side of one open WebSocket connection on the socket engine, as a
 * {@link SocketHandler} sees it: the connection's {@link org.wslab.framing.transport.WebSocketChannel}
 * plus the request it was opened with. Sends are made on the connection's loop thread (the
 * handler's calls are); {@link #execute} is thread-safe and runs a task there. Every send
 * returns a typed result: {@link SendResult#NOT_OPEN} once the connection is closing or closed
 * (RFC 6455 §5.5.1: nothing after a close), {@link SendResult#OUTBOUND_FULL} while the bounded
 * outbound queue is full (wait for {@link SocketHandler#onWritable()}).
 */
public interface SocketPeer {
    /** The client's opening request (its target says which resource was asked for, §4.1). */
    RequestHead request();

    /** The sub-protocol agreed in the handshake (§4.2.2 /subprotocol/), if any. */
    Optional<String> subprotocol();

    /** The negotiated permessage-deflate parameters (RFC 7692 §7), if any. */
    Optional<DeflateParameters> deflate();

    /** Sends a text message (§5.6). */
    SendResult sendText(String text);

    /** Sends a text message of bytes known to be valid UTF-8 (§8.1; not validated again). */
    SendResult sendText(byte[] utf8);

    /** Sends a binary message (§5.6). */
    SendResult sendBinary(byte[] data);

    /** Sends a ping (≤ 125 bytes, §5.5.2). */
    SendResult sendPing(byte[] payload);

    /** Starts the closing handshake with {@code code} and {@code reason} (§7.1.2). */
    boolean close(int code, String reason);

    /**
     * Sends a last message (text when {@code text}: bytes known to be valid UTF-8) and starts the
     * closing handshake, even past the outbound limit — by that one message at most, since nothing
     * follows a close (§5.5.1). On the loop thread only. False when the connection was not OPEN.
     */
    boolean sendLastThenClose(byte[] octets, boolean text, int code, String reason);

    /** Bytes queued for the socket and not yet written. */
    long outboundBytes();

    /** Whether a send would be accepted now (OPEN, outbound queue below its limit). */
    boolean writable();

    /** Stops reading this connection's socket until {@link #resumeReading()}. */
    void pauseReading();

    /** Reads again after {@link #pauseReading()}. */
    void resumeReading();

    /** Runs {@code task} on the connection's loop thread soon; thread-safe (wakes the loop). */
    void execute(Runnable task);
}
