package org.wslab.stomp.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.broker.BrokerConnection;
import org.wslab.stomp.broker.Mailbox;
import org.wslab.stomp.broker.MailboxItem;
import org.wslab.stomp.client.StompClient;
import org.wslab.stomp.client.StompConnection;
import org.wslab.stomp.client.StompErrorException;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompHeader;

/**
 * One client session's side of a {@link RelayBroker}: a STOMP client session to the upstream broker
 * that is opened asynchronously and re-opened after it is lost ({@link Reconnector}: bounded
 * exponential backoff until {@link RelaySettings#giveUpAfter()}, {@link StompRule#RELAY_GAVE_UP}).
 * A lost connection includes one silent past its negotiated heart-beats (asked for by default in
 * {@link RelaySettings#upstreamConnect()}).
 * On each new upstream connection the client's subscriptions are re-made (same ids, destinations,
 * ack modes), then the SENDs not yet confirmed are sent again in order ({@link ReplaySet}, bounded:
 * {@link StompRule#RELAY_BUFFER_FULL}). Every upstream SUBSCRIBE and SEND asks for an
 * upstream RECEIPT; {@link #confirm(long)} posts {@code Confirmed(seq)} into the client's mailbox
 * once they have all arrived, which is when the client's own RECEIPT goes out; refusals are posted
 * as {@code Refused(seq)} and a failure of the relay as {@code BrokerFailed}. ACK/NACK of deliveries from a lost connection are dropped
 * ({@link AckLedger}).
 *
 * <p>Threads and locks: client calls arrive on the session's thread; upstream MESSAGEs on the
 * upstream reader thread (they only touch the leaf {@link AckLedger}); every other upstream event
 * (RECEIPTs, loss, connect results, timers) is handed to the relay's executor; what the client
 * session waits for is posted into its mailbox from there, with no relay lock held.
 */
final class RelayConnection implements BrokerConnection {
    private static final AtomicLong IDS = new AtomicLong();

    private final String sessionId;
    private final Upstream upstream;
    private final Mailbox target;
    private final RelaySettings settings;
    private final Reconnector reconnector;
    private final AckLedger ledger = new AckLedger();
    // guarded by this
    private final ReplaySet replay;
    private StompClient up;
    private long generation;
    private boolean closing;
    private boolean done;
    private StompViolation failure;

    RelayConnection(String sessionId, Upstream upstream, Mailbox target, RelaySettings settings,
                    ScheduledExecutorService executor) {
        this.sessionId = sessionId;
        this.upstream = upstream;
        this.target = target;
        this.settings = settings;
        this.reconnector = new Reconnector(settings, executor);
        this.replay = new ReplaySet(settings);
    }

    /** Opens the first upstream connection in the background (an outage until it is up). */
    synchronized void start() {
        reconnector.outage(this::giveUpIfStillDown, this::attempt, true);
    }

    // ---- client side (the session's thread) ----

    @Override
    public void subscribe(long seq, String subscriptionId, String destination, AckMode mode, int prefetch) {
        refused(seq, subscribe(subscriptionId, destination, mode));
    }

    @Override
    public void unsubscribe(long seq, String subscriptionId) {
        refused(seq, unsubscribe(subscriptionId));
    }

    @Override
    public void send(long seq, String destination, List<StompHeader> headers, byte[] body) {
        refused(seq, send(destination, headers, body));
    }

    @Override
    public void ack(long seq, String messageId) {
        refused(seq, acknowledge(messageId, false));
    }

    @Override
    public void nack(long seq, String messageId) {
        refused(seq, acknowledge(messageId, true));
    }

    private void refused(long seq, Optional<StompViolation> v) {
        v.ifPresent(x -> target.post(new MailboxItem.Refused(seq, x)));
    }

    private Optional<StompViolation> subscribe(String subscriptionId, String destination, AckMode mode) {
        synchronized (this) {
            if (failure != null) {
                return Optional.of(failure);
            }
            ReplaySet.Subscription sub = replay.subscribe(subscriptionId, destination, mode);
            if (sub == null) {
                return Optional.of(StompViolation.of(StompRule.DUPLICATE_SUBSCRIPTION, "subscription id \"" + subscriptionId + "\""));
            }
            ledger.subscribed(subscriptionId, mode);
            if (up != null) {
                subscribeUpstream(up, generation, subscriptionId, sub);
            }
        }
        return Optional.empty();
    }

    private Optional<StompViolation> unsubscribe(String subscriptionId) {
        ReplaySet.Subscription sub;
        synchronized (this) {
            sub = replay.unsubscribe(subscriptionId);
            if (sub == null) {
                return Optional.of(StompViolation.of(StompRule.UNKNOWN_SUBSCRIPTION, "subscription id \"" + subscriptionId + "\""));
            }
            ledger.unsubscribed(subscriptionId);
            if (up != null) {
                up.unsubscribe(subscriptionId, false);
            }
        }
        sub.established().complete(null); // nothing left to wait for: it is gone upstream or never was there
        return Optional.empty();
    }

    private Optional<StompViolation> send(String destination, List<StompHeader> headers, byte[] body) {
        List<StompHeader> all = new ArrayList<>();
        all.add(new StompHeader("destination", destination));
        all.addAll(headers);
        StompFrame send = new StompFrame(StompCommand.SEND, all, null).withBody(body);
        synchronized (this) {
            if (failure != null) {
                return Optional.of(failure);
            }
            OutageBuffer.Result<ReplaySet.PendingSend> r = replay.offer(send, body.length);
            if (r instanceof OutageBuffer.Result.Refused<ReplaySet.PendingSend> refused) {
                return Optional.of(refused.violation());
            }
            if (up != null) {
                sendUpstream(up, ((OutageBuffer.Result.Accepted<ReplaySet.PendingSend>) r).entry());
            }
        }
        return Optional.empty();
    }

    private Optional<StompViolation> acknowledge(String messageId, boolean nack) {
        AckLedger.Pending p = ledger.settle(messageId);
        if (p == null) {
            return Optional.of(StompViolation.of(StompRule.UNKNOWN_ACK_ID, "id \"" + messageId + "\""));
        }
        synchronized (this) {
            // a delivery of a lost connection: its ack id means nothing to the new one (the broker redelivers)
            if (up != null && p.generation() == generation) {
                // an upstream id its version cannot write back is refused, not dropped
                return StompErrorException.refusal(nack ? up.nack(p.upstreamMessage(), null, false)
                        : up.ack(p.upstreamMessage(), null, false));
            }
        }
        return Optional.empty();
    }

    /** Confirmed(seq) once every subscription and SEND so far is confirmed upstream; nothing after a failure. */
    @Override
    public void confirm(long seq) {
        List<CompletableFuture<Void>> waiting;
        synchronized (this) {
            if (failure != null) {
                return; // BrokerFailed is (or will be) in the mailbox
            }
            waiting = replay.waiting();
        }
        if (waiting.isEmpty()) {
            target.post(new MailboxItem.Confirmed(seq));
            return;
        }
        CompletableFuture.allOf(waiting.toArray(new CompletableFuture<?>[0])).whenComplete((ok, e) -> {
            if (e == null) {
                target.post(new MailboxItem.Confirmed(seq));
            }
        });
    }

    /** The client is gone: unsubscribe by disconnecting; unconfirmed SENDs are still delivered (drain). */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            replay.clearSubscriptions().forEach(ledger::unsubscribed);
            if (up != null) {
                disconnect(up); // after the SENDs already written: the broker processes them first
                up = null;
                done = true;
            } else if (replay.allConfirmed()) {
                done = true;
            }
        }
    }

    // ---- upstream side (the relay's executor) ----

    private void attempt() {
        synchronized (this) {
            if (done || up != null) {
                return;
            }
        }
        reconnector.open(upstream, sessionId, this::attempted);
    }

    private void attempted(StompConnection c, Throwable e) {
        StompClient s = c == null ? null : c.client();
        synchronized (this) {
            if (s == null || e != null) {
                if (!done) {
                    reconnector.attemptFailed(e, this::attempt);
                }
                return;
            }
            if (done) {
                disconnect(s);
                return;
            }
            long gen = ++generation;
            up = s;
            reconnector.connected();
            s.closed().whenComplete((x, err) -> reconnector.later(() -> lost(s, err), 0));
            replay.subscriptions().forEach((id, sub) -> subscribeUpstream(s, gen, id, sub));
            replay.unconfirmed().forEach(entry -> sendUpstream(s, entry));
            if (closing) {
                disconnect(s); // drained: the DISCONNECT follows the re-sent SENDs
                up = null;
                done = true;
            }
        }
    }

    /**
     * The upstream connection ended: broker gone, TCP reset, or silent past its heart-beat tolerance
     * (the client session's {@code HEART_BEAT_TIMEOUT}) — an outage; an upstream ERROR frame is not.
     */
    private void lost(StompClient s, Throwable err) {
        Throwable cause = Reconnector.unwrap(err);
        synchronized (this) {
            if (up != s || done) {
                return;
            }
            up = null;
            if (!(cause instanceof StompErrorException se && se.error() != null)) {
                reconnector.outage(this::giveUpIfStillDown, this::attempt, false);
                return;
            }
        }
        // the upstream refused something with an ERROR: sending it again would be refused again
        fail(StompViolation.of(StompRule.BROKER_UNAVAILABLE,
                "upstream broker sent ERROR: " + ((StompErrorException) cause).error().header("message", "")));
    }

    private void giveUpIfStillDown(long outage) {
        String detail;
        synchronized (this) {
            if (done || up != null || !reconnector.isCurrent(outage)) {
                return;
            }
            detail = reconnector.giveUpDetail();
        }
        fail(StompViolation.of(StompRule.RELAY_GAVE_UP, detail));
    }

    private void subscribeUpstream(StompClient s, long gen, String id, ReplaySet.Subscription sub) {
        CompletableFuture<StompFrame> call = s.subscribe(id, sub.destination(), sub.mode(), m -> onMessage(id, gen, m), true);
        call.whenComplete((r, e) -> {
            if (e == null) {
                reconnector.later(() -> sub.established().complete(null), 0);
            }
        });
        StompErrorException.refusal(call).ifPresent(v -> reconnector.later(() -> fail(v), 0));
    }

    private void sendUpstream(StompClient s, OutageBuffer.Entry<ReplaySet.PendingSend> entry) {
        CompletableFuture<StompFrame> call = s.send(entry.item().frame(), true);
        call.whenComplete((r, e) -> {
            if (e == null) {
                reconnector.later(() -> sendConfirmed(entry), 0);
            }
        });
        // a value the upstream's version cannot write would otherwise hold the client's RECEIPT for ever
        StompErrorException.refusal(call).ifPresent(v -> reconnector.later(() -> fail(v), 0));
    }

    private void sendConfirmed(OutageBuffer.Entry<ReplaySet.PendingSend> entry) {
        synchronized (this) {
            replay.confirmed(entry.seq());
            if (closing && replay.allConfirmed() && up == null) {
                done = true;
            }
        }
        entry.item().confirmed().complete(null);
    }

    /** An upstream MESSAGE, on the upstream reader thread. */
    private void onMessage(String subscriptionId, long gen, StompFrame m) {
        AckMode mode = ledger.mode(subscriptionId);
        if (mode == null) {
            return; // unsubscribed meanwhile
        }
        String id = sessionId + "-r" + IDS.incrementAndGet();
        ledger.delivered(subscriptionId, id, m, gen);
        target.post(new MailboxItem.Deliver(RelayedMessage.delivery(subscriptionId, id, mode, m)));
    }

    private void fail(StompViolation v) {
        List<CompletableFuture<Void>> waiting;
        StompClient s;
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            failure = v;
            s = up;
            up = null;
            waiting = replay.drain();
        }
        RuntimeException e = new IllegalStateException(v.toString());
        waiting.forEach(w -> w.completeExceptionally(e));
        if (s != null) {
            s.transportClosed();
        }
        target.post(new MailboxItem.BrokerFailed(v));
    }

    /** DISCONNECT upstream; a broker that never answers it is cut off after {@code attemptTimeout}. */
    private void disconnect(StompClient s) {
        s.disconnect();
        reconnector.later(s::transportClosed, settings.attemptTimeout().toNanos());
    }
}
