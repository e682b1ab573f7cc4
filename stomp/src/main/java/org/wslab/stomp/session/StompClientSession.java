package org.wslab.stomp.session;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompDecoder;
import org.wslab.stomp.codec.StompEncoder;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompFrameSink;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.codec.StompVersion;

/**
 * The client side of one STOMP connection, sans-I/O (STOMP 1.2 "Client Frames"): frames out
 * through {@link StompClientOutput}, octets in through {@link #receive}, time as {@code nowNanos}.
 * Receipts are futures completed by the matching RECEIPT (STOMP 1.2 "Header receipt"); every
 * pending future fails with {@link StompErrorException} when an ERROR arrives or the connection ends.
 * Heart-beats follow the MAX rule; a server silent for twice the negotiated interval is dropped.
 *
 * <p>Thread-safe: calls are serialised by the session's lock, but no callback runs under it. Message
 * handlers and the completions of {@link #connect}, receipt and {@link #closed()} futures are queued
 * while the lock is held and run after it is released ({@link OrderedCallbacks}), one at a time and
 * in arrival order, by the session call that first finds them pending with the lock released: in
 * practice the transport's reader thread that received them (or, in a synchronous loopback, the
 * outermost call). So a handler may ack, send or disconnect, from its own thread or another one,
 * without deadlock; a handler that blocks holds back later callbacks and the thread running it,
 * while other callers' sends and acks go through.
 */
public final class StompClientSession {
    private final StompClientOutput output;
    private final StompDecoder decoder;
    private final Map<String, CompletableFuture<StompFrame>> receipts = new LinkedHashMap<>();
    private final Map<String, Consumer<StompFrame>> handlers = new HashMap<>();
    private final CompletableFuture<StompFrame> connected = new CompletableFuture<>();
    private final CompletableFuture<StompFrame> closedFuture = new CompletableFuture<>();
    private final List<StompFrame> inbox = new ArrayList<>();
    private final OrderedCallbacks callbacks = new OrderedCallbacks(this);
    private StompVersion version = StompVersion.V1_2;
    private HeartBeat ownHeartBeat = HeartBeat.NONE;
    private long sendEveryNanos;
    private long expectEveryNanos;
    private long lastSentNanos;
    private long lastReceivedNanos;
    private int nextReceipt;
    private boolean closed;

    /** A client writing to {@code output}, decoding under {@code limits}. */
    public StompClientSession(StompClientOutput output, StompLimits limits) {
        this.output = output;
        this.decoder = new StompDecoder(StompVersion.V1_2, limits);
    }

    /** Sends CONNECT; the future completes with CONNECTED (or fails with the ERROR). */
    public CompletableFuture<StompFrame> connect(ClientConnectOptions o, long nowNanos) {
        synchronized (this) {
            connectLocked(o, nowNanos);
        }
        callbacks.drain();
        return connected;
    }

    private void connectLocked(ClientConnectOptions o, long nowNanos) {
        StompFrame f = StompFrame.of(StompCommand.CONNECT, "accept-version", VersionNegotiation.list(o.acceptVersions()),
                "host", o.host(), "heart-beat", o.heartBeat().header());
        if (o.login() != null) {
            f = f.withHeader("login", o.login());
        }
        if (o.passcode() != null) {
            f = f.withHeader("passcode", o.passcode());
        }
        ownHeartBeat = o.heartBeat();
        lastReceivedNanos = nowNanos;
        write(f, nowNanos);
    }

    /** Negotiated send and expect intervals in milliseconds (STOMP 1.2 "Heart-beating"), 0 when off or before CONNECTED. */
    public synchronized long[] heartBeatMillis() {
        return new long[] {sendEveryNanos / 1_000_000, expectEveryNanos / 1_000_000};
    }

    /** The negotiated version (1.2 until CONNECTED). */
    public synchronized StompVersion version() {
        return version;
    }

    /** Completes when the connection ends: with null after DISCONNECT, exceptionally after an ERROR. */
    public CompletableFuture<StompFrame> closed() {
        return closedFuture;
    }

    /** SUBSCRIBE; {@code handler} gets each MESSAGE of subscription {@code id}. */
    public CompletableFuture<StompFrame> subscribe(String id, String destination, AckMode mode,
                                                   Consumer<StompFrame> handler, boolean receipt) {
        CompletableFuture<StompFrame> r;
        synchronized (this) {
            handlers.put(id, handler);
            r = sendLocked(StompFrame.of(StompCommand.SUBSCRIBE, "id", id, "destination", destination, "ack", mode.header()), receipt);
        }
        callbacks.drain();
        return r;
    }

    /** UNSUBSCRIBE. */
    public CompletableFuture<StompFrame> unsubscribe(String id, boolean receipt) {
        CompletableFuture<StompFrame> r;
        synchronized (this) {
            handlers.remove(id);
            r = sendLocked(StompFrame.of(StompCommand.UNSUBSCRIBE, "id", id), receipt);
        }
        callbacks.drain();
        return r;
    }

    /** SEND a text body to {@code destination}, in {@code transaction} when not null. */
    public CompletableFuture<StompFrame> send(String destination, String body, String transaction, boolean receipt) {
        StompFrame f = StompFrame.of(StompCommand.SEND, "destination", destination, "content-type", "text/plain;charset=UTF-8");
        if (transaction != null) {
            f = f.withHeader("transaction", transaction);
        }
        return send(f.withBody(body.getBytes(StandardCharsets.UTF_8)), receipt);
    }

    /** ACK a received MESSAGE with the headers its version needs (1.0 message-id; 1.1 + subscription; 1.2 id). */
    public CompletableFuture<StompFrame> ack(StompFrame message, String transaction, boolean receipt) {
        return send(acknowledgement(StompCommand.ACK, message, transaction), receipt);
    }

    /** NACK a received MESSAGE (1.1 and 1.2 only). */
    public CompletableFuture<StompFrame> nack(StompFrame message, String transaction, boolean receipt) {
        return send(acknowledgement(StompCommand.NACK, message, transaction), receipt);
    }

    private synchronized StompFrame acknowledgement(StompCommand c, StompFrame m, String transaction) {
        StompFrame f = switch (version) {
            case V1_0 -> StompFrame.of(c, "message-id", m.header("message-id", ""));
            case V1_1 -> StompFrame.of(c, "message-id", m.header("message-id", ""), "subscription", m.header("subscription", ""));
            case V1_2 -> StompFrame.of(c, "id", m.header("ack", m.header("message-id", "")));
        };
        return transaction == null ? f : f.withHeader("transaction", transaction);
    }

    /** BEGIN, COMMIT or ABORT of {@code transaction}. */
    public CompletableFuture<StompFrame> transaction(StompCommand command, String transaction, boolean receipt) {
        if (command != StompCommand.BEGIN && command != StompCommand.COMMIT && command != StompCommand.ABORT) {
            throw new IllegalArgumentException(command + " is not a transaction command");
        }
        return send(StompFrame.of(command, "transaction", transaction), receipt);
    }

    /** DISCONNECT with a receipt; the transport is closed when the RECEIPT arrives (STOMP 1.2 "DISCONNECT"). */
    public CompletableFuture<StompFrame> disconnect() {
        CompletableFuture<StompFrame> r = send(StompFrame.of(StompCommand.DISCONNECT), true);
        return r.whenComplete((f, e) -> {
            synchronized (this) {
                finish(null, null);
            }
            callbacks.drain();
        });
    }

    /** Sends any frame; with {@code receipt} a {@code receipt} header is added and the future waits for it. */
    public CompletableFuture<StompFrame> send(StompFrame frame, boolean receipt) {
        CompletableFuture<StompFrame> r;
        synchronized (this) {
            r = sendLocked(frame, receipt);
        }
        callbacks.drain();
        return r;
    }

    private CompletableFuture<StompFrame> sendLocked(StompFrame frame, boolean receipt) {
        if (closed) {
            return CompletableFuture.failedFuture(new StompErrorException("connection closed", null, null));
        }
        CompletableFuture<StompFrame> r = new CompletableFuture<>();
        if (receipt) {
            String id = "r-" + (++nextReceipt);
            receipts.put(id, r);
            frame = frame.withHeader("receipt", id);
        } else {
            r.complete(null);
        }
        write(frame, lastSentNanos);
        return r;
    }

    /** Feeds octets of one WebSocket message; handlers and completions run after the lock is released. */
    public void receive(byte[] data, int off, int len, long nowNanos) {
        synchronized (this) {
            receiveLocked(data, off, len, nowNanos);
        }
        callbacks.drain();
    }

    private void receiveLocked(byte[] data, int off, int len, long nowNanos) {
        if (closed) {
            return;
        }
        lastReceivedNanos = nowNanos;
        inbox.clear();
        Optional<StompViolation> v = decoder.feed(data, off, len, (StompFrameSink) inbox::add);
        for (StompFrame f : inbox) {
            if (!closed) {
                handle(f, nowNanos);
            }
        }
        if (v.isPresent() && !closed) {
            finish(null, v.get());
        }
    }

    /** Sends a due heart-beat, drops a silent server; returns the next time to call, or Long.MAX_VALUE. */
    public long tick(long nowNanos) {
        long next;
        synchronized (this) {
            next = tickLocked(nowNanos);
        }
        callbacks.drain();
        return next;
    }

    private long tickLocked(long nowNanos) {
        if (closed || !connected.isDone()) {
            return Long.MAX_VALUE;
        }
        if (expectEveryNanos > 0 && nowNanos - lastReceivedNanos > 2 * expectEveryNanos) {
            finish(null, new StompViolation(StompRule.HEART_BEAT_TIMEOUT, version, "server silent"));
            return Long.MAX_VALUE;
        }
        if (sendEveryNanos > 0 && nowNanos - lastSentNanos >= sendEveryNanos) {
            output.write(StompEncoder.HEART_BEAT);
            lastSentNanos = nowNanos;
        }
        long next = sendEveryNanos > 0 ? lastSentNanos + sendEveryNanos : Long.MAX_VALUE;
        return expectEveryNanos > 0 ? Math.min(next, lastReceivedNanos + 2 * expectEveryNanos + 1) : next;
    }

    /** The transport ended. */
    public void transportClosed() {
        synchronized (this) {
            finish(null, closed ? null : new StompViolation(StompRule.BROKER_UNAVAILABLE, version, "transport closed"));
        }
        callbacks.drain();
    }

    private void handle(StompFrame f, long nowNanos) {
        switch (f.command()) {
            case CONNECTED -> {
                version = Optional.ofNullable(StompVersion.fromText(f.header("version", "1.0"))).orElse(StompVersion.V1_0);
                decoder.version(version);
                HeartBeat.Parsed server = HeartBeat.parse(f.header("heart-beat"), version);
                HeartBeat s = server.value() == null || version == StompVersion.V1_0 ? HeartBeat.NONE : server.value();
                sendEveryNanos = HeartBeat.interval(ownHeartBeat, s) * 1_000_000;
                expectEveryNanos = HeartBeat.interval(s, ownHeartBeat) * 1_000_000;
                lastSentNanos = nowNanos;
                callbacks.add(() -> connected.complete(f));
            }
            case MESSAGE -> {
                Consumer<StompFrame> h = handlers.get(f.header("subscription", f.header("destination", "")));
                if (h != null) {
                    callbacks.add(() -> h.accept(f));
                }
            }
            case RECEIPT -> {
                CompletableFuture<StompFrame> r = receipts.remove(f.header("receipt-id", ""));
                if (r != null) {
                    callbacks.add(() -> r.complete(f));
                }
            }
            case ERROR -> finish(f, null);
            default -> finish(null, new StompViolation(StompRule.WRONG_DIRECTION, version, f.command() + " from a server"));
        }
    }

    private void write(StompFrame f, long nowNanos) {
        output.write(StompEncoder.encode(f, version));
        lastSentNanos = nowNanos;
    }

    private void finish(StompFrame error, StompViolation violation) {
        if (closed) {
            return;
        }
        closed = true;
        StompErrorException e = error == null && violation == null ? null : new StompErrorException(
                error != null ? "ERROR: " + error.header("message", "") : violation.toString(), error, violation);
        List<CompletableFuture<StompFrame>> failed = List.copyOf(receipts.values());
        receipts.clear();
        callbacks.add(() -> {
            for (CompletableFuture<StompFrame> r : failed) {
                r.completeExceptionally(e != null ? e : new StompErrorException("closed", null, null));
            }
            if (e == null) {
                connected.completeExceptionally(new StompErrorException("closed", null, null));
                closedFuture.complete(null);
            } else {
                connected.completeExceptionally(e);
                closedFuture.completeExceptionally(e);
            }
        });
        output.close();
    }
}
