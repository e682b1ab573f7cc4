package org.wslab.benchmarks.endtoend;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * Jetty 12's {@link WebSocketClient} (its own connection pool, selector and frame flusher): one
 * client, one {@link Session} per connection. Each echo is copied out of Jetty's buffer (its buffer
 * is only lent until the callback) and counted; the send hands Jetty a fresh view of the payload
 * because Jetty moves the buffer's position as it writes.
 */
public final class JettyEchoPeers implements EchoPeers {
    private final WebSocketClient client;
    private final List<Listener> listeners = new ArrayList<>();
    private final Arrivals arrivals = new Arrivals();

    private JettyEchoPeers(WebSocketClient client) {
        this.client = client;
    }

    /** Opens {@code connections} sessions to {@code uri} (no extensions offered). */
    public static JettyEchoPeers open(URI uri, int connections) {
        WebSocketClient client = new WebSocketClient();
        client.setMaxBinaryMessageSize(16L << 20);
        JettyEchoPeers all = new JettyEchoPeers(client);
        try {
            client.start();
            for (int i = 0; i < connections; i++) {
                Listener l = new Listener(all.arrivals);
                client.connect(l, uri).get(10, TimeUnit.SECONDS);
                all.listeners.add(l);
            }
            return all;
        } catch (Exception e) {
            all.close();
            throw new IllegalStateException("Jetty's client could not open " + connections + " connections to " + uri, e);
        }
    }

    @Override
    public int connections() {
        return listeners.size();
    }

    @Override
    public void echoAll(byte[] payload) {
        arrivals.expect(listeners.size());
        for (Listener l : listeners) {
            l.send(payload);
        }
        arrivals.await();
    }

    @Override
    public void echoOne(int i, byte[] payload) {
        arrivals.expect(1);
        listeners.get(i).send(payload);
        arrivals.await();
    }

    @Override
    public byte[] lastEcho(int i) {
        return listeners.get(i).last;
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // the client's threads end with the benchmark's JVM either way
        }
    }

    /** One session's listener; public because Jetty binds listeners through a public lookup. */
    public static final class Listener extends Session.Listener.AbstractAutoDemanding {
        private final Arrivals arrivals;
        private final Callback sent;
        volatile byte[] last;

        Listener(Arrivals arrivals) {
            this.arrivals = arrivals;
            this.sent = Callback.from(() -> { }, e -> arrivals.fail("send failed: " + e));
        }

        void send(byte[] payload) {
            getSession().sendBinary(ByteBuffer.wrap(payload), sent);
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            byte[] copy = new byte[payload.remaining()];
            payload.get(copy);
            last = copy;
            callback.succeed();
            arrivals.arrive();
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            arrivals.fail("closed: " + statusCode + " " + reason);
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            arrivals.fail("error: " + cause);
        }
    }
}
