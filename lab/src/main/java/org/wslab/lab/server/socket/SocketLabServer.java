package org.wslab.lab.server.socket;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.engine.Connection;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.tls.ServerTls;
import org.wslab.framing.transport.Acceptor;
import org.wslab.framing.transport.Listener;
import org.wslab.framing.transport.Transport;
import org.wslab.framing.transport.TransportSettings;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.IndexPage;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;
import org.wslab.lab.server.watch.ConnectionWatch;
import org.wslab.lab.stomp.LabStomp;

/**
 * The lab server on our own engine ({@code wslab serve --engine wslab}): {@code framing}'s
 * non-blocking {@link Transport} (one selector loop per core) running a sans-I/O
 * {@link Connection} per TCP connection (RFC 6455 §4–§7, RFC 7692 permessage-deflate). It serves
 * the registry's endpoints routed by path before the handshake is answered (an unknown path gets
 * 404, never a 101), the index page at {@code /}, and applies the lab's limit
 * ({@link LabServerConfig#maxMessageSize()}) per frame and per message (1009 beyond it) and its
 * idle timeout (1001); the engine's handshake and close timeouts are its defaults. At most
 * {@link LabServerConfig#maxConnections()} connections ({@code serve --max-connections}) are
 * served at once; one more is answered 503 (RFC 9110 §15.6.4) and closed. With
 * {@link LabServerConfig#tls()} a second listener on the same transport serves the same routes
 * over TLS (RFC 8446; {@code wss://}, RFC 6455 §4.2, §10.6); the limit counts both listeners'
 * connections apart.
 *
 * <p>{@link #close()} stops accepting, starts the closing handshake (1001 "going away", §7.4.1)
 * on every open connection, waits up to the stop timeout for them to finish, then closes what is
 * left; it is idempotent.
 */
public final class SocketLabServer implements LabServer {
    private final Transport transport;
    private final Listener listener;
    /** The TLS listener, when the config asks for one: the same endpoints, over TLS. */
    private final Optional<Listener> tlsListener;
    private final LabServerConfig config;
    private final EndpointRegistry registry;
    private final EngineSettings settings;
    private final Map<String, SocketRoute> routes = new LinkedHashMap<>();
    private final Set<SocketSession> sessions = ConcurrentHashMap.newKeySet();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    /** The STOMP broker shared by this server's STOMP sessions. */
    private final LabStomp stomp;

    private SocketLabServer(LabServerConfig config, EndpointRegistry registry, SocketEndpoints kinds)
            throws IOException {
        this.config = config;
        this.registry = registry;
        this.settings = EngineSettings.defaults().withMaxSize(config.maxMessageSize())
                .withIdleTimeout(config.idleTimeout().toNanos());
        this.stomp = LabStomp.open(config.stompBackend(), config.stomp());
        for (LabEndpoint endpoint : registry) {
            routes.put(endpoint.path(), SocketRoute.of(endpoint, config.originPolicy(),
                    kinds.endpointFor(endpoint.kind(), stomp)));
        }
        this.transport = Transport.start(TransportSettings.defaults().withMaxConnections(config.maxConnections()));
        Listener plain = null;
        try {
            Acceptor acceptor = new WatchedAcceptor();
            plain = transport.listen(new InetSocketAddress(config.host(), config.port()), acceptor);
            this.listener = plain;
            this.tlsListener = config.tls().isEmpty() ? Optional.empty()
                    : Optional.of(transport.listen(new InetSocketAddress(config.host(), config.tls().get().port()),
                            new ServerTls(config.tls().get().context(), List.of()), acceptor));
        } catch (IOException | RuntimeException e) {
            if (plain != null) {
                plain.close();
            }
            transport.close();
            stomp.close();
            throw e;
        }
    }

    /**
     * Binds {@code config}'s address (port 0: a free one) and starts accepting; running when this
     * returns. {@code kinds} says what runs for each endpoint of {@code registry}.
     */
    public static SocketLabServer start(LabServerConfig config, EndpointRegistry registry, SocketEndpoints kinds)
            throws IOException {
        return new SocketLabServer(config, registry, kinds);
    }

    private Acceptor.Accepted accept(long nowNanos, InetSocketAddress remote) {
        RoutingOpening opening = new RoutingOpening(routes, () -> IndexPage.html(this));
        Optional<ConnectionWatch> watch = config.watch().active()
                ? Optional.of(config.watch().connection(remote)) : Optional.empty();
        SocketSession[] self = new SocketSession[1];
        SocketSession session = new SocketSession(opening, () -> sessions.remove(self[0]), watch);
        self[0] = session;
        sessions.add(session);
        if (closing.get()) {
            session.closeFromAnyThread(CloseCode.GOING_AWAY.code(), "server stopping");
        }
        EngineSettings own = watch.map(settings::withListener).orElse(settings);
        return new Acceptor.Accepted(Connection.server(opening, own, nowNanos), session);
    }

    /** Accepts with the peer's address (for the watch) and reports each 503 over the limit to it. */
    private final class WatchedAcceptor implements Acceptor {
        @Override
        public Accepted accept(long nowNanos) {
            return SocketLabServer.this.accept(nowNanos, null);
        }

        @Override
        public Accepted accept(long nowNanos, InetSocketAddress remote) {
            return SocketLabServer.this.accept(nowNanos, remote);
        }

        @Override
        public void refused(InetSocketAddress remote, int limit, long nowNanos) {
            config.watch().refusedOverLimit(remote, limit);
        }
    }

    @Override
    public Engine engine() {
        return Engine.WSLAB;
    }

    @Override
    public int port() {
        return listener.port();
    }

    @Override
    public OptionalInt tlsPort() {
        return tlsListener.map(l -> OptionalInt.of(l.port())).orElse(OptionalInt.empty());
    }

    @Override
    public List<LabEndpoint> endpoints() {
        return registry.endpoints();
    }

    /** The route of each path, for tests and for adapters that inspect them. */
    Map<String, SocketRoute> routes() {
        return Map.copyOf(routes);
    }

    @Override
    public int openConnections() {
        return listener.openConnections() + tlsListener.map(Listener::openConnections).orElse(0);
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
            listener.close();
            tlsListener.ifPresent(Listener::close);
            for (SocketSession s : sessions) {
                s.closeFromAnyThread(CloseCode.GOING_AWAY.code(), "server stopping");
            }
            long until = System.nanoTime() + config.stopTimeout().toNanos();
            while (openConnections() > 0 && System.nanoTime() - until < 0) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            transport.close();
            stomp.close();
            config.watch().stopped();
            stopped.countDown();
        }
    }
}
