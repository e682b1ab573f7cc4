package org.wslab.lab.server;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * Jetty's own {@link WebSocketClient} as a test peer of the lab server: sends messages, collects
 * what comes back, and records the close code.
 */
final class EchoClient implements AutoCloseable {
    /** Longest any single wait in these tests may take before the test fails (never a timing assertion). */
    static final long WAIT_SECONDS = 30;

    private final WebSocketClient client;
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final Session session;

    EchoClient(URI uri, long maxMessageSize, String... extensions) throws Exception {
        this(uri, null, maxMessageSize, extensions);
    }

    /**
     * A client whose {@code wss://} connections trust as {@code tls} says (Jetty's
     * {@code SslContextFactory.Client} over that context, hostname checked, RFC 6125 §6); {@code null}:
     * {@code ws://} only.
     */
    EchoClient(URI uri, SSLContext tls, long maxMessageSize, String... extensions) throws Exception {
        this(uri, tls, maxMessageSize, request -> {
            for (String e : extensions) {
                request.addExtensions(e);
            }
        });
    }

    /**
     * As above, with the upgrade request set up by {@code setUp} (extensions, an Origin field); a
     * refused upgrade throws Jetty's {@code ExecutionException} and stops the client.
     */
    EchoClient(URI uri, SSLContext tls, long maxMessageSize, java.util.function.Consumer<ClientUpgradeRequest> setUp)
            throws Exception {
        client = tls == null ? new WebSocketClient() : new WebSocketClient(TestTls.jettyHttpsClient(tls));
        client.setMaxTextMessageSize(maxMessageSize);
        client.setMaxBinaryMessageSize(maxMessageSize);
        client.setMaxFrameSize(maxMessageSize);
        client.start();
        ClientUpgradeRequest request = new ClientUpgradeRequest(uri);
        setUp.accept(request);
        try {
            session = client.connect(new Collector(received, closeCode), request)
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            client.stop();
            throw e;
        }
    }

    /** Public: Jetty reaches listener methods through a public lookup. */
    public static final class Collector extends Session.Listener.AbstractAutoDemanding {
        private final BlockingQueue<Object> received;
        private final CompletableFuture<Integer> closeCode;

        Collector(BlockingQueue<Object> received, CompletableFuture<Integer> closeCode) {
            this.received = received;
            this.closeCode = closeCode;
        }

        @Override
        public void onWebSocketText(String message) {
            received.add(message);
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            byte[] copy = new byte[payload.remaining()];
            payload.get(copy);
            received.add(copy);
            callback.succeed();
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            closeCode.complete(statusCode);
            callback.succeed();
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            // the close code (recorded above) is what the tests check
        }
    }

    Session session() {
        return session;
    }

    void sendText(String text) {
        session.sendText(text, Callback.NOOP);
    }

    void sendBinary(byte[] bytes) {
        session.sendBinary(ByteBuffer.wrap(bytes), Callback.NOOP);
    }

    /** The next message received: a String or a byte[]. */
    Object next() throws InterruptedException {
        Object message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no message within " + WAIT_SECONDS + " s");
        }
        return message;
    }

    /** The close code the connection ended with. */
    int closeCode() throws Exception {
        return closeCode.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty's client did not stop", e);
        }
    }
}
