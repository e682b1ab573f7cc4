package org.wslab.framing.socket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.engine.Connection;
import org.wslab.framing.engine.ConnectionState;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.ServerOpening;
import org.wslab.framing.transport.BusyAnswer;
import org.wslab.handshake.ServerHandshake;

/**
 * A small thread-per-connection WebSocket server on plain sockets and our engine: accepts TCP
 * connections, runs the opening handshake (RFC 6455 §4.2) with {@link ServerHandshake}, then
 * hands each open connection to a {@link Handler}. The simplest teaching example and a server for
 * interop tests; for many connections use the non-blocking {@link org.wslab.framing.transport.Transport}.
 *
 * <p>At most {@code maxConnections} connections (default {@value #DEFAULT_MAX_CONNECTIONS}) are
 * served at once, one thread each; beyond that a connection is answered
 * {@code 503 Service Unavailable} (RFC 9110 §15.6.4) and closed, so no client can make the
 * server start threads without bound.
 */
public final class SocketServer implements AutoCloseable {
    /**
     * Serves one open connection. When it returns, the server closes with 1000 if the connection
     * is still OPEN, finishes the closing handshake (RFC 6455 §7.1.2) and closes the socket.
     */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param ws     the connection, OPEN
         * @param opened the handshake outcome; its exchange is a {@link org.wslab.framing.engine.HandshakeExchange.Server}
         *               (the request head says which resource was asked for)
         */
        void serve(BlockingWebSocket ws, Event.HandshakeCompleted opened) throws IOException;
    }

    /** Echoes every text and binary message back until the peer closes (the lab's /websocket/echo). */
    public static final Handler ECHO = (ws, opened) -> {
        for (Event e; (e = ws.next()) != null; ) {
            if (e instanceof Event.TextMessage t) {
                ws.sendText(t.utf8());
            } else if (e instanceof Event.BinaryMessage b) {
                ws.sendBinary(b.data());
            }
        }
    };

    /**
     * Connections served at once unless told otherwise: a thread each, so far fewer than the NIO
     * {@link org.wslab.framing.transport.Transport}'s {@link
     * org.wslab.framing.transport.TransportSettings#DEFAULT_MAX_CONNECTIONS}.
     */
    public static final int DEFAULT_MAX_CONNECTIONS = 256;
    private static final byte[] BUSY = BusyAnswer.bytes();

    private final ServerSocket listener;
    private final int maxConnections;
    private final ServerHandshake handshake;
    private final EngineSettings settings;
    private final Handler handler;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    private SocketServer(ServerSocket listener, ServerHandshake handshake, EngineSettings settings, Handler handler,
                         int maxConnections) {
        this.listener = listener;
        this.maxConnections = maxConnections;
        this.handshake = handshake;
        this.settings = settings;
        this.handler = handler;
        this.acceptor = new Thread(this::acceptLoop, "wslab-accept-" + listener.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    /** Binds {@code address} (port 0 for an ephemeral port) and starts accepting, {@value #DEFAULT_MAX_CONNECTIONS} at most. */
    public static SocketServer start(InetSocketAddress address, ServerHandshake handshake, EngineSettings settings,
                                     Handler handler) throws IOException {
        return start(address, handshake, settings, handler, DEFAULT_MAX_CONNECTIONS);
    }

    /** Like {@link #start(InetSocketAddress, ServerHandshake, EngineSettings, Handler)} with a connection limit (503 beyond). */
    public static SocketServer start(InetSocketAddress address, ServerHandshake handshake, EngineSettings settings,
                                     Handler handler, int maxConnections) throws IOException {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1: " + maxConnections);
        }
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(address);
        SocketServer server = new SocketServer(listener, handshake, settings, handler, maxConnections);
        server.acceptor.start();
        return server;
    }

    /** The bound port. */
    public int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                if (open.size() >= maxConnections) {
                    refuseBusy(socket);
                    continue;
                }
                open.add(socket);
                Thread t = new Thread(() -> serve(socket), "wslab-conn-" + socket.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void refuseBusy(Socket socket) {
        try (socket) {
            socket.getOutputStream().write(BUSY);
            socket.shutdownOutput();
        } catch (IOException ignored) {
            // the client is gone already
        }
    }

    private void serve(Socket socket) {
        Connection connection = Connection.server(new ServerOpening(handshake), settings, System.nanoTime());
        try (BlockingWebSocket ws = new BlockingWebSocket(socket, connection)) {
            Event.HandshakeCompleted opened = ws.awaitOpen();
            if (opened != null) {
                handler.serve(ws, opened);
            }
            if (connection.state() == ConnectionState.OPEN) {
                ws.close(CloseCode.NORMAL.code(), ""); // the handler is done: start the closing handshake
            }
            while (ws.next() != null) {
                // drain to CLOSED so the closing handshake completes
            }
        } catch (IOException | RuntimeException e) {
            // the connection is lost; the others go on
        } finally {
            open.remove(socket);
        }
    }

    /** Stops accepting and closes every open connection. */
    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
