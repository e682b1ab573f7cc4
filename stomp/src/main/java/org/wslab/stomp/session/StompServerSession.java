package org.wslab.stomp.session;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.broker.BrokerConnection;
import org.wslab.stomp.broker.Delivery;
import org.wslab.stomp.broker.DeliveryTarget;
import org.wslab.stomp.broker.StompBroker;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompDecoder;
import org.wslab.stomp.codec.StompEncoder;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompFrameSink;
import org.wslab.stomp.codec.StompVersion;

/**
 * The server side of one STOMP connection, sans-I/O: octets in ({@link #receive}), frames out
 * (through {@link StompServerOutput}), time as {@code nowNanos} ({@link #tick}). Implements STOMP
 * 1.2 "Connecting" (version and heart-beat negotiation), "Client Frames" (SEND, SUBSCRIBE,
 * UNSUBSCRIBE, ACK, NACK, BEGIN, COMMIT, ABORT, DISCONNECT, with per-version ACK headers),
 * "Header receipt" and "ERROR" (every violation: ERROR naming the rule, then close).
 *
 * <p>Heart-beats: the server sends an EOL whenever it has sent nothing for the negotiated
 * interval, and drops a client that promised beats once nothing arrived for
 * {@code interval × silenceTolerance} (default twice the interval). Transactions live here;
 * messaging goes to a {@link StompBroker}. A RECEIPT is sent once the broker has confirmed the
 * frame ({@link BrokerConnection#confirmed()}: at once in memory, on the upstream's RECEIPT in a
 * relay), receipts in frame order; DISCONNECT's RECEIPT and close wait for the same. Thread-safe:
 * calls are serialised.
 */
public final class StompServerSession {
    private final StompBroker broker;
    private final StompServerConfig config;
    private final SerialOutput out;
    private final String sessionId;
    private final StompDecoder decoder;
    private final List<StompFrame> inbox = new ArrayList<>();
    private ClientFrameHandler frames;
    private BrokerConnection connection;
    /** Completes once every RECEIPT held for broker confirmation so far has been sent. */
    private CompletableFuture<Void> heldReceipts = CompletableFuture.completedFuture(null);
    private volatile StompVersion version = StompVersion.V1_2;
    private boolean connected;
    private boolean closed;
    private long sendEveryNanos;
    private long expectEveryNanos;
    private long lastSentNanos;
    private long lastReceivedNanos;

    /** A session for one new transport connection. */
    public StompServerSession(StompBroker broker, StompServerConfig config, StompServerOutput output,
                              String sessionId, long nowNanos) {
        this.broker = broker;
        this.config = config;
        this.out = new SerialOutput(output);
        this.sessionId = sessionId;
        this.decoder = new StompDecoder(StompVersion.V1_2, config.limits());
        this.lastSentNanos = nowNanos;
        this.lastReceivedNanos = nowNanos;
    }

    /** The negotiated version (1.2 until CONNECT). */
    public StompVersion version() {
        return version;
    }

    /** The session id sent in CONNECTED. */
    public String sessionId() {
        return sessionId;
    }

    /** True between CONNECTED and the end of the connection. */
    public synchronized boolean isConnected() {
        return connected && !closed;
    }

    /** True once the session closed (DISCONNECT, ERROR or transport end). */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Negotiated send and expect intervals in milliseconds, 0 when off. */
    public synchronized long[] heartBeatMillis() {
        return new long[] {sendEveryNanos / 1_000_000, expectEveryNanos / 1_000_000};
    }

    /** Feeds octets of one WebSocket message (text or binary). */
    public void receive(ByteBuffer data, long nowNanos) {
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        receive(copy, 0, copy.length, nowNanos);
    }

    /** Feeds octets. */
    public synchronized void receive(byte[] data, int off, int len, long nowNanos) {
        if (closed) {
            return;
        }
        lastReceivedNanos = nowNanos;
        inbox.clear();
        Optional<StompViolation> v = decoder.feed(data, off, len, (StompFrameSink) inbox::add);
        for (StompFrame frame : inbox) {
            if (closed) {
                return;
            }
            handle(frame, nowNanos);
        }
        if (v.isPresent() && !closed) {
            fail(v.get(), null, nowNanos);
        }
    }

    /** Sends a due heart-beat and drops a silent client; returns the next time to call, or Long.MAX_VALUE. */
    public synchronized long tick(long nowNanos) {
        if (closed || !connected) {
            return Long.MAX_VALUE;
        }
        if (expectEveryNanos > 0 && nowNanos - lastReceivedNanos > (long) (expectEveryNanos * config.silenceTolerance())) {
            fail(new StompViolation(StompRule.HEART_BEAT_TIMEOUT, version,
                    "nothing received for " + (nowNanos - lastReceivedNanos) / 1_000_000 + " ms"), null, nowNanos);
            return Long.MAX_VALUE;
        }
        if (sendEveryNanos > 0 && nowNanos - lastSentNanos >= sendEveryNanos) {
            out.write(StompEncoder.HEART_BEAT, null);
            lastSentNanos = nowNanos;
        }
        long next = Long.MAX_VALUE;
        if (sendEveryNanos > 0) {
            next = lastSentNanos + sendEveryNanos;
        }
        if (expectEveryNanos > 0) {
            next = Math.min(next, lastReceivedNanos + (long) (expectEveryNanos * config.silenceTolerance()) + 1);
        }
        return next;
    }

    /** The transport ended: transactions abort, unacknowledged messages go back (STOMP 1.2 "DISCONNECT"). */
    public synchronized void transportClosed() {
        end();
    }

    private void end() {
        closed = true;
        if (frames != null) {
            frames.close();
            frames = null;
        }
    }

    private void fail(StompViolation v, String receipt, long nowNanos) {
        send(ErrorFrames.of(new StompViolation(v.rule(), version, v.detail()), receipt,
                VersionNegotiation.list(config.versions())), nowNanos);
        end();
        out.close();
    }

    private void send(StompFrame frame, long nowNanos) {
        out.write(StompEncoder.encode(frame, version), frame);
        lastSentNanos = nowNanos;
    }

    private void handle(StompFrame frame, long nowNanos) {
        String receipt = frame.header("receipt");
        boolean connecting = frame.command() == StompCommand.CONNECT || frame.command() == StompCommand.STOMP;
        Optional<StompViolation> v = dispatch(frame, nowNanos);
        if (v.isPresent()) {
            fail(v.get(), receipt, nowNanos);
        } else if (receipt != null && !closed && !connecting) {
            receipt(receipt, nowNanos);
        }
    }

    /** RECEIPT now when the broker confirmed everything so far, else once it has, after earlier ones. */
    private void receipt(String receiptId, long nowNanos) {
        CompletableFuture<Void> confirmed = connection.confirmed();
        if (settled(heldReceipts) && settled(confirmed)) {
            send(StompFrame.of(StompCommand.RECEIPT, "receipt-id", receiptId), nowNanos);
        } else {
            heldReceipts = CompletableFuture.allOf(heldReceipts, confirmed).thenRun(() -> heldReceipt(receiptId));
        }
    }

    private static boolean settled(CompletableFuture<Void> f) {
        return f.isDone() && !f.isCompletedExceptionally();
    }

    /** A held RECEIPT, on the broker's thread; no clock here, so the last send time stands. */
    private synchronized void heldReceipt(String receiptId) {
        if (frames != null) { // still attached to the broker (a pending DISCONNECT waits for these)
            send(StompFrame.of(StompCommand.RECEIPT, "receipt-id", receiptId), lastSentNanos);
        }
    }

    /** Ends after DISCONNECT, with its RECEIPT when everything before it was confirmed. */
    private synchronized void disconnected(String receipt, boolean confirmed) {
        if (frames == null) {
            return;
        }
        if (receipt != null && confirmed) {
            send(StompFrame.of(StompCommand.RECEIPT, "receipt-id", receipt), lastSentNanos);
        }
        end();
        out.close();
    }

    private Optional<StompViolation> dispatch(StompFrame f, long nowNanos) {
        StompCommand c = f.command();
        if (!c.isClientCommand()) {
            return violation(StompRule.WRONG_DIRECTION, c + " is a server frame");
        }
        boolean connecting = c == StompCommand.CONNECT || c == StompCommand.STOMP;
        if (!connected) {
            return connecting ? connect(f, nowNanos) : violation(StompRule.NOT_CONNECTED, c + " before CONNECT");
        }
        switch (c) {
            case CONNECT, STOMP:
                return violation(StompRule.ALREADY_CONNECTED, c + " after CONNECTED");
            case DISCONNECT: {
                // STOMP 1.2 "DISCONNECT": its RECEIPT says every earlier frame was processed
                String receipt = f.header("receipt");
                CompletableFuture<Void> all = CompletableFuture.allOf(heldReceipts, connection.confirmed());
                if (all.isDone()) {
                    disconnected(receipt, !all.isCompletedExceptionally());
                } else {
                    closed = true;
                    all.whenComplete((ok, e) -> disconnected(receipt, e == null));
                }
                return Optional.empty();
            }
            default:
                return frames.handle(f);
        }
    }

    private Optional<StompViolation> connect(StompFrame f, long nowNanos) {
        Optional<StompVersion> negotiated = VersionNegotiation.negotiate(f.header("accept-version"), config.versions());
        if (negotiated.isEmpty()) {
            return violation(StompRule.NO_COMMON_VERSION, "client accepts \"" + f.header("accept-version")
                    + "\", server supports " + VersionNegotiation.list(config.versions()));
        }
        version = negotiated.get();
        HeartBeat.Parsed hb = HeartBeat.parse(f.header("heart-beat"), version);
        if (hb.violation() != null) {
            return Optional.of(hb.violation());
        }
        Optional<String> refusal = config.authenticator().refuse(f.header("login"), f.header("passcode"));
        if (refusal.isPresent()) {
            return violation(StompRule.AUTHENTICATION_FAILED, refusal.get());
        }
        decoder.version(version);
        HeartBeat client = version == StompVersion.V1_0 ? HeartBeat.NONE : hb.value();
        HeartBeat server = config.heartBeat();
        sendEveryNanos = HeartBeat.interval(server, client) * 1_000_000;
        expectEveryNanos = HeartBeat.interval(client, server) * 1_000_000;
        BrokerConnection connection = broker.connect(sessionId, new DeliveryTarget() {
            @Override
            public void deliver(Delivery d) {
                StompServerSession.this.deliver(d);
            }

            @Override
            public void brokerFailed(StompViolation v) {
                StompFrame error = ErrorFrames.of(new StompViolation(v.rule(), version, v.detail()), null, null);
                out.write(StompEncoder.encode(error, version), error);
                out.close();
            }
        });
        this.connection = connection;
        frames = new ClientFrameHandler(connection, version, config.sessionLimits());
        connected = true;
        StompFrame reply = StompFrame.of(StompCommand.CONNECTED, "version", version.text(),
                "heart-beat", server.header(), "session", sessionId, "server", config.serverName());
        send(reply, nowNanos);
        return Optional.empty();
    }

    /** Broker → this client; runs on the publisher's thread, so it touches only {@link #version} and {@link #out}. */
    private void deliver(Delivery d) {
        StompVersion v = version;
        StompFrame m = MessageFrames.of(d, v);
        out.write(StompEncoder.encode(m, v), m);
    }

    private Optional<StompViolation> violation(StompRule rule, String detail) {
        return Optional.of(new StompViolation(rule, version, detail));
    }
}
