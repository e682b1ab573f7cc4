package org.wslab.framing.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLEngine;
import org.wslab.framing.engine.Connection;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.ServerTls;

/**
 * A non-blocking WebSocket transport on {@code java.nio}: N selector loops (by default one per
 * core) run any number of sans-I/O {@link Connection}s (RFC 6455 §4–§7, RFC 7692) for both roles.
 * Servers {@link #listen}, clients {@link #connect}; each connection is pinned to one loop, where
 * all of its handler's calls happen.
 *
 * <pre>
 *   try (Transport t = Transport.start(TransportSettings.defaults())) {
 *       Listener l = t.listen(new InetSocketAddress(0), now -> new Acceptor.Accepted(
 *               Connection.server(new ServerOpening(handshake), EngineSettings.defaults(), now), handler));
 *       WebSocketChannel c = t.connect(address, Connection.client(opening, settings, System.nanoTime()), handler);
 *   }
 * </pre>
 */
public final class Transport implements AutoCloseable {
    private final TransportSettings settings;
    private final List<EventLoop> loops = new ArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger clients = new AtomicInteger();

    private Transport(TransportSettings settings) {
        this.settings = settings;
        for (int i = 0; i < settings.loops(); i++) {
            loops.add(new EventLoop("wslab-loop-" + i, settings.readBufferBytes()));
        }
    }

    /** Starts the loops. */
    public static Transport start(TransportSettings settings) {
        initialiseLazyJdkParts();
        Transport t = new Transport(settings);
        t.loops.forEach(EventLoop::start);
        return t;
    }

    /**
     * Closes one socket channel and draws one random number while descriptors are free. The JDK sets
     * up its socket-close path and {@code SecureRandom}'s providers lazily, and each set-up opens a
     * file of its own: were the first use to happen while the process is out of descriptors, the
     * set-up would fail for good and every later use with it (seen with {@code ulimit -n} and more
     * clients than it allows).
     */
    private static void initialiseLazyJdkParts() {
        new java.security.SecureRandom().nextInt(); // masking keys' source: its providers load files too
        try {
            java.nio.channels.SocketChannel.open().close();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot open a socket channel", e);
        }
    }

    /** The settings. */
    public TransportSettings settings() {
        return settings;
    }

    EventLoop nextLoop() {
        return loops.get(Math.floorMod(next.getAndIncrement(), loops.size()));
    }

    /**
     * Binds {@code address} (port 0: a free one) and serves each accepted connection with what
     * {@code acceptor} makes, at most {@link TransportSettings#maxConnections()} at once.
     */
    public Listener listen(InetSocketAddress address, Acceptor acceptor) throws IOException {
        return Listener.bind(this, loops.get(0), address, acceptor, settings, null);
    }

    /**
     * As {@link #listen(InetSocketAddress, Acceptor)}, serving {@code wss://} (RFC 6455 §4.2, §10.6):
     * each accepted socket runs a TLS handshake with {@code tls} before its opening handshake.
     */
    public Listener listen(InetSocketAddress address, ServerTls tls, Acceptor acceptor) throws IOException {
        return Listener.bind(this, loops.get(0), address, acceptor, settings, java.util.Objects.requireNonNull(tls));
    }

    /**
     * As {@link #connect(InetSocketAddress, Connection, WebSocketHandler)} for a {@code wss://} URL
     * (RFC 6455 §4.1 (5)): a TLS handshake with {@code tls} first; its failure reaches the handler
     * as a {@link org.wslab.framing.engine.HandshakeFailure.TlsFailed} and a close (1006).
     */
    public WebSocketChannel connect(InetSocketAddress address, ClientTls tls, Connection connection,
                                    WebSocketHandler handler) throws IOException {
        return connect(address, tls.newEngine(), connection, handler);
    }

    /**
     * Opens a TCP connection to {@code address} without blocking and runs the client
     * {@code connection} on it; a failed connect reaches {@code handler} as a failed handshake
     * ({@link org.wslab.framing.engine.OpeningRule#CONNECT_FAILED}) and a close. Returns at once.
     */
    public WebSocketChannel connect(InetSocketAddress address, Connection connection, WebSocketHandler handler)
            throws IOException {
        return connect(address, (SSLEngine) null, connection, handler);
    }

    private WebSocketChannel connect(InetSocketAddress address, SSLEngine tls, Connection connection,
                                     WebSocketHandler handler) throws IOException {
        SocketChannel socket = SocketChannel.open();
        socket.configureBlocking(false);
        socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
        EventLoop loop = nextLoop();
        ChannelDriver driver = new ChannelDriver(loop, socket, connection, handler, settings,
                clients::decrementAndGet, tls);
        clients.incrementAndGet();
        Connecting connecting = new Connecting(loop, socket, driver);
        loop.execute(() -> connecting.start(address, System.nanoTime()));
        return driver.channel();
    }

    /** Client connections not yet ended. */
    public int openClientConnections() {
        return clients.get();
    }

    /** Stops every loop: listeners close, connections end at once (1006 to their handlers). */
    @Override
    public void close() {
        for (EventLoop l : loops) {
            l.stop();
        }
        for (EventLoop l : loops) {
            try {
                l.awaitStopped(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
