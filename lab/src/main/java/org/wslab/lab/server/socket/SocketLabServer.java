package org.wslab.lab.server.socket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.handshake.http.HeadWriter;
import org.wslab.handshake.http.Headers;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.IndexPage;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;
import org.wslab.lab.stomp.LabStomp;
import org.wslab.lab.stomp.socket.StompSocketHandler;

/**
 * The lab server on our own engine ({@code wslab serve --engine wslab}): plain blocking sockets,
 * one thread per connection, each running a sans-I/O {@code framing} {@link
 * org.wslab.framing.engine.Connection} (RFC 6455 §4–§7, RFC 7692 permessage-deflate). It serves
 * the registry's endpoints routed by path before the handshake is answered (an unknown path gets
 * 404, never a 101), the index page at {@code /}, and applies the lab's limit
 * ({@link LabServerConfig#maxMessageSize()}) per frame and per message (1009 beyond it) and its
 * idle timeout (1001). At most {@link LabServerConfig#maxConnections()} connections (a thread each,
 * 256 by default, {@code serve --max-connections}) are served at once; one more is answered 503
 * (RFC 9110 §15.6.4) and closed.
 *
 * <p>{@link #close()} stops accepting, starts the closing handshake (1001 "going away", §7.4.1)
 * on every open connection, waits up to the stop timeout for them to finish, then closes what is
 * left; it is idempotent.
 */
public final class SocketLabServer implements LabServer {
    /** How long CONNECTING may last: a client that never sends its request is dropped. */
    static final long HANDSHAKE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** How long to wait for the peer's close frame after ours (§7.1.1). */
    static final long CLOSE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);

    /** Connections served at once by default; each costs a thread and up to two message buffers. */
    public static final int DEFAULT_MAX_CONNECTIONS = LabServerConfig.DEFAULT_MAX_CONNECTIONS;
    /** The answer to a connection over the limit: 503, try again in a second, then close. */
    static final byte[] BUSY = HeadWriter.write(ResponseHead.of(503, "Service Unavailable",
            Headers.of("Retry-After", "1", "Content-Length", "0", "Connection", "close")));

    private final ServerSocket listener;
    private final LabServerConfig config;
    private final EndpointRegistry registry;
    private final EngineSettings settings;
    private final Map<String, SocketRoute> routes = new LinkedHashMap<>();
    private final Set<SocketSession> sessions = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    private final Thread acceptor;
    /** The STOMP broker shared by this server's STOMP sessions (heart-beats tick on each reader thread). */
    private final LabStomp stomp;

    private SocketLabServer(ServerSocket listener, LabServerConfig config, EndpointRegistry registry) {
        this.listener = listener;
        this.config = config;
        this.registry = registry;
        this.stomp = LabStomp.open(config.stompBackend());
        this.settings = EngineSettings.defaults()
                .withMaxSize(config.maxMessageSize())
                .withTimeouts(HANDSHAKE_TIMEOUT_NANOS, CLOSE_TIMEOUT_NANOS, config.idleTimeout().toNanos());
        for (LabEndpoint endpoint : registry) {
            routes.put(endpoint.path(), SocketRoute.of(endpoint, endpointFor(endpoint)));
        }
        this.acceptor = new Thread(this::acceptLoop, "wslab-accept-" + listener.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    /** Binds {@code config}'s address (port 0: a free one) and starts accepting; running when this returns. */
    public static SocketLabServer start(LabServerConfig config, EndpointRegistry registry) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(config.host(), config.port()), 128);
        } catch (IOException e) {
            listener.close();
            throw e;
        }
        SocketLabServer server = new SocketLabServer(listener, config, registry);
        server.acceptor.start();
        return server;
    }

    /**
     * What our engine runs for each kind of endpoint; a new kind must be added here. An instance
     * method so that endpoints with shared state (a STOMP broker) can reach this server's fields.
     */
    private SocketEndpoint endpointFor(LabEndpoint endpoint) {
        return switch (endpoint.kind()) {
            case ECHO -> EchoHandler::new;
            case STOMP -> peer -> new StompSocketHandler(stomp, peer);
        };
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException closed) {
                return;
            }
            try {
                socket.setTcpNoDelay(true);
                serve(socket);
            } catch (IOException | RuntimeException e) {
                closeQuietly(socket); // this connection failed to start; the others go on
            }
        }
    }

    private void serve(Socket socket) throws IOException {
        if (sessions.size() >= config.maxConnections()) {
            socket.getOutputStream().write(BUSY);
            socket.shutdownOutput();
            closeQuietly(socket);
            return;
        }
        SocketSession[] self = new SocketSession[1];
        SocketSession session = new SocketSession(socket, new RoutingOpening(routes, () -> IndexPage.html(this)),
                settings, () -> sessions.remove(self[0]));
        self[0] = session;
        sessions.add(session);
        if (closing.get()) {
            session.abort(); // raced with close(): the reader ends at once
        }
        Thread t = new Thread(session, "wslab-conn-" + socket.getPort());
        t.setDaemon(true);
        t.start();
    }

    @Override
    public Engine engine() {
        return Engine.WSLAB;
    }

    @Override
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public List<LabEndpoint> endpoints() {
        return registry.endpoints();
    }

    /** The route of each path, for tests and for adapters that inspect them. */
    Map<String, SocketRoute> routes() {
        return Map.copyOf(routes);
    }

    /** Connections currently open (handshaking, open or closing). */
    public int openConnections() {
        return sessions.size();
    }

    @Override
    public URI baseUri() {
        return config.baseUri(port());
    }

    @Override
    public void awaitStopped() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            closeQuietly(listener);
            for (SocketSession s : sessions) {
                s.close(CloseCode.GOING_AWAY.code(), "server stopping");
            }
            long until = System.nanoTime() + config.stopTimeout().toNanos();
            while (!sessions.isEmpty() && System.nanoTime() - until < 0) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            for (SocketSession s : sessions) {
                s.abort();
            }
            stomp.close();
            stopped.countDown();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
