package org.wslab.handshake.jetty;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketError;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;

/** A Jetty 12 endpoint that echoes every text message. */
@WebSocket
public class EchoEndpoint {
    @OnWebSocketMessage
    public void onText(Session session, String message) {
        session.sendText(message, Callback.NOOP);
    }

    /** Errors (e.g. a test closing its socket abruptly) are expected here; keep them quiet. */
    @OnWebSocketError
    public void onError(Throwable cause) {
        // the tests assert on messages and handshake results, not on transport errors
    }
}
