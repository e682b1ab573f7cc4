package org.wslab.handshake.jetty;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;

/** A Jetty 12 endpoint that echoes every text message. */
@WebSocket
public class EchoEndpoint {
    @OnWebSocketMessage
    public void onText(Session session, String message) {
        session.sendText(message, Callback.NOOP);
    }
}
