package org.wslab.tutorials.chapters;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.wslab.framing.engine.FrameListener;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.stomp.client.StompWebSocket;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.client.StompClient;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.codec.StompTrace;
import org.wslab.stomp.jetty.StompWireTap;
import org.wslab.stomp.session.ClientConnectOptions;
import org.wslab.tutorials.live.ChapterFailure;

/**
 * One named STOMP client of chapter 6 on the lab's own WebSocket client ({@link StompWebSocket},
 * offering {@code v10.stomp, v11.stomp, v12.stomp}, RFC 6455 §1.9), with its wire log: every
 * WebSocket message both ways rendered by {@link StompTrace} ({@code ^@} for NUL, {@code ^J} for
 * LF), prefixed by the client's name, into a log several peers may share, and the heart-beats
 * (a message that is one EOL, STOMP 1.2 "Heart-beating") counted each way.
 */
final class StompPeer implements AutoCloseable {
    /** The longest wait for CONNECTED, a RECEIPT or a message. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private final String name;
    private final StompWebSocket socket;
    private final Tap tap;
    private final List<StompFrame> received = new ArrayList<>();

    private StompPeer(String name, StompWebSocket socket, Tap tap) {
        this.name = name;
        this.socket = socket;
        this.tap = tap;
    }

    /** Opens the WebSocket to {@code url} and sends CONNECT with {@code options}; returns once CONNECTED came. */
    static StompPeer connect(String name, URI url, ClientConnectOptions options, StringBuilder log) {
        WebSocketUri.Parse parsed = WebSocketUri.parse(url.toString());
        if (!(parsed instanceof WebSocketUri.Parse.Valid valid)) {
            throw new ChapterFailure("not a WebSocket URL: " + url + ": " + parsed);
        }
        WebSocketUri uri = valid.uri();
        Tap tap = new Tap(name, log);
        StompWebSocket socket = StompWebSocket.open(new StompWebSocket.Settings(uri, Optional.empty(), FrameListener.NONE,
                tap, StompLimits.DEFAULT, WAIT), e -> { });
        StompPeer peer = new StompPeer(name, socket, tap);
        await(socket.connect(options.withHost(uri.host())), name + ": CONNECTED");
        return peer;
    }

    /** The STOMP client: subscribe, send, ack, begin, commit, disconnect. */
    StompClient client() {
        return socket.client();
    }

    /** The sub-protocol the server picked in its 101. */
    String subProtocol() {
        return socket.subProtocol().orElse("(none)");
    }

    /** SUBSCRIBE with a receipt, waiting for it; each MESSAGE is kept and handed to {@code onMessage}. */
    void subscribe(String id, String destination, AckMode mode, java.util.function.Consumer<StompFrame> onMessage) {
        await(client().subscribe(id, destination, mode, f -> {
            onMessage.accept(f); // first, so that what it sends is on the wire once the message counts
            synchronized (received) {
                received.add(f);
                received.notifyAll();
            }
        }, true), name + ": RECEIPT of SUBSCRIBE " + destination);
    }

    /** SUBSCRIBE with a receipt, keeping each MESSAGE. */
    void subscribe(String id, String destination, AckMode mode) {
        subscribe(id, destination, mode, f -> { });
    }

    /** The MESSAGE frames received so far. */
    List<StompFrame> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Their bodies. */
    List<String> bodies() {
        return received().stream().map(StompFrame::bodyText).toList();
    }

    /** Waits until {@code n} messages came; fails the chapter when they do not within {@link #WAIT}. */
    List<StompFrame> awaitMessages(int n) throws InterruptedException {
        long until = System.nanoTime() + WAIT.toNanos();
        synchronized (received) {
            while (received.size() < n) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    throw new ChapterFailure(name + " received " + received.size() + " messages, expected " + n
                            + ": " + bodies());
                }
                TimeUnit.NANOSECONDS.timedWait(received, left);
            }
            return List.copyOf(received);
        }
    }

    /** Writes raw octets as one text message, bypassing the client's checks (to break a rule on purpose). */
    void writeRaw(String frame) {
        socket.write(frame.getBytes(StandardCharsets.UTF_8));
    }

    /** Heart-beats sent so far (messages of one EOL). */
    int beatsSent() {
        return tap.beatsOut.get();
    }

    /** Heart-beats received so far. */
    int beatsReceived() {
        return tap.beatsIn.get();
    }

    /** Waits for the WebSocket to end (after an ERROR the server closes it). */
    boolean awaitEnd() {
        socket.awaitEnd(WAIT);
        return client().closed().isDone();
    }

    /**
     * How the WebSocket ended, once it has: the peer's close code and reason, or 1006 when the
     * connection ended without a Close frame (RFC 6455 §7.1.5).
     */
    String ending() {
        return socket.ending().line();
    }

    /** DISCONNECT, waiting for its RECEIPT (STOMP 1.2 "DISCONNECT"). */
    void disconnect() {
        await(client().disconnect(), name + ": RECEIPT of DISCONNECT");
        socket.awaitEnd(WAIT);
    }

    /** Where {@code log} ends now, to cut a transcript from here with {@link #cut}. */
    static int mark(StringBuilder log) {
        synchronized (log) {
            return log.length();
        }
    }

    /** The part of {@code log} between two {@link #mark marks}. */
    static String cut(StringBuilder log, int from, int to) {
        synchronized (log) {
            return log.substring(from, to);
        }
    }

    /** Waits for {@code future} (a RECEIPT, CONNECTED); fails the chapter with {@code what} when it fails or times out. */
    static StompFrame await(CompletableFuture<StompFrame> future, String what) {
        try {
            return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new ChapterFailure(what + " did not come within " + WAIT.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw new ChapterFailure(what + " failed: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChapterFailure("interrupted while waiting for " + what);
        }
    }

    @Override
    public void close() {
        socket.shutdown();
    }

    /** The wire log of one peer. */
    private static final class Tap implements StompWireTap {
        private final String name;
        private final StringBuilder log;
        private final AtomicInteger beatsIn = new AtomicInteger();
        private final AtomicInteger beatsOut = new AtomicInteger();

        Tap(String name, StringBuilder log) {
            this.name = name;
            this.log = log;
        }

        @Override
        public void opened(String connectionId, String subProtocol) {
            append("# " + name + ": WebSocket open, sub-protocol " + (subProtocol == null ? "(none)" : subProtocol) + "\n");
        }

        @Override
        public void inbound(String connectionId, byte[] octets) {
            count(octets, beatsIn);
            append(StompTrace.render(name + " <<< ", octets));
        }

        @Override
        public void outbound(String connectionId, byte[] octets) {
            count(octets, beatsOut);
            append(StompTrace.render(name + " >>> ", octets));
        }

        private static void count(byte[] octets, AtomicInteger beats) {
            String s = new String(octets, StandardCharsets.UTF_8);
            if (s.equals("\n") || s.equals("\r\n")) {
                beats.incrementAndGet();
            }
        }

        private void append(String rendered) {
            synchronized (log) {
                log.append(rendered);
                if (!rendered.endsWith("\n")) {
                    log.append('\n');
                }
            }
        }
    }
}
