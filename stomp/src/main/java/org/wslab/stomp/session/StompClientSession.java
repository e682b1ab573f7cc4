package org.wslab.stomp.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompDecoder;
import org.wslab.stomp.codec.StompEncoder;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompFrameSink;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.StompVersion;

/**
 * The client side of one STOMP connection as a single-threaded, sans-I/O state machine (STOMP 1.2
 * "Client Frames", "Server Frames"): calls queue octets for {@link #takeOutput()} (one WebSocket
 * message each, heart-beat EOLs included) and return a {@link ClientCall} — the receipt id used, or
 * a refusal naming the rule; {@link #receive} decodes the server's octets into {@link ClientEvent}s.
 * Time is a {@code nowNanos} argument; the caller calls {@link #tick} at {@link #nextDeadlineNanos()}
 * and closes its transport once {@link #shouldCloseTransport()}. Not thread-safe: one caller at a
 * time (a facade with a lock, or a transport's loop thread).
 *
 * <p>Frames are handled one by one as the decoder finds them, so the version CONNECTED negotiates
 * ("Protocol Negotiation") applies to the very next frame of the same buffer. A second CONNECTED is
 * a violation, never a version change. Values taken from a MESSAGE for an ACK/NACK are checked for
 * the negotiated version ("Value Encoding") before anything is written.
 */
public final class StompClientSession {
    private enum State { NEW, CONNECTING, CONNECTED, DISCONNECTING, CLOSED }

    private final StompDecoder decoder;
    private final List<byte[]> output = new ArrayList<>();
    private final List<ClientEvent> events = new ArrayList<>();
    private final Set<String> pendingReceipts = new HashSet<>();
    private final Set<String> subscriptions = new HashSet<>();
    private final StompFrameSink sink;
    private State state = State.NEW;
    private StompVersion version = StompVersion.V1_2;
    private ClientConnectOptions options = ClientConnectOptions.DEFAULT;
    private HeartBeatClock clock;
    private String disconnectReceipt;
    private long nowNanos;
    private int nextReceipt;

    /** A client decoding under {@code limits}; nothing happens until {@link #connect}. */
    public StompClientSession(StompLimits limits) {
        this.decoder = new StompDecoder(StompVersion.V1_2, limits);
        this.sink = frame -> {
            if (state != State.CLOSED) {
                handle(frame);
            }
        };
    }

    /** Queues CONNECT (STOMP 1.2 "CONNECT or STOMP Frame"); CONNECTED arrives as {@link ClientEvent.Connected}. */
    public ClientCall connect(ClientConnectOptions o, long now) {
        if (state != State.NEW) {
            return refused(StompRule.ALREADY_CONNECTED, "connect() on a session that already sent CONNECT");
        }
        StompFrame f = o.connectFrame();
        Optional<StompViolation> bad = StompEncoder.check(f, version);
        if (bad.isPresent()) {
            return new ClientCall.Refused(bad.get());
        }
        options = o;
        clock = new HeartBeatClock(o.heartBeatTolerance(), now);
        state = State.CONNECTING;
        emit(f, now);
        return new ClientCall.Sent(Optional.empty());
    }

    /** SUBSCRIBE {@code id} to {@code destination} (STOMP 1.2 "SUBSCRIBE"); {@code client-individual} needs 1.1 or later. */
    public ClientCall subscribe(String id, String destination, AckMode mode, boolean receipt, long now) {
        if (mode == AckMode.CLIENT_INDIVIDUAL && version == StompVersion.V1_0) {
            return refused(StompRule.INVALID_ACK_MODE, "client-individual does not exist in STOMP 1.0");
        }
        if (subscriptions.contains(id)) {
            return refused(StompRule.DUPLICATE_SUBSCRIPTION, "subscription \"" + id + "\" is already open");
        }
        ClientCall c = write(StompFrame.of(StompCommand.SUBSCRIBE, "id", id, "destination", destination, "ack", mode.header()),
                receipt, now);
        if (c.sent()) {
            subscriptions.add(id);
        }
        return c;
    }

    /** UNSUBSCRIBE {@code id} (STOMP 1.2 "UNSUBSCRIBE"); MESSAGEs already on their way may still arrive. */
    public ClientCall unsubscribe(String id, boolean receipt, long now) {
        if (!subscriptions.contains(id)) {
            return refused(StompRule.UNKNOWN_SUBSCRIPTION, "no open subscription \"" + id + "\"");
        }
        ClientCall c = write(StompFrame.of(StompCommand.UNSUBSCRIBE, "id", id), receipt, now);
        if (c.sent()) {
            subscriptions.remove(id);
        }
        return c;
    }

    /** SEND a UTF-8 text body to {@code destination} (STOMP 1.2 "SEND"), in {@code transaction} when not null. */
    public ClientCall send(String destination, String body, String transaction, boolean receipt, long now) {
        StompFrame f = StompFrame.of(StompCommand.SEND, "destination", destination, "content-type", "text/plain;charset=UTF-8");
        if (transaction != null) {
            f = f.withHeader("transaction", transaction);
        }
        return send(f.withBody(body.getBytes(StandardCharsets.UTF_8)), receipt, now);
    }

    /** SEND a frame built by the caller (STOMP 1.2 "SEND"): its command must be SEND and it needs a destination. */
    public ClientCall send(StompFrame frame, boolean receipt, long now) {
        if (frame.command() != StompCommand.SEND) {
            return refused(StompRule.WRONG_DIRECTION, "send(frame) takes SEND frames, not " + frame.command());
        }
        if (frame.header("destination") == null) {
            return refused(StompRule.MISSING_HEADER, "SEND without destination");
        }
        return write(frame, receipt, now);
    }

    /** ACK a received MESSAGE with the headers the negotiated version names (see {@link AckFrames}). */
    public ClientCall ack(StompFrame message, String transaction, boolean receipt, long now) {
        return acknowledge(StompCommand.ACK, message, transaction, receipt, now);
    }

    /** NACK a received MESSAGE (STOMP 1.1 and 1.2 "NACK"; refused under 1.0). */
    public ClientCall nack(StompFrame message, String transaction, boolean receipt, long now) {
        return acknowledge(StompCommand.NACK, message, transaction, receipt, now);
    }

    private ClientCall acknowledge(StompCommand c, StompFrame message, String transaction, boolean receipt, long now) {
        if (state != State.CONNECTED) {
            return notConnected(c);
        }
        AckFrames.Built built = AckFrames.build(c, message, transaction, version);
        if (built instanceof AckFrames.Refused r) {
            return new ClientCall.Refused(r.violation());
        }
        return write(((AckFrames.Frame) built).frame(), receipt, now);
    }

    /** BEGIN {@code transaction} (STOMP 1.2 "BEGIN"). */
    public ClientCall begin(String transaction, boolean receipt, long now) {
        return write(StompFrame.of(StompCommand.BEGIN, "transaction", transaction), receipt, now);
    }

    /** COMMIT {@code transaction} (STOMP 1.2 "COMMIT"). */
    public ClientCall commit(String transaction, boolean receipt, long now) {
        return write(StompFrame.of(StompCommand.COMMIT, "transaction", transaction), receipt, now);
    }

    /** ABORT {@code transaction} (STOMP 1.2 "ABORT"). */
    public ClientCall abort(String transaction, boolean receipt, long now) {
        return write(StompFrame.of(StompCommand.ABORT, "transaction", transaction), receipt, now);
    }

    /**
     * DISCONNECT with a receipt (STOMP 1.2 "DISCONNECT"): nothing more may be sent; its RECEIPT
     * ends the connection cleanly ({@link ClientEvent.Closed}{@code (true)}).
     */
    public ClientCall disconnect(long now) {
        ClientCall c = write(StompFrame.of(StompCommand.DISCONNECT), true, now);
        if (c instanceof ClientCall.Sent s) {
            disconnectReceipt = s.receiptId().orElseThrow();
            state = State.DISCONNECTING;
        }
        return c;
    }

    /** Decodes one WebSocket message (or one read) from the server; returns the events so far, as {@link #takeEvents()}. */
    public List<ClientEvent> receive(ByteBuffer data, long now) {
        nowNanos = now;
        if (state == State.CLOSED) {
            data.position(data.limit());
            return takeEvents();
        }
        if (state == State.NEW) {
            fail(new StompViolation(StompRule.NOT_CONNECTED, version, "octets from the server before CONNECT was sent"));
            return takeEvents();
        }
        clock.received(now);
        Optional<StompViolation> v = decoder.feed(data, sink);
        if (v.isPresent() && state != State.CLOSED) {
            fail(v.get());
        }
        return takeEvents();
    }

    /** Sends a due heart-beat EOL, gives up a server silent past the tolerance; returns {@link #nextDeadlineNanos()}. */
    public long tick(long now) {
        if (state != State.CONNECTED && state != State.DISCONNECTING) {
            return nextDeadlineNanos();
        }
        if (clock.silenceBeyondTolerance(now) > 0) {
            fail(new StompViolation(StompRule.HEART_BEAT_TIMEOUT, version, "server silent for more than "
                    + clock.tolerance() + " × " + clock.expectEveryMillis() + " ms"));
        } else if (clock.beatDue(now)) {
            output.add(StompEncoder.HEART_BEAT);
            clock.sent(now);
        }
        return nextDeadlineNanos();
    }

    /** When {@link #tick} must run next, {@link Long#MAX_VALUE} when nothing is scheduled. */
    public long nextDeadlineNanos() {
        return (state == State.CONNECTED || state == State.DISCONNECTING) ? clock.nextDeadlineNanos() : Long.MAX_VALUE;
    }

    /**
     * The transport ended; unless the session had already closed, that is {@code CONNECTION_ENDED}
     * (STOMP 1.2 "DISCONNECT": the graceful end is DISCONNECT then its RECEIPT) — not an ERROR the
     * broker sent: the caller knows from its transport how it ended (a close code, a lost connection).
     */
    public List<ClientEvent> transportClosed(long now) {
        nowNanos = now;
        if (state != State.CLOSED) {
            fail(new StompViolation(StompRule.CONNECTION_ENDED, version, "the transport closed"));
        }
        return takeEvents();
    }

    /** The octets to send, one WebSocket message per element, in order; the list is handed over. */
    public List<byte[]> takeOutput() {
        List<byte[]> out = List.copyOf(output);
        output.clear();
        return out;
    }

    /** Events not yet taken, in order; the list is handed over. */
    public List<ClientEvent> takeEvents() {
        List<ClientEvent> out = List.copyOf(events);
        events.clear();
        return out;
    }

    /** True once the connection is over (ERROR, violation, DISCONNECT's RECEIPT): close the transport after the output. */
    public boolean shouldCloseTransport() {
        return state == State.CLOSED;
    }

    /** The negotiated version (1.2 until CONNECTED). */
    public StompVersion version() {
        return version;
    }

    /** Negotiated send and expect intervals in milliseconds (STOMP 1.2 "Heart-beating"), 0 when off or before CONNECTED. */
    public long[] heartBeatMillis() {
        return clock == null || state == State.CONNECTING ? new long[] {0, 0}
                : new long[] {clock.sendEveryMillis(), clock.expectEveryMillis()};
    }

    private ClientCall write(StompFrame frame, boolean receipt, long now) {
        if (state != State.CONNECTED) {
            return notConnected(frame.command());
        }
        String id = null;
        if (receipt) {
            id = "r-" + (nextReceipt + 1);
            frame = frame.withHeader("receipt", id);
        }
        Optional<StompViolation> bad = StompEncoder.check(frame, version);
        if (bad.isPresent()) {
            return new ClientCall.Refused(bad.get());
        }
        if (id != null) {
            nextReceipt++;
            pendingReceipts.add(id);
        }
        emit(frame, now);
        return new ClientCall.Sent(Optional.ofNullable(id));
    }

    private ClientCall notConnected(StompCommand c) {
        return refused(StompRule.NOT_CONNECTED, c + " while " + state.name().toLowerCase() + " (only between CONNECTED and DISCONNECT)");
    }

    private ClientCall refused(StompRule rule, String detail) {
        return new ClientCall.Refused(new StompViolation(rule, version, detail));
    }

    private void emit(StompFrame frame, long now) {
        output.add(StompEncoder.encode(frame, version));
        clock.sent(now);
    }

    private void handle(StompFrame f) {
        ServerFrames.Outcome o = ServerFrames.classify(f, state == State.CONNECTING, version, options.acceptVersions());
        if (o instanceof ServerFrames.Connected c) {
            version = c.version();
            decoder.version(version); // the next frame of this very buffer decodes under it
            clock.negotiate(options.heartBeat(), c.serverHeartBeat(), nowNanos);
            state = State.CONNECTED;
            events.add(new ClientEvent.Connected(f, version, clock.sendEveryMillis(), clock.expectEveryMillis()));
        } else if (o instanceof ServerFrames.Message m) {
            events.add(new ClientEvent.Message(m.subscription(), f));
        } else if (o instanceof ServerFrames.Receipt r) {
            receipt(r.receiptId(), f);
        } else if (o instanceof ServerFrames.Error) {
            events.add(new ClientEvent.Error(f));
            close(false);
        } else {
            fail(((ServerFrames.Broken) o).violation());
        }
    }

    private void receipt(String id, StompFrame f) {
        if (!pendingReceipts.remove(id)) {
            return; // wslab policy: a RECEIPT no frame of ours asked for answers nothing and is ignored
        }
        events.add(new ClientEvent.Receipt(id, f));
        if (id.equals(disconnectReceipt)) {
            close(true);
        }
    }

    private void fail(StompViolation v) {
        events.add(new ClientEvent.Violation(v));
        close(false);
    }

    private void close(boolean clean) {
        state = State.CLOSED;
        pendingReceipts.clear();
        events.add(new ClientEvent.Closed(clean));
    }
}
