package org.wslab.framing.socket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.net.InetSocketAddress;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.codec.Role;
import org.wslab.framing.engine.ClientOpening;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;
import org.wslab.framing.engine.Connection;
import org.wslab.framing.engine.ConnectionState;
import org.wslab.framing.engine.Event;
import org.wslab.framing.transport.TransportSettings;

/**
 * A blocking adapter that runs a sans-I/O {@link Connection} over a plain {@link Socket}: the
 * calling thread reads, writes and keeps the engine's clock (RFC 6455 timeouts via
 * {@link Connection#tick}). One thread per connection; not thread-safe. The simplest teaching
 * example of driving the engine; the non-blocking {@link org.wslab.framing.transport.Transport}
 * runs any number of connections on a few threads.
 *
 * <pre>
 *   try (BlockingWebSocket ws = new BlockingWebSocket(socket, Connection.client(hs, settings, System.nanoTime()))) {
 *       ws.awaitOpen();                  // null when the handshake failed: see ws.lastEvent()
 *       ws.sendText("hi");
 *       for (Event e; (e = ws.next()) != null; ) { ... }   // null once CLOSED and the socket is shut
 *   }
 * </pre>
 */
public final class BlockingWebSocket implements AutoCloseable {
    private static final int READ_BUFFER = 64 * 1024;
    private static final long LINGER_NANOS = TransportSettings.DEFAULT_LINGER_NANOS;
    private static final long MAX_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(1);

    private final Socket socket;
    private final Connection connection;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] readBuffer = new byte[READ_BUFFER];
    /** One view of {@link #readBuffer} reused for every read (no wrapper per read). */
    private final ByteBuffer readView = ByteBuffer.wrap(readBuffer);
    private final Deque<Event> pending = new ArrayDeque<>();
    private Event lastEvent;
    private boolean socketClosed;

    /** Wraps {@code socket}; the connection's first output (a client's request) is sent on first use. */
    public BlockingWebSocket(Socket socket, Connection connection) throws IOException {
        this.socket = socket;
        this.connection = connection;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Opens a TCP connection to a {@code ws://} URI and starts a client connection on it; call
     * {@link #awaitOpen()} next. ({@code wss://} is not supported: no TLS in this adapter.)
     */
    public static BlockingWebSocket connect(WebSocketUri uri, ClientOptions options, EngineSettings settings)
            throws IOException {
        if (uri.secure()) {
            throw new IOException("wss:// is not supported by the plain-socket adapter");
        }
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(uri.host(), uri.port()), 10_000);
        ClientOpening opening = new ClientOpening(ClientHandshake.create(uri, options));
        return new BlockingWebSocket(socket, Connection.client(opening, settings, System.nanoTime()));
    }

    /** The engine, for its state and settings. */
    public Connection connection() {
        return connection;
    }

    /** The event most recently returned by {@link #next()}. */
    public Event lastEvent() {
        return lastEvent;
    }

    /**
     * Drives the connection until the opening handshake ends: the completion event, or null
     * when it failed (then {@link #lastEvent()} says why). Events after it stay queued.
     */
    public Event.HandshakeCompleted awaitOpen() throws IOException {
        while (connection.state() == ConnectionState.CONNECTING || hasQueuedHandshakeEvent()) {
            Event e = next();
            if (e instanceof Event.HandshakeCompleted done) {
                return done;
            }
            if (e == null || e instanceof Event.HandshakeFailed) {
                return null;
            }
        }
        return null;
    }

    private boolean hasQueuedHandshakeEvent() {
        return pending.stream().anyMatch(e -> e instanceof Event.HandshakeCompleted || e instanceof Event.HandshakeFailed);
    }

    /**
     * Blocks until the next event; returns null once the connection is CLOSED, its last bytes
     * are written and the socket is closed.
     */
    public Event next() throws IOException {
        while (true) {
            flush();
            if (!pending.isEmpty()) {
                lastEvent = pending.poll();
                return lastEvent;
            }
            if (connection.shouldCloseTransport()) {
                shutdown(true);
                return null;
            }
            readOnce();
        }
    }

    private void readOnce() throws IOException {
        long now = System.nanoTime();
        long deadline = connection.nextDeadlineNanos();
        long waitMillis = deadline == Long.MAX_VALUE ? MAX_WAIT_MILLIS
                : Math.max(1, Math.min(MAX_WAIT_MILLIS, TimeUnit.NANOSECONDS.toMillis(deadline - now) + 1));
        socket.setSoTimeout((int) waitMillis);
        int n;
        try {
            n = in.read(readBuffer);
        } catch (SocketTimeoutException timeout) {
            pending.addAll(connection.tick(System.nanoTime()));
            return;
        } catch (IOException broken) {
            pending.addAll(connection.receiveEof(System.nanoTime()));
            return;
        }
        if (n < 0) {
            pending.addAll(connection.receiveEof(System.nanoTime()));
        } else {
            pending.addAll(connection.receive(readView.clear().limit(n), System.nanoTime()));
        }
    }

    /** Writes everything the engine has queued. */
    public void flush() throws IOException {
        if (!connection.hasOutput() || socketClosed) {
            connection.takeOutput();
            return;
        }
        for (ByteBuffer b : connection.takeOutput()) {
            out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
        }
        out.flush();
    }

    /** Sends a text message; false when the connection is not OPEN. */
    public boolean sendText(String text) throws IOException {
        boolean ok = connection.sendText(text);
        flush();
        return ok;
    }

    /** Sends a text message of bytes known to be valid UTF-8 (an echo); false when not OPEN. */
    public boolean sendText(byte[] utf8) throws IOException {
        boolean ok = connection.sendText(utf8);
        flush();
        return ok;
    }

    /** Sends a binary message; false when the connection is not OPEN. */
    public boolean sendBinary(byte[] data) throws IOException {
        boolean ok = connection.sendBinary(data);
        flush();
        return ok;
    }

    /** Sends one fragment of a message (RFC 6455 §5.4). */
    public boolean sendFragment(Opcode type, byte[] piece, boolean fin) throws IOException {
        boolean ok = connection.sendFragment(type, piece, fin);
        flush();
        return ok;
    }

    /** Sends a ping. */
    public boolean sendPing(byte[] payload) throws IOException {
        boolean ok = connection.sendPing(payload);
        flush();
        return ok;
    }

    /** Starts the closing handshake; keep calling {@link #next()} to see it finish. */
    public boolean close(int code, String reason) throws IOException {
        boolean ok = connection.close(code, reason, System.nanoTime());
        flush();
        return ok;
    }

    private void shutdown(boolean linger) {
        if (socketClosed) {
            return;
        }
        socketClosed = true;
        try {
            if (linger) {
                lingeringClose();
            }
        } catch (IOException ignored) {
            // the peer is gone already
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to say to a peer that is gone
        }
    }

    /**
     * RFC 6455 §7.1.1: after the closing handshake the server closes TCP first. Closing a socket
     * with unread input makes TCP send a reset, which can destroy the close frame we just sent
     * before the peer reads it; so a server sends FIN first and drains what the peer still sends,
     * briefly, and a client waits as long for the server's FIN (the transport's {@code Lingering}
     * does the same without blocking).
     */
    private void lingeringClose() throws IOException {
        if (socket.isClosed() || socket.isOutputShutdown()) {
            return;
        }
        if (connection.role() == Role.SERVER) {
            socket.shutdownOutput(); // the server's FIN first; a client waits for it
        }
        long deadline = System.nanoTime() + LINGER_NANOS;
        socket.setSoTimeout(100);
        while (System.nanoTime() - deadline < 0) {
            try {
                if (in.read(readBuffer) < 0) {
                    return;
                }
            } catch (SocketTimeoutException stillOpen) {
                // keep waiting for the peer's FIN until the deadline
            }
        }
    }

    /** Closes the socket at once (no closing handshake) and frees the engine. */
    @Override
    public void close() {
        shutdown(false);
        connection.close();
    }
}
