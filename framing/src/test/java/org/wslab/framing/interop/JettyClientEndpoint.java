package org.wslab.framing.interop;

import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** A Jetty client endpoint that queues everything it receives (public: Jetty invokes it by method handle). */
public final class JettyClientEndpoint implements Session.Listener.AutoDemanding {
    /** Messages (String or byte[]), pongs (as "pong:" + length) and the close ("close:" + code + ":" + reason). */
    final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

    @Override
    public void onWebSocketText(String message) {
        received.add(message);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] copy = new byte[payload.remaining()];
        payload.get(copy);
        callback.succeed();
        received.add(copy);
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        received.add("pong:" + payload.remaining());
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        received.add("close:" + statusCode + ":" + reason);
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        received.add("error:" + cause);
    }
}
