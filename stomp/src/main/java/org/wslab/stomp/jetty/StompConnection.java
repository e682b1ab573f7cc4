package org.wslab.stomp.jetty;

import org.wslab.stomp.session.StompClientSession;

/**
 * A connected STOMP client over WebSocket: the sans-I/O {@link StompClientSession} to call, plus
 * what the handshake agreed.
 *
 * @param session     subscribe, send, ack, transactions, disconnect
 * @param subProtocol the WebSocket sub-protocol the server selected, or null
 */
public record StompConnection(StompClientSession session, String subProtocol) {
}
