package org.wslab.framing.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.net.StandardSocketOptions;
import java.util.concurrent.atomic.AtomicInteger;
import org.wslab.framing.tls.ServerTls;

/**
 * A listening socket of a {@link Transport}: accepts without blocking, hands each connection to
 * the next loop with a server {@link org.wslab.framing.engine.Connection} from its
 * {@link Acceptor}, and keeps the connection limit — one connection more is answered
 * {@link BusyAnswer 503} (RFC 9110 §15.6.4) and closed, lingering like any other (RFC 6455 §7.1.1).
 * The engine's handshake timeout (§4.1) drops a client that never completes its request.
 */
public final class Listener extends LoopMember implements AutoCloseable {
    private final Transport transport;
    private final EventLoop loop;
    private final ServerSocketChannel server;
    private final Acceptor acceptor;
    private final TransportSettings settings;
    /** The TLS of a {@code wss://} listener, or null. */
    private final ServerTls tls;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger acceptFailures = new AtomicInteger();
    /** While accepting fails (out of file descriptors): OP_ACCEPT is off until then, not a busy loop. */
    private long resumeAcceptAt = Long.MAX_VALUE;
    private SelectionKey key;

    Listener(Transport transport, EventLoop loop, ServerSocketChannel server, Acceptor acceptor,
             TransportSettings settings, ServerTls tls) {
        this.tls = tls;
        this.transport = transport;
        this.loop = loop;
        this.server = server;
        this.acceptor = acceptor;
        this.settings = settings;
    }

    static Listener bind(Transport transport, EventLoop loop, InetSocketAddress address, Acceptor acceptor,
                         TransportSettings settings, ServerTls tls) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open();
        try {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(address, 1024);
            server.configureBlocking(false);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        Listener l = new Listener(transport, loop, server, acceptor, settings, tls);
        loop.execute(() -> {
            try {
                server.register(loop.selector(), SelectionKey.OP_ACCEPT, l);
                loop.add(l);
            } catch (IOException e) {
                l.close();
            }
        });
        return l;
    }

    /** The bound port. */
    public int port() {
        return server.socket().getLocalPort();
    }

    /** Connections open now (handshaking, open or closing; not the lingering ones). */
    public int openConnections() {
        return open.get();
    }

    /** Times accept() failed (e.g. the process ran out of file descriptors); each pauses accepting briefly. */
    public int acceptFailures() {
        return acceptFailures.get();
    }

    /** Connections answered 503 so far. */
    public int refusedConnections() {
        return refused.get();
    }

    @Override
    void ready(SelectionKey key, long nowNanos) {
        for (int i = 0; i < 256; i++) {
            SocketChannel socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                backOff(key, nowNanos); // the pending connection stays in the backlog; try again shortly
                return;
            }
            if (socket == null) {
                return;
            }
            try {
                socket.configureBlocking(false);
                socket.setOption(StandardSocketOptions.TCP_NODELAY, true);
                if (open.get() >= settings.maxConnections()) {
                    refuse(socket, nowNanos);
                } else {
                    open.incrementAndGet();
                    EventLoop target = transport.nextLoop();
                    target.execute(() -> start(target, socket));
                }
            } catch (IOException e) {
                closeQuietly(socket);
            }
        }
    }

    private void start(EventLoop target, SocketChannel socket) {
        long now = System.nanoTime();
        Acceptor.Accepted accepted;
        try {
            accepted = acceptor.accept(now, remoteOf(socket));
        } catch (RuntimeException | LinkageError e) {
            open.decrementAndGet();
            closeQuietly(socket);
            return;
        }
        javax.net.ssl.SSLEngine engine;
        try {
            engine = tls == null ? null : tls.newEngine();
        } catch (RuntimeException e) {
            open.decrementAndGet();
            closeQuietly(socket);
            return;
        }
        new ChannelDriver(target, socket, accepted.connection(), accepted.handler(), settings,
                open::decrementAndGet, engine).register(null, now);
    }

    private void refuse(SocketChannel socket, long nowNanos) throws IOException {
        refused.incrementAndGet();
        try {
            acceptor.refused(remoteOf(socket), settings.maxConnections(), nowNanos);
        } catch (RuntimeException e) {
            // the acceptor's report failed: the connection is refused all the same
        }
        if (tls == null) { // over TLS a plain 503 would be noise to the client: the connection just ends
            socket.write(ByteBuffer.wrap(BusyAnswer.bytes())); // a fresh socket's buffer takes these few bytes
        }
        Lingering.start(loop, socket, null, true, settings.lingerNanos(), nowNanos, () -> { });
    }

    /** The peer's address, or null when the socket cannot say (already reset). */
    private static InetSocketAddress remoteOf(SocketChannel socket) {
        try {
            return socket.getRemoteAddress() instanceof InetSocketAddress a ? a : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static void closeQuietly(SocketChannel socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /**
     * accept() failed though a connection is pending (out of file descriptors, say): the socket stays
     * readable, so keeping OP_ACCEPT on would spin the loop. Pause it for {@link #ACCEPT_BACK_OFF_NANOS}.
     */
    private void backOff(SelectionKey readyKey, long nowNanos) {
        if (!server.isOpen() || !readyKey.isValid()) {
            return;
        }
        acceptFailures.incrementAndGet();
        key = readyKey;
        readyKey.interestOps(0);
        resumeAcceptAt = nowNanos + ACCEPT_BACK_OFF_NANOS;
        loop.schedule(this);
    }

    /** How long accepting pauses after accept() failed. */
    static final long ACCEPT_BACK_OFF_NANOS = 100_000_000L;

    @Override
    long deadline() {
        return resumeAcceptAt;
    }

    @Override
    void expire(long nowNanos) {
        if (due(resumeAcceptAt, nowNanos)) {
            resumeAcceptAt = Long.MAX_VALUE;
            if (key != null && key.isValid()) {
                key.interestOps(SelectionKey.OP_ACCEPT);
            }
        }
    }

    @Override
    void abort() {
        close();
    }

    /** Stops accepting; open connections go on. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closed anyway
        }
    }
}
