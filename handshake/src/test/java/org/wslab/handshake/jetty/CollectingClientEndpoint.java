package org.wslab.handshake.jetty;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketError;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;

/** A Jetty client endpoint that keeps the text messages it receives. */
@WebSocket
public class CollectingClientEndpoint {
    final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

    @OnWebSocketMessage
    public void onText(String message) {
        messages.add(message);
    }

    /** Errors (e.g. a test closing its socket abruptly) are expected here; keep them quiet. */
    @OnWebSocketError
    public void onError(Throwable cause) {
        // the tests assert on messages and handshake results, not on transport errors
    }
}
