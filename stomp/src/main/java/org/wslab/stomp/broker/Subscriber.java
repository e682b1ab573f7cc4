package org.wslab.stomp.broker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One subscription in the broker (STOMP 1.2 "SUBSCRIBE"): its ack mode, its prefetch window, the
 * messages delivered and not yet acknowledged, and (topics) those waiting for window room.
 */
final class Subscriber {
    final ConnectionState conn;
    final String id;
    final String destination;
    final AckMode mode;
    final int prefetch;
    final LinkedHashMap<String, BrokerMessage> unacked = new LinkedHashMap<>();
    /** Topic messages waiting for prefetch room; counted in the subscriber's mailbox. */
    final ArrayDeque<BrokerMessage> waiting = new ArrayDeque<>();

    Subscriber(ConnectionState conn, String id, String destination, AckMode mode, int prefetch) {
        this.conn = conn;
        this.id = id;
        this.destination = destination;
        this.mode = mode;
        this.prefetch = mode == AckMode.AUTO ? Integer.MAX_VALUE : Math.max(1, prefetch);
    }

    boolean isQueue() {
        return destination.startsWith("/queue/");
    }

    boolean hasRoom() {
        return unacked.size() < prefetch && !conn.closed && !conn.mailbox.overflowed();
    }

    /**
     * Removes and returns the messages an ACK/NACK of {@code messageId} covers (STOMP 1.2 "SUBSCRIBE
     * ack Header": cumulative in {@code client} mode, that message alone in {@code client-individual}).
     */
    List<BrokerMessage> settle(String messageId) {
        List<BrokerMessage> covered = new ArrayList<>();
        if (mode == AckMode.CLIENT) {
            Iterator<Map.Entry<String, BrokerMessage>> it = unacked.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<String, BrokerMessage> e = it.next();
                covered.add(e.getValue());
                it.remove();
                if (e.getKey().equals(messageId)) {
                    break;
                }
            }
        } else {
            covered.add(unacked.remove(messageId));
        }
        return covered;
    }
}
