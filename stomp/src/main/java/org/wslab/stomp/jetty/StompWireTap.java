package org.wslab.stomp.jetty;

/**
 * Sees every WebSocket message of a STOMP connection, for traces ({@code --trace} renders them
 * with {@link org.wslab.stomp.codec.StompTrace}). Called on I/O threads; must not block.
 */
public interface StompWireTap {
    /** Ignores everything. */
    StompWireTap NONE = new StompWireTap() { };

    /** A connection opened with this WebSocket sub-protocol (null when none was agreed). */
    default void opened(String connectionId, String subProtocol) {
    }

    /** Octets received in one WebSocket message. */
    default void inbound(String connectionId, byte[] octets) {
    }

    /** Octets sent in one WebSocket message. */
    default void outbound(String connectionId, byte[] octets) {
    }

    /** The connection closed. */
    default void closed(String connectionId) {
    }
}
