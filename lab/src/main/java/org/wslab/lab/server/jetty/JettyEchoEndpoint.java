package org.wslab.lab.server.jetty;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The echo endpoint on Jetty: each text or binary message (RFC 6455 §5.6) goes back unchanged.
 * A binary buffer is Jetty's until its callback completes, so the echo completes it only once the
 * reply is written; Jetty demands the next frame then, which keeps a fast sender from queueing
 * unbounded replies. Pings are answered by Jetty itself (RFC 6455 §5.5.2).
 *
 * <p>Public because Jetty binds listener methods through {@code MethodHandles.publicLookup()}: a
 * non-public listener class fails at connect with an {@code IllegalAccessException}.
 */
public final class JettyEchoEndpoint extends Session.Listener.AbstractAutoDemanding {

    @Override
    public void onWebSocketText(String message) {
        getSession().sendText(message, Callback.NOOP);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        getSession().sendBinary(payload, callback);
    }

    /**
     * A peer that vanishes, or a message over the limit, ends here after Jetty has already closed
     * the session with the right code (1006, 1009, …); the echo has nothing to add, and without
     * this method Jetty would log every such end as an "Unhandled Error" warning.
     */
    @Override
    public void onWebSocketError(Throwable cause) {
        // the session is closed by Jetty with the code the error leads to
    }
}
