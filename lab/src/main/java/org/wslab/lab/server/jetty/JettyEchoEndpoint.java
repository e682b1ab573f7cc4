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
}
