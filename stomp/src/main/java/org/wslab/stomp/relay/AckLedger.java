package org.wslab.stomp.relay;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.codec.StompFrame;

/**
 * One client session's map from our MESSAGE ids to the upstream MESSAGEs they stand for (STOMP 1.2
 * "ACK": the client acknowledges our id, the relay acknowledges the upstream's), per subscription
 * in delivery order, each tagged with the upstream connection ({@code generation}) that delivered
 * it. After a reconnect the relay forwards an ACK/NACK only when its generation is the live one: a
 * stale id is settled here and dropped, never sent to the new connection (the upstream broker
 * redelivers what the lost connection left unacknowledged).
 *
 * <p>Thread-safe, and a leaf lock: nothing is called while it is held (deliveries arrive on the
 * upstream's reader thread, acknowledgements on the client's).
 */
final class AckLedger {
    /** An unacknowledged delivery: the upstream MESSAGE and the connection it came on. */
    record Pending(StompFrame upstreamMessage, long generation) {
    }

    private final Map<String, AckMode> modes = new HashMap<>();
    private final Map<String, LinkedHashMap<String, Pending>> bySubscription = new LinkedHashMap<>();

    synchronized void subscribed(String subscriptionId, AckMode mode) {
        modes.put(subscriptionId, mode);
    }

    /** The subscription ended; its unacknowledged deliveries are forgotten (the broker redelivers them). */
    synchronized void unsubscribed(String subscriptionId) {
        modes.remove(subscriptionId);
        bySubscription.remove(subscriptionId);
    }

    /** The ack mode of a live subscription, or null. */
    synchronized AckMode mode(String subscriptionId) {
        return modes.get(subscriptionId);
    }

    /** Records a delivery awaiting ACK/NACK (client and client-individual modes only). */
    synchronized void delivered(String subscriptionId, String id, StompFrame upstreamMessage, long generation) {
        AckMode mode = modes.get(subscriptionId);
        if (mode != null && mode != AckMode.AUTO) {
            bySubscription.computeIfAbsent(subscriptionId, k -> new LinkedHashMap<>())
                    .put(id, new Pending(upstreamMessage, generation));
        }
    }

    synchronized boolean isPending(String id) {
        for (LinkedHashMap<String, Pending> m : bySubscription.values()) {
            if (m.containsKey(id)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Settles {@code id} (cumulatively in {@code client} mode: every earlier delivery of its
     * subscription too) and returns its delivery, or null when it is not pending.
     */
    synchronized Pending settle(String id) {
        for (Map.Entry<String, LinkedHashMap<String, Pending>> e : bySubscription.entrySet()) {
            Pending p = e.getValue().get(id);
            if (p == null) {
                continue;
            }
            if (modes.get(e.getKey()) == AckMode.CLIENT) {
                Iterator<String> it = e.getValue().keySet().iterator();
                while (it.hasNext()) {
                    String earlier = it.next();
                    it.remove();
                    if (earlier.equals(id)) {
                        break;
                    }
                }
            } else {
                e.getValue().remove(id);
            }
            return p;
        }
        return null;
    }

    /** How many deliveries await ACK/NACK. */
    synchronized int pendingCount() {
        int n = 0;
        for (LinkedHashMap<String, Pending> m : bySubscription.values()) {
            n += m.size();
        }
        return n;
    }
}
