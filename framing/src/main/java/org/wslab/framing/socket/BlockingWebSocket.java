package org.wslab.framing.socket;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.engine.ClientOpening;
import org.wslab.framing.engine.Connection;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.transport.SendResult;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.ClientTrust;
import org.wslab.framing.tls.TlsContexts;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.framing.transport.Transport;
import org.wslab.framing.transport.TransportSettings;
import org.wslab.framing.transport.WebSocketChannel;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;

/**
 * The simplest way to drive our engine from one thread: a blocking facade over one client
 * connection on its own {@link Transport} (one selector loop). The caller asks for the next event
 * and sends; the transport does everything else — the TCP connect, reading, the engine's timeouts
 * (RFC 6455 §4.1 handshake, §7.1.2 close), writing, and §7.1.1's ending (the client waits for the
 * server's FIN, for the transport's linger time). There is no second copy of any of that here.
 *
 * <pre>
 *   try (BlockingWebSocket ws = BlockingWebSocket.connect(uri, ClientOptions.defaults(), EngineSettings.defaults())) {
 *       ws.awaitOpen();                  // null when the handshake failed: see ws.lastEvent()
 *       ws.sendText("hi");
 *       for (Event e; (e = ws.next()) != null; ) { ... }   // null once CLOSED and the socket is closed
 *   }
 * </pre>
 *
 * <p>Both directions are bounded. Events wait in a queue of {@link #DEFAULT_EVENT_CAPACITY}; while
 * it is full the transport stops reading, so a caller that stops taking events holds the server
 * back through TCP instead of growing memory. A send waits for the loop to queue it; when the
 * outbound queue is full ({@link SendResult#OUTBOUND_FULL}) it waits until the queue has drained
 * ({@link org.wslab.framing.transport.WebSocketHandler#onWritable()}) and tries again. Not
 * thread-safe, except {@link #close()}, which any thread may call to end the connection at once.
 */
public final class BlockingWebSocket implements AutoCloseable {
    /** Events the queue holds before reading pauses. */
    public static final int DEFAULT_EVENT_CAPACITY = 16;

    private final Transport transport;
    private final Connection connection;
    private final WebSocketChannel channel;
    private final EventInbox inbox;
    private Event lastEvent;
    /** The opening handshake's end as {@link #next()} returned it: its completion or failure, or the close. */
    private Event handshakeEnd;

    private BlockingWebSocket(Transport transport, Connection connection, WebSocketChannel channel, EventInbox inbox) {
        this.transport = transport;
        this.connection = connection;
        this.channel = channel;
        this.inbox = inbox;
    }

    /**
     * Starts connecting to a {@code ws://} or {@code wss://} URI and a client connection on it,
     * without waiting; call {@link #awaitOpen()} next (a refused connect is a failed handshake
     * there, {@link org.wslab.framing.engine.OpeningRule#CONNECT_FAILED}; a failed TLS handshake is
     * {@link org.wslab.framing.engine.HandshakeFailure.TlsFailed}). {@code wss://} trusts the JDK's
     * trust store and checks the host name; a host that does not resolve is an {@link UnknownHostException}.
     */
    public static BlockingWebSocket connect(WebSocketUri uri, ClientOptions options, EngineSettings settings)
            throws IOException {
        return connect(uri, options, settings, TransportSettings.defaults(), DEFAULT_EVENT_CAPACITY, Optional.empty());
    }

    /**
     * As {@link #connect(WebSocketUri, ClientOptions, EngineSettings)}, with the transport's limits,
     * the queue's, and for {@code wss://} the TLS to speak (empty: the JDK's trust store, host name checked).
     */
    public static BlockingWebSocket connect(WebSocketUri uri, ClientOptions options, EngineSettings settings,
                                            TransportSettings transportSettings, int eventCapacity,
                                            Optional<ClientTls> tls) throws IOException {
        InetSocketAddress address = new InetSocketAddress(uri.host(), uri.port());
        if (address.isUnresolved()) {
            throw new UnknownHostException(uri.host());
        }
        EventInbox inbox = new EventInbox(eventCapacity);
        Connection connection = Connection.client(new ClientOpening(ClientHandshake.create(uri, options)),
                settings, System.nanoTime());
        Transport transport = Transport.start(transportSettings.withLoops(1));
        try {
            WebSocketChannel channel = uri.secure()
                    ? transport.connect(address, tls.orElseGet(() -> new ClientTls(
                            TlsContexts.client(ClientTrust.system()), uri.host(), uri.port(), true, List.of())),
                            connection, inbox)
                    : transport.connect(address, connection, inbox);
            inbox.channel(channel);
            return new BlockingWebSocket(transport, connection, channel, inbox);
        } catch (IOException | RuntimeException e) {
            transport.close();
            throw e;
        }
    }

    /** What the TLS handshake agreed, on a {@code wss://} connection once open; else empty. */
    public Optional<TlsFacts> tls() {
        return channel.tls();
    }

    /**
     * The engine, for what is settled once open (role, negotiated deflate, settings). It runs on the
     * transport's loop thread: read its changing state through the events instead.
     */
    public Connection connection() {
        return connection;
    }

    /** The event most recently returned by {@link #next()}. */
    public Event lastEvent() {
        return lastEvent;
    }

    /**
     * Waits until the opening handshake ends: the completion event, or null when it failed (then
     * {@link #lastEvent()} says why). Events after it stay queued; once it has ended, returns the
     * same answer at once.
     */
    public Event.HandshakeCompleted awaitOpen() throws IOException {
        while (handshakeEnd == null && next() != null) {
            // events before the handshake's end: none but it, on a client
        }
        return handshakeEnd instanceof Event.HandshakeCompleted done ? done : null;
    }

    /**
     * Waits for the next event; returns null once the connection is CLOSED, its last bytes are
     * written and the socket is closed (after the §7.1.1 linger).
     */
    public Event next() throws IOException {
        try {
            Event e = inbox.take();
            if (e != null) {
                lastEvent = e;
            }
            if (handshakeEnd == null && (e instanceof Event.HandshakeCompleted || e instanceof Event.HandshakeFailed
                    || e instanceof Event.Closed)) {
                handshakeEnd = e;
            }
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for an event");
        }
    }

    /**
     * Returns once everything sent so far is in the transport's outbound queue — which every send
     * already waits for; the loop writes it as the socket takes it. Kept for callers written for a
     * blocking socket.
     */
    public void flush() throws IOException {
        onLoop(ch -> SendResult.SENT);
    }

    /** Sends a text message (§5.6); false when the connection is not OPEN. */
    public boolean sendText(String text) throws IOException {
        return send(ch -> ch.sendText(text));
    }

    /** Sends a text message of bytes known to be valid UTF-8 (an echo); false when not OPEN. */
    public boolean sendText(byte[] utf8) throws IOException {
        return send(ch -> ch.sendText(utf8));
    }

    /** Sends a binary message (§5.6); false when the connection is not OPEN. */
    public boolean sendBinary(byte[] data) throws IOException {
        return send(ch -> ch.sendBinary(data));
    }

    /** Sends one fragment of a message (§5.4); false when the connection is not OPEN. */
    public boolean sendFragment(Opcode type, byte[] piece, boolean fin) throws IOException {
        return send(ch -> ch.sendFragment(type, piece, fin));
    }

    /** Sends a ping (≤ 125 bytes, §5.5.2); false when the connection is not OPEN. */
    public boolean sendPing(byte[] payload) throws IOException {
        if (payload.length > 125) {
            throw new IllegalArgumentException("RFC 6455 §5.5: a control frame's payload is at most 125 bytes");
        }
        return send(ch -> ch.sendPing(payload));
    }

    /** Starts the closing handshake (§7.1.2); keep calling {@link #next()} to see it finish. */
    public boolean close(int code, String reason) throws IOException {
        return onLoop(ch -> ch.close(code, reason) ? SendResult.SENT : SendResult.NOT_OPEN) == SendResult.SENT;
    }

    /** Events waiting in the queue now. */
    public int queuedEvents() {
        return inbox.queued();
    }

    /** The most events that ever waited in the queue at once (its bound: capacity plus one read's worth). */
    public int mostQueuedEvents() {
        return inbox.mostQueued();
    }

    /** Whether the transport has stopped reading because the queue is full. */
    public boolean readingPaused() {
        return inbox.paused();
    }

    /** Whether the TCP connection is closed (after the §7.1.1 linger, or at once when it broke). */
    public boolean socketClosed() {
        return inbox.socketClosed();
    }

    /**
     * A send on the loop; while the outbound queue is full, waits for it to drain and tries again
     * (sending again before the drain would fail the connection, wslab policy).
     */
    private boolean send(Function<WebSocketChannel, SendResult> op) throws IOException {
        while (true) {
            long seen = inbox.writableSignals();
            SendResult r = onLoop(op);
            if (r != SendResult.OUTBOUND_FULL) {
                return r == SendResult.SENT;
            }
            try {
                if (!inbox.awaitWritable(seen)) {
                    return false; // closed while waiting
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting to send");
            }
        }
    }

    /**
     * Runs {@code op} on the connection's loop thread and waits for its result (NOT_OPEN once
     * closed); what it throws there (a misuse of the engine) is thrown here.
     */
    private SendResult onLoop(Function<WebSocketChannel, SendResult> op) throws IOException {
        Object[] result = new Object[1];
        channel.execute(() -> {
            Object r;
            try {
                r = op.apply(channel);
            } catch (RuntimeException misuse) {
                r = misuse;
            }
            Object outcome = r;
            inbox.set(() -> result[0] = outcome);
        });
        try {
            inbox.await(() -> result[0] != null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the loop");
        }
        if (result[0] instanceof RuntimeException misuse) {
            throw misuse;
        }
        return result[0] instanceof SendResult r ? r : SendResult.NOT_OPEN;
    }

    /**
     * Ends the connection at once (no closing handshake if it is still open: the transport stops,
     * its loop closes the socket) and frees the engine. After {@link #next()} returned null this
     * only stops the loop. Any thread may call it; waiting calls then return.
     */
    @Override
    public void close() {
        transport.close();
        inbox.ended();
    }
}
