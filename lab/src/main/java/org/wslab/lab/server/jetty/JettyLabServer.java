package org.wslab.lab.server.jetty;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.IndexPage;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;
import org.wslab.lab.server.LabTls;
import org.wslab.lab.server.jetty.notes.JettyNotesEndpoint;
import org.wslab.lab.server.jetty.notes.JettyNotesHandler;
import org.wslab.lab.server.jetty.updates.UpdateFeed;
import org.wslab.lab.server.jetty.updates.UpdateLimits;
import org.wslab.lab.stomp.LabStomp;
import org.wslab.lab.stomp.jetty.JettyStompCreator;

/**
 * The lab server on embedded Jetty 12: one plain connector, HTTP/1.1 and h2c (and, with
 * {@link LabServerConfig#tls()}, a TLS one beside it: TLS, RFC 8446, then HTTP/1.1, whose upgrade is the
 * {@code wss://} opening handshake of RFC 6455 §4.2 and §10.6, or h2 where ALPN agrees it); on HTTP/2 a
 * WebSocket opens with RFC 8441's extended CONNECT. The WebSocket endpoints of the registry
 * mounted on Jetty's {@link WebSocketUpgradeHandler}, the index page behind it, and a
 * {@link GracefulHandler} so a stop lets requests finish.
 *
 * <p>Jetty's defaults of 64 KiB per frame and per message are raised to the lab's own limit
 * ({@link LabServerConfig#maxMessageSize()}), for text and binary alike. Every upgrade, on both
 * connectors, is first judged by {@link JettyHandshakeGuard}: our rules of RFC 6455 §4.2.1, the Origin
 * allow-list of {@link LabServerConfig#origins()} (§4.2.2 (4)) and our permessage-deflate negotiation
 * (RFC 7692 §7.1), so this engine refuses what ours refuses, with the same answer. A watched server ({@link LabServerConfig#watch()})
 * logs each request's decision through {@link JettyWatchHandler} and sees every frame through
 * {@link JettyWatchExtension}, first in each connection's extension stack.
 */
public final class JettyLabServer implements LabServer {
    /** Replies queued per connection before a send fails: bounds what a slow reader costs us. */
    static final int MAX_OUTGOING_FRAMES = 1024;

    private final Server server;
    private final ServerConnector connector;
    /** The TLS connector, when the config asks for one. */
    private final ServerConnector tlsConnector;
    private final EndpointRegistry registry;
    private final LabServerConfig config;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean closing = new AtomicBoolean();
    /** The STOMP broker and heart-beat scheduler shared by this server's STOMP sessions. */
    private final LabStomp stomp;
    /** The update feed behind {@code /updates/…} and {@code /websocket/updates}. */
    private final UpdateFeed updates;
    /** The notes board behind {@code /api/notes} and {@code /websocket/notes}. */
    private final UpdateFeed notes = new UpdateFeed(JettyNotesHandler.LIMITS);

    private JettyLabServer(LabServerConfig config, EndpointRegistry registry, UpdateLimits updateLimits) {
        this.config = config;
        this.updates = new UpdateFeed(updateLimits);
        this.registry = registry;
        this.stomp = LabStomp.open(config.stompBackend(), config.stomp());
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("wslab-jetty");
        server = new Server(threads);
        connector = new ServerConnector(server, new HttpConnectionFactory(), h2c());
        connector.setHost(config.host());
        connector.setPort(config.port());
        server.addConnector(connector);
        tlsConnector = config.tls().map(this::tlsConnector).orElse(null);

        Set<String> webSocketPaths = new HashSet<>();
        registry.endpoints().forEach(e -> webSocketPaths.add(e.path()));
        WebSocketUpgradeHandler webSockets = WebSocketUpgradeHandler.from(server, this::configure);
        webSockets.setHandler(new JettyUpdatesHandler(updates, new JettyIndexHandler(() -> IndexPage.html(this),
                webSocketPaths)));
        webSockets.insertHandler(new JettyNotesHandler(notes));
        webSocketPaths.add(JettyUpdatesEndpoint.PATH);
        webSocketPaths.add(JettyNotesEndpoint.PATH);
        JettyHandshakeGuard guarded = new JettyHandshakeGuard(config.originPolicy(), webSocketPaths, webSockets);
        if (config.watch().active()) {
            WebSocketServerComponents.ensureWebSocketComponents(server).getExtensionRegistry()
                    .register(JettyWatchExtension.NAME, JettyWatchExtension.class);
            server.setHandler(new GracefulHandler(new JettyWatchHandler(config.watch(), guarded)));
        } else {
            server.setHandler(new GracefulHandler(guarded));
        }
        server.setStopTimeout(config.stopTimeout().toMillis());
        server.setStopAtShutdown(false);
    }

    /**
     * HTTP/2 with prior knowledge (RFC 9113 §3.3) beside HTTP/1.1 on the plain port, the extended CONNECT
     * enabled (RFC 8441 §3), so a WebSocket can also be opened on an HTTP/2 stream.
     */
    private static HTTP2CServerConnectionFactory h2c() {
        HTTP2CServerConnectionFactory h2c = new HTTP2CServerConnectionFactory(new HttpConfiguration());
        h2c.setConnectProtocolEnabled(true);
        return h2c;
    }

    /**
     * A connector speaking TLS with the given context, then HTTP/1.1 — or h2 where the client's ALPN offers
     * it first (RFC 9113 §3.2, RFC 7301), the extended CONNECT enabled (RFC 8441 §3). The SNI host check is off: a lab
     * server is reached by IP literal or by a name its certificate may not carry (the client decides).
     */
    private ServerConnector tlsConnector(LabTls tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(tls.context());
        HttpConfiguration https = new HttpConfiguration();
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        HttpConnectionFactory http = new HttpConnectionFactory(https);
        HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(https);
        h2.setConnectProtocolEnabled(true);
        // ALPN ids are compared as written (RFC 7301 §3.1): "http/1.1", not Jetty's protocol name "HTTP/1.1"
        ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory("h2", "http/1.1");
        alpn.setDefaultProtocol(http.getProtocol()); // a client offering no ALPN speaks HTTP/1.1
        ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, alpn.getProtocol()), alpn, h2, http);
        c.setHost(config.host());
        c.setPort(tls.port());
        server.addConnector(c);
        return c;
    }

    /** Builds, binds and starts a Jetty lab server; running when this returns. */
    public static JettyLabServer start(LabServerConfig config, EndpointRegistry registry) throws Exception {
        return start(config, registry, UpdateLimits.DEFAULT);
    }

    /** As {@link #start(LabServerConfig, EndpointRegistry)}, with other limits for the update feed. */
    public static JettyLabServer start(LabServerConfig config, EndpointRegistry registry, UpdateLimits updateLimits)
            throws Exception {
        JettyLabServer s = new JettyLabServer(config, registry, updateLimits);
        try {
            s.server.start();
        } catch (Exception e) {
            s.close();
            throw e;
        }
        return s;
    }

    private void configure(ServerWebSocketContainer container) {
        container.setMaxFrameSize(config.maxMessageSize());
        container.setMaxTextMessageSize(config.maxMessageSize());
        container.setMaxBinaryMessageSize(config.maxMessageSize());
        container.setIdleTimeout(config.idleTimeout());
        container.setMaxOutgoingFrames(MAX_OUTGOING_FRAMES);
        for (LabEndpoint endpoint : registry) {
            mount(container, endpoint.path(), creatorFor(endpoint));
        }
        mount(container, JettyUpdatesEndpoint.PATH, JettyUpdatesEndpoint.creator(updates));
        mount(container, JettyNotesEndpoint.PATH, JettyNotesEndpoint.creator(notes));
    }

    /** Serves {@code path} with {@code creator} (behind the watch, when on). */
    private void mount(ServerWebSocketContainer container, String path, WebSocketCreator creator) {
        container.addMapping(path, config.watch().active() ? new JettyWatchCreator(creator) : creator);
    }

    /**
     * What Jetty runs for each kind of endpoint; a new kind must be added here. An instance method
     * so that endpoints with shared state (a STOMP broker) can reach it from this server's fields.
     */
    private WebSocketCreator creatorFor(LabEndpoint endpoint) {
        return switch (endpoint.kind()) {
            case ECHO -> (request, response, callback) -> new JettyEchoEndpoint();
            case STOMP -> new JettyStompCreator(stomp);
        };
    }

    @Override
    public Engine engine() {
        return Engine.JETTY;
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public OptionalInt tlsPort() {
        return tlsConnector == null ? OptionalInt.empty() : OptionalInt.of(tlsConnector.getLocalPort());
    }

    @Override
    public List<LabEndpoint> endpoints() {
        return registry.endpoints();
    }

    @Override
    public URI baseUri() {
        return config.baseUri(port());
    }

    @Override
    public int openConnections() {
        return connector.getConnectedEndPoints().size()
                + (tlsConnector == null ? 0 : tlsConnector.getConnectedEndPoints().size());
    }

    /**
     * The update feed this server's {@code /updates/poll}, {@code /updates/long-poll},
     * {@code /updates/events} and {@code /websocket/updates} deliver; publish to it.
     */
    public UpdateFeed updates() {
        return updates;
    }

    /** The notes board of {@code /api/notes} and {@code /websocket/notes}. */
    public UpdateFeed notes() {
        return notes;
    }

    /** The Jetty server, for tests and for adapters that mount more on it. */
    public Server jetty() {
        return server;
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
        notes.close();
        updates.close(); // held polls are answered and streams end, so the graceful stop need not wait for them
        try {
            server.stop();
        } catch (Exception e) {
            // a failed graceful stop still ends the server; nothing more to do
        } finally {
            stomp.close();
            config.watch().stopped();
            stopped.countDown();
        }
    }
}
