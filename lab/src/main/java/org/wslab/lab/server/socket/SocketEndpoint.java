package org.wslab.lab.server.socket;

/**
 * What the socket engine runs at one path: a factory of one {@link SocketHandler} per accepted
 * WebSocket connection (RFC 6455 §4.2.2: after the 101 the connection belongs to the endpoint).
 * The peer knows the negotiated sub-protocol and the request, so one endpoint can serve
 * several sub-protocol versions (STOMP's {@code v10.stomp}, {@code v11.stomp}, {@code v12.stomp}).
 */
@FunctionalInterface
public interface SocketEndpoint {
    /** A handler for the connection that just opened; {@code peer} is OPEN. */
    SocketHandler open(SocketPeer peer);
}
