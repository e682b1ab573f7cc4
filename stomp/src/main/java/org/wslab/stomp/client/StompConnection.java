package org.wslab.stomp.client;

/**
 * A connected STOMP client, whatever carries it (WebSocket or TCP): the {@link StompClient} to call,
 * plus what the WebSocket handshake agreed (RFC 6455 §1.9 sub-protocol; STOMP 1.2 "Connecting").
 *
 * @param client      subscribe, send, ack, transactions, disconnect
 * @param subProtocol the WebSocket sub-protocol the server selected, or null (none, or not WebSocket)
 */
public record StompConnection(StompClient client, String subProtocol) {
}
