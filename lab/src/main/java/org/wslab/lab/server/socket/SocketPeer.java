package org.wslab.lab.server.socket;

import java.util.Optional;
import org.wslab.handshake.deflate.DeflateParameters;
import org.wslab.handshake.http.RequestHead;

/**
 * The sending side of one open WebSocket connection on the socket engine, as a
 * {@link SocketHandler} sees it. Thread-safe: any thread may send. Every send returns false (and
 * sends nothing) once the connection is closing or closed (RFC 6455 §5.5.1: nothing after a close)
 * or the transport failed.
 */
public interface SocketPeer {
    /** The client's opening request (its target says which resource was asked for, §4.1). */
    RequestHead request();

    /** The sub-protocol agreed in the handshake (§4.2.2 /subprotocol/), if any. */
    Optional<String> subprotocol();

    /** The negotiated permessage-deflate parameters (RFC 7692 §7), if any. */
    Optional<DeflateParameters> deflate();

    /** Sends a text message (§5.6). */
    boolean sendText(String text);

    /** Sends a binary message (§5.6). */
    boolean sendBinary(byte[] data);

    /** Sends a ping (≤ 125 bytes, §5.5.2). */
    boolean sendPing(byte[] payload);

    /** Starts the closing handshake with {@code code} and {@code reason} (§7.1.2). */
    boolean close(int code, String reason);
}
