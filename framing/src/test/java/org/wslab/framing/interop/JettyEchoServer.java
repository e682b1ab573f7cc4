package org.wslab.framing.interop;

import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * A real embedded Jetty 12 WebSocket server on an ephemeral port with an echo endpoint at
 * {@code /echo}. A text message {@code "close CODE REASON"} makes it close with that code; every
 * close code it receives is recorded.
 */
public final class JettyEchoServer {
    static final long LIMIT = 32L * 1024 * 1024;

    final BlockingQueue<Integer> closeCodes = new LinkedBlockingQueue<>();
    private final Server server = new Server();
    private final ServerConnector connector;
    private final boolean secure;

    JettyEchoServer() throws Exception {
        this(null);
    }

    /** {@code tls}: serve {@code wss://} with Jetty's own TLS ({@code SslContextFactory.Server}) on it, or null. */
    JettyEchoServer(javax.net.ssl.SSLContext tls) throws Exception {
        secure = tls != null;
        if (tls == null) {
            connector = new ServerConnector(server);
        } else {
            org.eclipse.jetty.util.ssl.SslContextFactory.Server factory = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
            factory.setSslContext(tls);
            connector = new ServerConnector(server, factory);
        }
        connector.setPort(0);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> {
            // Jetty's defaults are 64 KiB; the 16 MiB case needs more (the lab's 16 MiB limit)
            container.setMaxTextMessageSize(LIMIT);
            container.setMaxBinaryMessageSize(LIMIT);
            container.setMaxFrameSize(LIMIT);
            container.addMapping("/echo", (request, response, callback) -> new Echo(closeCodes));
        }));
        server.start();
    }

    int port() {
        return connector.getLocalPort();
    }

    String uri() {
        return (secure ? "wss" : "ws") + "://127.0.0.1:" + port() + "/echo";
    }

    void stop() throws Exception {
        server.stop();
    }

    /** Public so that Jetty can reach its methods by method handle. */
    public static final class Echo implements Session.Listener.AutoDemanding {
        private final BlockingQueue<Integer> closeCodes;
        private Session session;

        Echo(BlockingQueue<Integer> closeCodes) {
            this.closeCodes = closeCodes;
        }

        @Override
        public void onWebSocketOpen(Session s) {
            this.session = s;
        }

        @Override
        public void onWebSocketText(String message) {
            if (message.startsWith("close ")) {
                String[] parts = message.split(" ", 3);
                session.close(Integer.parseInt(parts[1]), parts.length > 2 ? parts[2] : "", Callback.NOOP);
                return;
            }
            session.sendText(message, Callback.NOOP);
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
            callback.succeed();
            session.sendBinary(copy, Callback.NOOP);
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            // a test that ends by dropping the socket is not an error worth a log line
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            closeCodes.add(statusCode);
            callback.succeed();
        }
    }
}
