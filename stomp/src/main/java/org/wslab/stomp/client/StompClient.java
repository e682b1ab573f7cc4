package org.wslab.stomp.client;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.session.ClientCall;
import org.wslab.stomp.session.ClientConnectOptions;
import org.wslab.stomp.session.ClientEvent;
import org.wslab.stomp.session.StompClientSession;

/**
 * A thread-safe STOMP client over the sans-I/O {@link StompClientSession} (STOMP 1.2 "Client
 * Frames"): every call goes through the session under this facade's lock, the session's output goes
 * to a {@link StompClientOutput}, and its events become futures and handler calls. Receipts are
 * futures completed by the matching RECEIPT ("Header receipt"); every pending future fails with
 * {@link StompErrorException} when an ERROR arrives, a rule is broken or the connection ends; a call
 * the session refuses (wrong state, a value the negotiated version cannot encode) is a future failed
 * with the refusal's violation — never an exception thrown at the caller.
 *
 * <p>No callback runs under the lock: message handlers and future completions are queued while it is
 * held and run after it is released ({@link OrderedCallbacks}), one at a time and in arrival order, in
 * practice on the transport's reader thread. So a handler may ack, send or disconnect, from its own
 * thread or another one, without deadlock; a handler that blocks holds back later callbacks only.
 */
public final class StompClient {
    private final StompClientOutput output;
    private final StompClientSession session;
    private final LongSupplier clock;
    private final Map<String, CompletableFuture<StompFrame>> receipts = new HashMap<>();
    private final Map<String, Consumer<StompFrame>> handlers = new HashMap<>();
    private final CompletableFuture<StompFrame> connected = new CompletableFuture<>();
    private final CompletableFuture<StompFrame> closedFuture = new CompletableFuture<>();
    private final OrderedCallbacks callbacks = new OrderedCallbacks(this);
    private StompErrorException failure;
    private boolean transportCloseRequested;

    /** A client writing to {@code output}, decoding under {@code limits}, on the system's nanosecond clock. */
    public StompClient(StompClientOutput output, StompLimits limits) {
        this(output, limits, System::nanoTime);
    }

    /** As above; calls without a {@code nowNanos} argument read {@code clock}. */
    public StompClient(StompClientOutput output, StompLimits limits, LongSupplier clock) {
        this.output = output;
        this.session = new StompClientSession(limits);
        this.clock = clock;
    }

    /** Sends CONNECT; the future completes with CONNECTED (or fails with the ERROR). */
    public CompletableFuture<StompFrame> connect(ClientConnectOptions o, long nowNanos) {
        synchronized (this) {
            ClientCall c = session.connect(o, nowNanos);
            if (c instanceof ClientCall.Refused r) {
                return refused(r);
            }
            flush();
        }
        callbacks.drain();
        return connected;
    }

    /** Negotiated send and expect intervals in milliseconds (STOMP 1.2 "Heart-beating"), 0 when off or before CONNECTED. */
    public synchronized long[] heartBeatMillis() {
        return session.heartBeatMillis();
    }

    /** The negotiated version (1.2 until CONNECTED). */
    public synchronized StompVersion version() {
        return session.version();
    }

    /** Completes when the connection ends: with null after DISCONNECT, exceptionally after an ERROR or a violation. */
    public CompletableFuture<StompFrame> closed() {
        return closedFuture;
    }

    /** SUBSCRIBE; {@code handler} gets each MESSAGE of subscription {@code id}. */
    public CompletableFuture<StompFrame> subscribe(String id, String destination, AckMode mode,
                                                   Consumer<StompFrame> handler, boolean receipt) {
        return call(s -> {
            ClientCall c = s.subscribe(id, destination, mode, receipt, clock.getAsLong());
            if (c.sent()) {
                handlers.put(id, handler);
            }
            return c;
        });
    }

    /** UNSUBSCRIBE. */
    public CompletableFuture<StompFrame> unsubscribe(String id, boolean receipt) {
        return call(s -> {
            ClientCall c = s.unsubscribe(id, receipt, clock.getAsLong());
            if (c.sent()) {
                handlers.remove(id);
            }
            return c;
        });
    }

    /** SEND a text body to {@code destination}, in {@code transaction} when not null. */
    public CompletableFuture<StompFrame> send(String destination, String body, String transaction, boolean receipt) {
        return call(s -> s.send(destination, body, transaction, receipt, clock.getAsLong()));
    }

    /** SEND a frame built by the caller (its command must be SEND). */
    public CompletableFuture<StompFrame> send(StompFrame frame, boolean receipt) {
        return call(s -> s.send(frame, receipt, clock.getAsLong()));
    }

    /** ACK a received MESSAGE with the headers its version needs (1.0 message-id; 1.1 + subscription; 1.2 id). */
    public CompletableFuture<StompFrame> ack(StompFrame message, String transaction, boolean receipt) {
        return call(s -> s.ack(message, transaction, receipt, clock.getAsLong()));
    }

    /** NACK a received MESSAGE (1.1 and 1.2 only). */
    public CompletableFuture<StompFrame> nack(StompFrame message, String transaction, boolean receipt) {
        return call(s -> s.nack(message, transaction, receipt, clock.getAsLong()));
    }

    /** BEGIN, COMMIT or ABORT of {@code transaction}. */
    public CompletableFuture<StompFrame> transaction(StompCommand command, String transaction, boolean receipt) {
        return call(s -> switch (command) {
            case BEGIN -> s.begin(transaction, receipt, clock.getAsLong());
            case COMMIT -> s.commit(transaction, receipt, clock.getAsLong());
            case ABORT -> s.abort(transaction, receipt, clock.getAsLong());
            default -> throw new IllegalArgumentException(command + " is not a transaction command");
        });
    }

    /** DISCONNECT with a receipt; the transport is closed when the RECEIPT arrives (STOMP 1.2 "DISCONNECT"). */
    public CompletableFuture<StompFrame> disconnect() {
        return call(s -> s.disconnect(clock.getAsLong()));
    }

    /** Feeds octets of one WebSocket message; handlers and completions run after the lock is released. */
    public void receive(byte[] data, int off, int len, long nowNanos) {
        synchronized (this) {
            dispatch(session.receive(ByteBuffer.wrap(data, off, len), nowNanos));
            flush(); // closes the transport after an ERROR or a violation
        }
        callbacks.drain();
    }

    /** Sends a due heart-beat, drops a silent server; returns the next time to call, or Long.MAX_VALUE. */
    public long tick(long nowNanos) {
        long next;
        synchronized (this) {
            next = session.tick(nowNanos);
            flush();
        }
        callbacks.drain();
        return next;
    }

    /** The transport ended. */
    public void transportClosed() {
        synchronized (this) {
            transportCloseRequested = true; // nothing left to close
            dispatch(session.transportClosed(clock.getAsLong()));
        }
        callbacks.drain();
    }

    private interface SessionCall {
        ClientCall on(StompClientSession s);
    }

    private CompletableFuture<StompFrame> call(SessionCall body) {
        CompletableFuture<StompFrame> r;
        synchronized (this) {
            ClientCall c = body.on(session);
            if (c instanceof ClientCall.Refused refused) {
                return refused(refused);
            }
            r = ((ClientCall.Sent) c).receiptId().map(id -> {
                CompletableFuture<StompFrame> f = new CompletableFuture<>();
                receipts.put(id, f);
                return f;
            }).orElseGet(() -> CompletableFuture.completedFuture(null));
            flush(); // after registering: a synchronous transport may answer inside write
        }
        callbacks.drain();
        return r;
    }

    private CompletableFuture<StompFrame> refused(ClientCall.Refused r) {
        return CompletableFuture.failedFuture(new StompErrorException(r.violation().toString(), null, r.violation()));
    }

    /** Writes the session's output, then its events, then closes the transport if the session says so; the lock is held. */
    private void flush() {
        for (byte[] octets : session.takeOutput()) {
            output.write(octets);
        }
        dispatch(session.takeEvents());
        if (session.shouldCloseTransport() && !transportCloseRequested) {
            transportCloseRequested = true;
            output.close();
        }
    }

    private void dispatch(List<ClientEvent> events) {
        for (ClientEvent e : events) {
            if (e instanceof ClientEvent.Connected c) {
                callbacks.add(() -> connected.complete(c.frame()));
            } else if (e instanceof ClientEvent.Message m) {
                Consumer<StompFrame> h = handlers.get(m.subscription());
                if (h != null) {
                    callbacks.add(() -> h.accept(m.frame()));
                }
            } else if (e instanceof ClientEvent.Receipt r) {
                CompletableFuture<StompFrame> f = receipts.remove(r.receiptId());
                if (f != null) {
                    callbacks.add(() -> f.complete(r.frame()));
                }
            } else if (e instanceof ClientEvent.Error err) {
                failure = new StompErrorException("ERROR: " + err.frame().header("message", ""), err.frame(), null);
            } else if (e instanceof ClientEvent.Violation v) {
                failure = new StompErrorException(v.violation().toString(), null, v.violation());
            } else if (e instanceof ClientEvent.Closed) {
                ended();
            }
        }
    }

    private void ended() {
        StompErrorException e = failure;
        StompErrorException orClosed = e != null ? e : new StompErrorException("closed", null, null);
        List<CompletableFuture<StompFrame>> failed = List.copyOf(receipts.values());
        receipts.clear();
        callbacks.add(() -> {
            failed.forEach(r -> r.completeExceptionally(orClosed));
            connected.completeExceptionally(orClosed);
            if (e == null) {
                closedFuture.complete(null);
            } else {
                closedFuture.completeExceptionally(e);
            }
        });
    }
}
