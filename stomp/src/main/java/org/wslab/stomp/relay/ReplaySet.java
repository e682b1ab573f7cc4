package org.wslab.stomp.relay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.codec.StompFrame;

/**
 * What every new upstream connection of a {@link RelayConnection} must be told, in order (wslab policy,
 * the relay keeps each client's session across upstream outages): the client's subscriptions (same ids, destinations,
 * ack modes; STOMP 1.2 "SUBSCRIBE") and its SENDs the upstream has not yet confirmed with a RECEIPT
 * (bounded by an {@link OutageBuffer}). It outlives each connection; its futures are what the
 * client's held RECEIPTs wait for. Not thread-safe: guarded by the owning {@link RelayConnection}.
 */
final class ReplaySet {
    /** One client subscription; {@code established} completes on the upstream's RECEIPT. */
    record Subscription(String destination, AckMode mode, CompletableFuture<Void> established) {
    }

    /** One SEND; {@code confirmed} completes on the upstream's RECEIPT. */
    record PendingSend(StompFrame frame, CompletableFuture<Void> confirmed) {
    }

    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final OutageBuffer<PendingSend> unconfirmed;

    ReplaySet(RelaySettings settings) {
        this.unconfirmed = new OutageBuffer<>(settings.maxBufferedSends(), settings.maxBufferedBytes());
    }

    /** A new subscription, or null when {@code id} is already taken. */
    Subscription subscribe(String id, String destination, AckMode mode) {
        if (subscriptions.containsKey(id)) {
            return null;
        }
        Subscription s = new Subscription(destination, mode, new CompletableFuture<>());
        subscriptions.put(id, s);
        return s;
    }

    /** The removed subscription, or null when there was none. */
    Subscription unsubscribe(String id) {
        return subscriptions.remove(id);
    }

    /** Forgets every subscription (the client is gone); returns their ids. */
    Set<String> clearSubscriptions() {
        Set<String> ids = Set.copyOf(subscriptions.keySet());
        subscriptions.clear();
        return ids;
    }

    Map<String, Subscription> subscriptions() {
        return subscriptions;
    }

    /** Holds a SEND until confirmed; refused (with the violation) past the buffer's limits. */
    OutageBuffer.Result<PendingSend> offer(StompFrame send, int bodyLength) {
        return unconfirmed.offer(new PendingSend(send, new CompletableFuture<>()), bodyLength);
    }

    List<OutageBuffer.Entry<PendingSend>> unconfirmed() {
        return unconfirmed.entries();
    }

    /** The upstream confirmed entry {@code seq}. */
    void confirmed(long seq) {
        unconfirmed.remove(seq);
    }

    boolean allConfirmed() {
        return unconfirmed.isEmpty();
    }

    /** What a RECEIPT issued now must wait for: subscriptions not yet established, SENDs not yet confirmed. */
    List<CompletableFuture<Void>> waiting() {
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        for (Subscription s : subscriptions.values()) {
            if (!s.established().isDone()) {
                waiting.add(s.established());
            }
        }
        for (OutageBuffer.Entry<PendingSend> e : unconfirmed.entries()) {
            waiting.add(e.item().confirmed());
        }
        return waiting;
    }

    /** Empties the SEND buffer for a failure; returns every future anyone may wait on. */
    List<CompletableFuture<Void>> drain() {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        subscriptions.values().forEach(s -> all.add(s.established()));
        unconfirmed.drain().forEach(e -> all.add(e.item().confirmed()));
        return all;
    }
}
