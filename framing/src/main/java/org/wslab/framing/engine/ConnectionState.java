package org.wslab.framing.engine;

/** The connection states of RFC 6455 §4.1 (CONNECTING, OPEN) and §7 (CLOSING, CLOSED). */
public enum ConnectionState {
    /** The opening handshake is under way (§4). */
    CONNECTING,
    /** Data may flow both ways (§4.1 "_The WebSocket Connection is Established_"). */
    OPEN,
    /** We sent a close frame and wait for the peer's (§7.1.2). */
    CLOSING,
    /** The closing handshake is done or the connection failed (§7.1.4); close the transport. */
    CLOSED
}
