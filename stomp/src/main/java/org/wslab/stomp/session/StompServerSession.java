package org.wslab.stomp.session;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.broker.BrokerConnection;
import org.wslab.stomp.broker.Mailbox;
import org.wslab.stomp.broker.MailboxItem;
import org.wslab.stomp.broker.StompBroker;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompDecoder;
import org.wslab.stomp.codec.StompEncoder;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompFrameSink;
import org.wslab.stomp.StompVersion;

/**
 * The server side of one STOMP connection, a single-threaded sans-I/O state machine: octets in
 * ({@link #receive}), broker mail in ({@link #pump}), time in ({@link #tick}), messages out
 * ({@link #takeOutput}). Implements STOMP 1.2 "Connecting" (version and heart-beat negotiation;
 * the negotiated version decodes the very next frame, even in the same message as CONNECT),
 * "Client Frames", "Header receipt" and "ERROR" (every violation: ERROR naming the rule, then
 * {@link #shouldCloseTransport()}).
 *
 * <p>No locks, futures or callbacks: the broker posts into this session's {@link Mailbox} and runs
 * the {@code wakeup} the transport supplies; the transport then calls {@link #pump} on the
 * session's own thread. RECEIPTs are held until the broker's {@code Confirmed(seq)} (in frame
 * order, {@link HeldReceipts}); a broker refusal {@code Refused(seq)} is an ERROR carrying that
 * frame's receipt. Flow control (wslab policy): {@link #readPaused()} is true while a subscriber
 * this session published to is over its mailbox limit; a mailbox of ours over its soft limit for
 * longer than {@link org.wslab.stomp.broker.MailboxLimits#slowConsumerNanos()}, or past its hard
 * limit, ends the session with {@link StompRule#SLOW_CONSUMER}.
 */
public final class StompServerSession {
    private final StompBroker broker;
    private final StompServerConfig config;
    private final String sessionId;
    private final StompDecoder decoder;
    private final Mailbox mailbox;
    private final HeartBeatClock clock;
    private final HeldReceipts held = new HeldReceipts();
    private final ServerOutput output;
    private ClientFrameHandler frames;
    private BrokerConnection connection;
    private StompVersion version = StompVersion.V1_2;
    private boolean connected;
    /** No more input is handled: ERROR sent, or DISCONNECT waiting for its confirmation. */
    private boolean inputDone;
    /** ERROR or DISCONNECT's end: the transport should close once the output is sent. */
    private boolean closing;
    private long seq;
    private final SlowConsumerWatch slow;
    private long nowNanos;
    private StompViolation failure;

    /**
     * A session for one new transport connection.
     *
     * @param wakeup thread-safe and non-blocking: asks the transport to call {@link #pump} soon on
     *               this session's thread (the broker calls it from any thread)
     */
    public StompServerSession(StompBroker broker, StompServerConfig config, String sessionId, Runnable wakeup,
                              long nowNanos) {
        this.broker = broker;
        this.config = config;
        this.sessionId = sessionId;
        this.decoder = new StompDecoder(StompVersion.V1_2, config.limits());
        this.mailbox = new Mailbox(config.mailbox(), wakeup);
        this.slow = new SlowConsumerWatch(mailbox);
        this.clock = new HeartBeatClock(config.silenceTolerance(), nowNanos);
        this.output = new ServerOutput(clock);
    }

    /** The negotiated version (1.2 until CONNECT). */
    public StompVersion version() {
        return version;
    }

    /** The session id sent in CONNECTED. */
    public String sessionId() {
        return sessionId;
    }

    /** True between CONNECTED and the end of the session. */
    public boolean isConnected() {
        return connected && !closing;
    }

    /** True once the session ended (ERROR, DISCONNECT, or the transport's end). */
    public boolean isClosed() {
        return closing;
    }

    /** Negotiated send and expect intervals in milliseconds, 0 when off. */
    public long[] heartBeatMillis() {
        return new long[] {clock.sendEveryMillis(), clock.expectEveryMillis()};
    }

    /** Octets the broker has posted for this session and not yet pumped, plus what it holds back for it. */
    public long mailboxBytes() {
        return mailbox.bytes();
    }

    /**
     * Feeds one WebSocket message (text or binary), consuming the buffer. Frames are handled one by
     * one as the decoder finds them, so a version agreed in CONNECT applies from the next frame on.
     */
    public void receive(ByteBuffer message, long now) {
        nowNanos = now;
        if (inputDone) {
            message.position(message.limit());
            return;
        }
        clock.received(now);
        Optional<StompViolation> v = decoder.feed(message, new StompFrameSink() {
            @Override
            public void onFrame(StompFrame frame) {
                if (!inputDone) {
                    handle(frame);
                }
            }
        });
        if (v.isPresent() && !inputDone) {
            fail(v.get(), null);
        }
    }

    /**
     * Moves broker mail into the output until {@code maxBytes} of output are waiting (the
     * transport's free outbound budget); call it on every wake-up and whenever the transport has
     * room again. Also applies the slow-consumer limits.
     */
    public void pump(long now, long maxBytes) {
        nowNanos = now;
        MailboxItem item;
        while (!closing && output.bytes() < maxBytes && (item = mailbox.poll()) != null) {
            apply(item);
        }
        checkSlowConsumer();
    }

    /** True when broker mail is waiting to be pumped. */
    public boolean hasMail() {
        return !closing && mailbox.hasItems();
    }

    /** Sends a due heart-beat, drops a silent client, applies the slow-consumer limits; returns {@link #nextDeadlineNanos()}. */
    public long tick(long now) {
        nowNanos = now;
        if (!closing && connected) {
            long silent = clock.silenceBeyondTolerance(now);
            if (silent > 0) {
                fail(violation(StompRule.HEART_BEAT_TIMEOUT, "nothing received for " + silent / 1_000_000
                        + " ms beyond the tolerance"), null);
            } else if (clock.beatDue(now)) {
                output.beat(now);
                clock.sent(now);
            }
            checkSlowConsumer();
        }
        return nextDeadlineNanos();
    }

    /** When {@link #tick} must be called next, or {@link Long#MAX_VALUE}. */
    public long nextDeadlineNanos() {
        if (closing || !connected) {
            return Long.MAX_VALUE;
        }
        return Math.min(clock.nextDeadlineNanos(), slow.deadlineNanos());
    }

    /** Octets waiting in {@link #takeOutput()}. */
    public long outputBytes() {
        return output.bytes();
    }

    /** Everything to send, in order; the list is handed over. */
    public List<OutboundMessage> takeOutput() {
        return output.take();
    }

    /**
     * True while the transport should not read: a subscriber this session published to is over its
     * mailbox limit, or {@link SessionLimits#maxHeldReceipts()} receipts wait for the broker.
     */
    public boolean readPaused() {
        return !inputDone && (mailbox.publisherPaused() || held.size() >= config.sessionLimits().maxHeldReceipts());
    }

    /** True once the transport should close (after sending the output): ERROR or DISCONNECT. */
    public boolean shouldCloseTransport() {
        return closing;
    }

    /**
     * The transport failed for {@code why} (e.g. {@link StompRule#SEND_FAILED}: a frame could not be
     * sent, so nothing more can be): the session ends as on {@link #transportClosed}, and
     * {@link #failure()} names the rule.
     */
    public void transportFailed(StompViolation why, long now) {
        if (failure == null) {
            failure = why;
        }
        transportClosed(now);
    }

    /** Why the session ended, when it ended on a violation (its own ERROR, or the transport's failure). */
    public Optional<StompViolation> failure() {
        return Optional.ofNullable(failure);
    }

    /** The transport ended: transactions abort, unacknowledged messages go back (STOMP 1.2 "DISCONNECT"). */
    public void transportClosed(long now) {
        nowNanos = now;
        inputDone = true;
        closing = true;
        end();
    }

    private void end() {
        held.clear();
        mailbox.close();
        if (frames != null) {
            frames.close();
            frames = null;
        }
    }

    private void checkSlowConsumer() {
        if (closing || !connected) {
            return;
        }
        slow.check(nowNanos, version).ifPresent(v -> fail(v, null));
    }

    private void apply(MailboxItem item) {
        if (item instanceof MailboxItem.Deliver d) {
            if (frames != null && frames.hasSubscription(d.delivery().subscriptionId())) {
                emit(MessageFrames.of(d.delivery(), version));
            } // else: unsubscribed after the broker posted it; the broker took back what was unacknowledged
        } else if (item instanceof MailboxItem.Confirmed c) {
            confirmed(c.seq());
        } else if (item instanceof MailboxItem.Refused r) {
            fail(r.violation(), held.receiptOf(r.seq()));
        } else if (item instanceof MailboxItem.BrokerFailed f) {
            fail(f.violation(), null);
        }
    }

    private void confirmed(long confirmedSeq) {
        HeldReceipts.Held h;
        while (!closing && (h = held.release(confirmedSeq)) != null) {
            if (h.receiptId() != null) {
                emit(StompFrame.of(StompCommand.RECEIPT, "receipt-id", h.receiptId()));
            }
            if (h.disconnect()) {
                closing = true;
                end();
            }
        }
    }

    private void fail(StompViolation v, String receipt) {
        StompViolation cited = new StompViolation(v.rule(), version, v.detail());
        failure = cited;
        output.error(cited, receipt, VersionNegotiation.list(config.versions()), version, nowNanos);
        inputDone = true;
        closing = true;
        end();
    }

    /** Encodes and queues a frame; one the version cannot spell ends the session instead of throwing. */
    private void emit(StompFrame frame) {
        output.frame(frame, version, nowNanos).ifPresent(problem -> fail(problem, null));
    }

    private void handle(StompFrame frame) {
        String receipt = frame.header("receipt");
        StompCommand c = frame.command();
        if (receipt != null && StompEncoder.check(StompFrame.of(StompCommand.RECEIPT, "receipt-id", receipt), version).isPresent()) {
            fail(violation(StompRule.UNENCODABLE_HEADER, "receipt cannot be echoed as a " + version.text() + " receipt-id"), null);
            return;
        }
        if (!c.isClientCommand()) {
            fail(violation(StompRule.WRONG_DIRECTION, c + " is a server frame"), receipt);
            return;
        }
        boolean connecting = c == StompCommand.CONNECT || c == StompCommand.STOMP;
        if (!connected) {
            Optional<StompViolation> v = connecting ? connect(frame) : Optional.of(violation(StompRule.NOT_CONNECTED, c + " before CONNECT"));
            v.ifPresent(x -> fail(x, receipt));
            return;
        }
        long op = ++seq;
        Optional<StompViolation> v = switch (c) {
            case CONNECT, STOMP -> Optional.of(violation(StompRule.ALREADY_CONNECTED, c + " after CONNECTED"));
            case DISCONNECT -> {
                inputDone = true; // STOMP 1.2 "DISCONNECT": its RECEIPT says every earlier frame was processed
                held.hold(op, receipt, true);
                connection.confirm(op);
                yield Optional.empty();
            }
            default -> frames.handle(frame, op);
        };
        if (v.isPresent()) {
            fail(v.get(), receipt);
        } else if (receipt != null && c != StompCommand.DISCONNECT) {
            held.hold(op, receipt, false);
            connection.confirm(op);
        }
    }

    private Optional<StompViolation> connect(StompFrame f) {
        ServerConnect.Outcome outcome = ServerConnect.negotiate(f, config);
        if (outcome instanceof ServerConnect.Outcome.Refused r) {
            if (r.violation().rule() != StompRule.NO_COMMON_VERSION) {
                version = r.violation().version(); // the ERROR is written under the version agreed so far
            }
            return Optional.of(r.violation());
        }
        ServerConnect.Outcome.Agreed agreed = (ServerConnect.Outcome.Agreed) outcome;
        version = agreed.version();
        decoder.version(version);
        HeartBeat server = config.heartBeat();
        clock.negotiate(server, agreed.client(), nowNanos);
        connection = broker.connect(sessionId, mailbox);
        frames = new ClientFrameHandler(connection, version, config.sessionLimits(), config.defaultPrefetch());
        connected = true;
        emit(StompFrame.of(StompCommand.CONNECTED, "version", version.text(),
                "heart-beat", server.header(), "session", sessionId, "server", config.serverName()));
        return Optional.empty();
    }

    private StompViolation violation(StompRule rule, String detail) {
        return new StompViolation(rule, version, detail);
    }
}
