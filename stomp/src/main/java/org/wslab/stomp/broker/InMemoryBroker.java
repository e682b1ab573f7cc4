package org.wslab.stomp.broker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.codec.StompHeader;

/**
 * The lab's broker, in memory (issue 4 §2; STOMP 1.2 "SEND", "SUBSCRIBE ack Header", "ACK", "NACK"
 * leave destination semantics to the server, these are ours): {@code /topic/…} fans each message out to every subscription in
 * publish order; {@code /queue/…} gives each message to exactly one consumer, round robin, and
 * keeps messages while a queue has none. Unacknowledged messages of {@code client} and
 * {@code client-individual} subscriptions are tracked; a NACK or a disconnect sends them again
 * (queue messages back to the queue's head, topic messages to the same subscription on NACK).
 *
 * <p>Thread-safe with one lock; deliveries happen under it, in order.
 */
public final class InMemoryBroker implements StompBroker {
    private final Object lock = new Object();
    private final Map<String, List<Sub>> topics = new HashMap<>();
    private final Map<String, QueueState> queues = new HashMap<>();
    private final int maxQueued;
    private long nextId;

    /** A broker holding at most 10 000 undelivered messages per queue. */
    public InMemoryBroker() {
        this(10_000);
    }

    /** A broker holding at most {@code maxQueued} undelivered messages per queue (a SEND beyond it is refused with {@link StompRule#QUEUE_FULL}). */
    public InMemoryBroker(int maxQueued) {
        this.maxQueued = maxQueued;
    }

    private record Message(String destination, List<StompHeader> headers, byte[] body) {}

    private static final class QueueState {
        final ArrayDeque<Message> backlog = new ArrayDeque<>();
        final List<Sub> consumers = new ArrayList<>();
        int next;
    }

    private static final class Sub {
        final Conn conn;
        final String id;
        final String destination;
        final AckMode mode;
        final LinkedHashMap<String, Message> unacked = new LinkedHashMap<>();

        Sub(Conn conn, String id, String destination, AckMode mode) {
            this.conn = conn;
            this.id = id;
            this.destination = destination;
            this.mode = mode;
        }

        boolean isQueue() {
            return destination.startsWith("/queue/");
        }
    }

    @Override
    public BrokerConnection connect(String sessionId, DeliveryTarget target) {
        return new Conn(sessionId, target);
    }

    /** Number of messages waiting in {@code queue} for a consumer (for tests and the lab's status). */
    public int backlog(String queue) {
        synchronized (lock) {
            QueueState q = queues.get(queue);
            return q == null ? 0 : q.backlog.size();
        }
    }

    private static Optional<StompViolation> refuse(StompRule rule, String detail) {
        return Optional.of(StompViolation.of(rule, detail));
    }

    private static boolean validDestination(String d) {
        return (d.startsWith("/topic/") || d.startsWith("/queue/")) && d.length() > 7;
    }

    private void deliver(Sub sub, Message m, boolean redelivered) {
        String id = sub.conn.sessionId + "-" + (++nextId);
        if (sub.mode != AckMode.AUTO) {
            sub.unacked.put(id, m);
        }
        sub.conn.target.deliver(new Delivery(sub.id, id, m.destination, m.headers, m.body, sub.mode, redelivered));
    }

    private void dispatch(QueueState q, boolean redelivered) {
        while (!q.backlog.isEmpty() && !q.consumers.isEmpty()) {
            Sub consumer = q.consumers.get(Math.floorMod(q.next++, q.consumers.size()));
            deliver(consumer, q.backlog.pollFirst(), redelivered);
        }
    }

    /** Sends {@code messages} (in order) again: queue ones to the queue's head, topic ones to {@code sub}. */
    private void redeliver(Sub sub, List<Message> messages, boolean subStays) {
        if (messages.isEmpty()) {
            return;
        }
        if (sub.isQueue()) {
            QueueState q = queues.computeIfAbsent(sub.destination, d -> new QueueState());
            for (int i = messages.size() - 1; i >= 0; i--) {
                q.backlog.addFirst(messages.get(i));
            }
            dispatch(q, true);
        } else if (subStays) {
            messages.forEach(m -> deliver(sub, m, true));
        }
    }

    private final class Conn implements BrokerConnection {
        final String sessionId;
        final DeliveryTarget target;
        final Map<String, Sub> subs = new LinkedHashMap<>();
        boolean closed;

        Conn(String sessionId, DeliveryTarget target) {
            this.sessionId = sessionId;
            this.target = target;
        }

        @Override
        public Optional<StompViolation> subscribe(String subscriptionId, String destination, AckMode mode) {
            synchronized (lock) {
                if (!validDestination(destination)) {
                    return refuse(StompRule.INVALID_DESTINATION, "destination \"" + destination + "\"");
                }
                if (closed || subs.containsKey(subscriptionId)) {
                    return refuse(StompRule.DUPLICATE_SUBSCRIPTION, "subscription id \"" + subscriptionId + "\"");
                }
                Sub sub = new Sub(this, subscriptionId, destination, mode);
                subs.put(subscriptionId, sub);
                if (sub.isQueue()) {
                    QueueState q = queues.computeIfAbsent(destination, d -> new QueueState());
                    q.consumers.add(sub);
                    dispatch(q, false);
                } else {
                    topics.computeIfAbsent(destination, d -> new ArrayList<>()).add(sub);
                }
                return Optional.empty();
            }
        }

        @Override
        public Optional<StompViolation> unsubscribe(String subscriptionId) {
            synchronized (lock) {
                Sub sub = subs.remove(subscriptionId);
                if (sub == null) {
                    return refuse(StompRule.UNKNOWN_SUBSCRIPTION, "subscription id \"" + subscriptionId + "\"");
                }
                end(sub);
                return Optional.empty();
            }
        }

        private void end(Sub sub) {
            if (sub.isQueue()) {
                QueueState q = queues.get(sub.destination);
                int nextUp = Math.floorMod(q.next, q.consumers.size());
                int at = q.consumers.indexOf(sub);
                q.consumers.remove(at);
                q.next = at < nextUp ? nextUp - 1 : nextUp;
            } else {
                topics.get(sub.destination).remove(sub);
            }
            List<Message> pending = new ArrayList<>(sub.unacked.values());
            sub.unacked.clear();
            redeliver(sub, pending, false);
        }

        @Override
        public Optional<StompViolation> send(String destination, List<StompHeader> headers, byte[] body) {
            synchronized (lock) {
                if (!validDestination(destination)) {
                    return refuse(StompRule.INVALID_DESTINATION, "destination \"" + destination + "\"");
                }
                Message m = new Message(destination, List.copyOf(headers), body);
                if (destination.startsWith("/topic/")) {
                    for (Sub sub : topics.getOrDefault(destination, List.of())) {
                        deliver(sub, m, false);
                    }
                } else {
                    QueueState q = queues.computeIfAbsent(destination, d -> new QueueState());
                    if (q.backlog.size() >= maxQueued) {
                        return refuse(StompRule.QUEUE_FULL, "queue " + destination + " holds " + maxQueued + " messages");
                    }
                    q.backlog.addLast(m);
                    dispatch(q, false);
                }
                return Optional.empty();
            }
        }

        private Sub holder(String messageId) {
            for (Sub sub : subs.values()) {
                if (sub.unacked.containsKey(messageId)) {
                    return sub;
                }
            }
            return null;
        }

        @Override
        public boolean isPending(String messageId) {
            synchronized (lock) {
                return holder(messageId) != null;
            }
        }

        /** Removes and returns the messages an ACK/NACK of {@code messageId} covers. */
        private List<Message> settle(Sub sub, String messageId) {
            List<Message> covered = new ArrayList<>();
            if (sub.mode == AckMode.CLIENT) {
                Iterator<Map.Entry<String, Message>> it = sub.unacked.entrySet().iterator();
                while (it.hasNext()) {
                    Map.Entry<String, Message> e = it.next();
                    covered.add(e.getValue());
                    it.remove();
                    if (e.getKey().equals(messageId)) {
                        break;
                    }
                }
            } else {
                covered.add(sub.unacked.remove(messageId));
            }
            return covered;
        }

        @Override
        public Optional<StompViolation> ack(String messageId) {
            synchronized (lock) {
                Sub sub = holder(messageId);
                if (sub == null) {
                    return refuse(StompRule.UNKNOWN_ACK_ID, "id \"" + messageId + "\"");
                }
                settle(sub, messageId);
                return Optional.empty();
            }
        }

        @Override
        public Optional<StompViolation> nack(String messageId) {
            synchronized (lock) {
                Sub sub = holder(messageId);
                if (sub == null) {
                    return refuse(StompRule.UNKNOWN_ACK_ID, "id \"" + messageId + "\"");
                }
                redeliver(sub, settle(sub, messageId), true);
                return Optional.empty();
            }
        }

        @Override
        public void close() {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                closed = true;
                List<Sub> all = new ArrayList<>(subs.values());
                subs.clear();
                all.forEach(this::end);
            }
        }
    }
}
