package org.wslab.tutorials.live;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketError;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * Jetty 12 as a project would write an echo server from Jetty's documentation: an annotated
 * endpoint behind {@link WebSocketUpgradeHandler}, Jetty's own opening handshake (RFC 6455 §4.2)
 * and nothing of the lab's rules in front. The tour's lab puts {@code JettyHandshakeGuard} before
 * Jetty's upgrade; this one does not, so {@code wslab check} can show where Jetty departs.
 */
public final class PlainJetty implements AutoCloseable {
    /** Frame and message limit, as the lab's: 16 MiB. */
    static final long LIMIT = 16L * 1024 * 1024;

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    private PlainJetty() {
    }

    /** Starts it on a free loopback port, serving {@code /websocket/echo}. */
    public static PlainJetty start() throws Exception {
        PlainJetty p = new PlainJetty();
        p.connector.setHost("127.0.0.1");
        p.connector.setPort(0);
        p.server.addConnector(p.connector);
        p.server.setHandler(WebSocketUpgradeHandler.from(p.server, container -> {
            container.setMaxFrameSize(LIMIT);
            container.setMaxTextMessageSize(LIMIT);
            container.setMaxBinaryMessageSize(LIMIT);
            container.addMapping("/websocket/echo", (request, response, callback) -> new Echo());
        }));
        p.server.start();
        return p;
    }

    /** {@code ws://127.0.0.1:PORT/websocket/echo}. */
    public URI echo() {
        return URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/websocket/echo");
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IOException("plain Jetty did not stop: " + e.getMessage(), e);
        }
    }

    /** Echoes each whole message (RFC 6455 §5.6); public for Jetty's annotation scanning. */
    @WebSocket
    public static final class Echo {
        @OnWebSocketMessage
        public void text(Session session, String message) {
            session.sendText(message, Callback.NOOP);
        }

        @OnWebSocketMessage
        public void binary(Session session, ByteBuffer payload, Callback done) {
            ByteBuffer copy = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
            done.succeed();
            session.sendBinary(copy, Callback.NOOP);
        }

        @OnWebSocketError
        public void error(Throwable cause) {
            // the cases break the protocol on purpose: Jetty failing the connection is the answer, not a log line
        }
    }
}
