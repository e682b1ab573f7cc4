package org.wslab.lab.stomp.client;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.FrameListener;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.framing.transport.TransportSettings;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.common.ConnectFailure;
import org.wslab.lab.common.ConnectFailures;
import org.wslab.lab.common.LabFailure;
import org.wslab.stomp.client.StompClient;
import org.wslab.stomp.client.StompClientOutput;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.jetty.StompWireTap;
import org.wslab.stomp.session.ClientConnectOptions;

/**
 * A STOMP client on our own engine: one {@link BlockingWebSocket} (RFC 6455 §4.1, offering the
 * sub-protocols {@code v10.stomp, v11.stomp, v12.stomp}, §1.9) driving the sans-I/O
 * {@link StompClient} (STOMP 1.2 "Connecting"). Each STOMP frame or heart-beat EOL goes out as one
 * text message (§5.6); a reader thread feeds every message received to the client; a scheduler
 * thread ticks the client's heart-beats ("Heart-beating"). The client's close is a close with 1000
 * (§7.4.1). How the WebSocket ended ({@link #ending()}) stays known, so a STOMP session that ended
 * with its transport is reported by what the transport saw.
 */
public final class StompWebSocket implements StompClientOutput {
    /** The sub-protocols offered, in order (STOMP 1.2 "Using STOMP with WebSockets" names them so). */
    public static final List<String> SUBPROTOCOLS = List.of("v10.stomp", "v11.stomp", "v12.stomp");
    /** Longest sleep between two heart-beat ticks when the client names no deadline. */
    private static final long IDLE_TICK_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * Where and how to connect.
     *
     * @param uri     the {@code ws://} or {@code wss://} endpoint
     * @param tls     the TLS for {@code wss://}; empty for {@code ws://}
     * @param frames  sees every WebSocket frame both ways; may be {@link FrameListener#NONE}
     * @param tap     sees every STOMP message both ways; may be {@link StompWireTap#NONE}
     * @param limits  the STOMP decoder's limits
     * @param timeout the longest opening handshake (RFC 6455 §4.1)
     */
    public record Settings(WebSocketUri uri, Optional<ClientTls> tls, FrameListener frames, StompWireTap tap,
                           StompLimits limits, Duration timeout) {
        public Settings {
            Objects.requireNonNull(uri, "uri");
            Objects.requireNonNull(tls, "tls");
            Objects.requireNonNull(frames, "frames");
            Objects.requireNonNull(tap, "tap");
            Objects.requireNonNull(limits, "limits");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    private final Settings settings;
    private final BlockingWebSocket ws;
    private final Event.HandshakeCompleted open;
    private final StompClient client;
    private final ScheduledExecutorService ticks;
    private final CompletableFuture<Void> readerDone = new CompletableFuture<>();
    private volatile Event.Closed closed;
    private volatile byte[] firstSent;
    private volatile boolean echoedConnect;
    private volatile boolean sawMessage;

    private StompWebSocket(Settings settings, BlockingWebSocket ws, Event.HandshakeCompleted open) {
        this.settings = settings;
        this.ws = ws;
        this.open = open;
        this.client = new StompClient(this, settings.limits());
        this.ticks = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wslab-stomp-heart-beat");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the WebSocket; {@code handshake} sees the event that ended the opening handshake (the
     * trace prints its heads). A failure is a {@link LabFailure} carrying its {@link ConnectFailure}.
     */
    public static StompWebSocket open(Settings s, Consumer<Event> handshake) {
        long timeout = Math.max(1, s.timeout().toNanos());
        EngineSettings engine = EngineSettings.defaults().withListener(s.frames())
                .withTimeouts(timeout, EngineSettings.DEFAULT_CLOSE_TIMEOUT_NANOS, 0);
        ClientOptions offer = ClientOptions.defaults().withSubprotocols(SUBPROTOCOLS.toArray(String[]::new));
        BlockingWebSocket ws;
        try {
            ws = BlockingWebSocket.connect(s.uri(), offer, engine, TransportSettings.defaults(),
                    BlockingWebSocket.DEFAULT_EVENT_CAPACITY, s.tls());
        } catch (IOException e) {
            throw new LabFailure(ConnectFailures.io(e, s.uri().host(), s.uri().port(), "the connection to",
                    s.timeout(), -1), e);
        }
        try {
            Event.HandshakeCompleted done = ws.awaitOpen();
            handshake.accept(done != null ? done : ws.lastEvent());
            if (done == null) {
                throw new LabFailure(openingFailure(ws.lastEvent(), s), null);
            }
            StompWebSocket socket = new StompWebSocket(s, ws, done);
            socket.startReader();
            return socket;
        } catch (IOException e) {
            ws.close();
            throw new LabFailure(ConnectFailures.io(e, s.uri().host(), s.uri().port(), "the opening handshake with",
                    s.timeout(), -1), e);
        } catch (RuntimeException e) {
            ws.close();
            throw e;
        }
    }

    private static ConnectFailure openingFailure(Event last, Settings s) {
        if (last instanceof Event.HandshakeFailed failed) {
            return ConnectFailures.opening(failed.failure(), s.uri(), s.timeout());
        }
        if (last instanceof Event.Closed c) {
            return ConnectFailures.closed(c, ConnectFailures.where(s.uri()));
        }
        return new ConnectFailure.ClosedEarly(ConnectFailures.where(s.uri()), 0);
    }

    private void startReader() {
        settings.tap().opened("stomp", subProtocol().orElse(null));
        Thread reader = new Thread(this::read, "wslab-stomp-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try {
            for (Event e; (e = ws.next()) != null; ) {
                if (e instanceof Event.TextMessage t) {
                    received(t.utf8());
                } else if (e instanceof Event.BinaryMessage b) {
                    received(b.data());
                } else if (e instanceof Event.Closed c) {
                    closed = c;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the connection is over either way; ending() says how it ended
        } finally {
            ticks.shutdownNow();
            settings.tap().closed("stomp");
            client.transportClosed();
            readerDone.complete(null);
        }
    }

    private void received(byte[] octets) {
        settings.tap().inbound("stomp", octets);
        if (!sawMessage) {
            sawMessage = true;
            echoedConnect = Arrays.equals(octets, firstSent);
        }
        client.receive(octets, 0, octets.length, System.nanoTime());
    }

    /** Sends CONNECT; the heart-beats start ticking once CONNECTED came (STOMP 1.2 "Heart-beating"). */
    public CompletableFuture<StompFrame> connect(ClientConnectOptions options) {
        CompletableFuture<StompFrame> connected = client.connect(options, System.nanoTime());
        connected.thenRun(this::tick);
        return connected;
    }

    private void tick() {
        long now = System.nanoTime();
        long next = client.tick(now);
        long delay = next == Long.MAX_VALUE ? IDLE_TICK_NANOS : Math.min(IDLE_TICK_NANOS, Math.max(1_000_000, next - now));
        if (!ticks.isShutdown() && !readerDone.isDone()) {
            try {
                ticks.schedule(this::tick, delay, TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException ended) {
                // the connection ended meanwhile
            }
        }
    }

    /** The STOMP client to call: subscribe, send, ack, disconnect. */
    public StompClient client() {
        return client;
    }

    /** The sub-protocol the server selected (RFC 6455 §4.2.2), if it selected one. */
    public Optional<String> subProtocol() {
        return open.subprotocol();
    }

    /** What TLS agreed, under {@code wss://}. */
    public Optional<TlsFacts> tls() {
        return ws.tls();
    }

    /** Whether the server's first message was our own CONNECT, byte for byte: an echo endpoint, not STOMP. */
    public boolean echoedConnect() {
        return echoedConnect;
    }

    /**
     * How the WebSocket ended, once the reader has seen its end: the peer's close code (RFC 6455
     * §7.1.5) or a violation it committed, or 1006 when the connection ended without a close frame.
     */
    public ConnectFailure ending() {
        awaitReader();
        String where = ConnectFailures.where(settings.uri());
        Event.Closed c = closed;
        return c == null || c.code() == CloseCode.ABNORMAL_CLOSURE.code()
                ? new ConnectFailure.Closed(where, CloseCode.ABNORMAL_CLOSURE.code(), "", true)
                : ConnectFailures.closed(c, where);
    }

    private void awaitReader() {
        awaitEnd(Duration.ofNanos(settings.timeout().toNanos() + EngineSettings.DEFAULT_CLOSE_TIMEOUT_NANOS));
    }

    /** Waits at most {@code wait} for the WebSocket to end (the reader saw its end). */
    public void awaitEnd(Duration wait) {
        try {
            readerDone.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException notYet) {
            // report what was seen so far
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void write(byte[] octets) {
        if (firstSent == null) {
            firstSent = octets;
        }
        settings.tap().outbound("stomp", octets);
        try {
            ws.sendText(octets); // false once the connection is not open: the reader then sees its end
        } catch (IOException e) {
            ws.close(); // interrupted: end the connection rather than leave a frame half-sent
        }
    }

    /** The client's close (after DISCONNECT's RECEIPT, an ERROR or a violation): the closing handshake with 1000. */
    @Override
    public void close() {
        try {
            ws.close(CloseCode.NORMAL.code(), "");
        } catch (IOException e) {
            ws.close();
        }
    }

    /** Ends everything at once: the socket, the reader, the ticks. */
    public void shutdown() {
        ticks.shutdownNow();
        ws.close();
    }
}
