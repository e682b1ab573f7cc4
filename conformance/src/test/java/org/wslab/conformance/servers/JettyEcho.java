package org.wslab.conformance.servers;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A real embedded Jetty 12 WebSocket server on an ephemeral port, echoing at {@code /echo}: over
 * HTTP/1.1 (RFC 6455) and, on the same port, over HTTP/2 with prior knowledge (h2c) with the extended
 * CONNECT enabled (RFC 8441), as a Jetty user turns it on.
 */
public final class JettyEcho implements AutoCloseable {
    /** Message and frame limit: above the 256 KiB of case close.7.1.6. */
    static final long LIMIT = 1024 * 1024;

    /**
     * The deflate cases Jetty 12.1 is FAILED on: it accepts an offer of {@code server_max_window_bits}
     * without answering the parameter, which RFC 7692 §7.1.2.1 makes no acceptance of that offer
     * (a strict client fails the connection). {@code DeflateCasesTest} pins it; the other tests skip them.
     */
    public static final java.util.List<String> DEFLATE_DEVIATIONS = java.util.List.of("deflate.13.3.*", "deflate.13.4.*",
            "deflate.13.5.*", "deflate.13.6.*");

    private final Server server = new Server();
    private final ServerConnector connector;

    public JettyEcho() throws Exception {
        connector = H2c.connector(server, true);
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxTextMessageSize(LIMIT);
            container.setMaxBinaryMessageSize(LIMIT);
            container.setMaxFrameSize(LIMIT);
            container.addMapping("/echo", (request, response, callback) -> new Echo());
        }));
        server.start();
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/echo");
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IOException("Jetty did not stop", e);
        }
    }

    /** Echoes every message, as a server endpoint or a client one; public so that Jetty can reach its methods by method handle. */
    public static final class Echo implements Session.Listener.AutoDemanding {
        private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        private Session session;

        /** Waits at most {@code millis} for the connection to end (closed or failed); whether it did. */
        public boolean awaitEnd(long millis) throws InterruptedException {
            return ended.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        @Override
        public void onWebSocketOpen(Session s) {
            session = s;
        }

        @Override
        public void onWebSocketText(String message) {
            session.sendText(message, Callback.NOOP);
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
            callback.succeed();
            session.sendBinary(copy, Callback.NOOP);
        }

        @Override
        public void onWebSocketClose(int code, String reason) {
            ended.countDown();
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            ended.countDown();
            // the cases break the protocol on purpose; Jetty's failing the connection is the point, not a log line
        }
    }
}
