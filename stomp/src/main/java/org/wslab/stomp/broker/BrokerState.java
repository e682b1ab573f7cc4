package org.wslab.stomp.broker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.codec.StompHeader;

/**
 * The in-memory broker's state machine (STOMP 1.2 "SEND", "SUBSCRIBE ack Header", "ACK", "NACK"
 * leave destination semantics to the server; these are wslab's): single-threaded — {@link InMemoryBroker}
 * runs every call through one serial executor. It never blocks and never writes anywhere but into
 * connections' {@link Mailbox}es.
 */
final class BrokerState {
    private final BrokerLimits limits;
    private final Map<String, List<Subscriber>> topics = new HashMap<>();
    private final Map<String, QueueState> queues = new HashMap<>();
    private long retainedBytes;
    private long nextId;

    BrokerState(BrokerLimits limits) {
        this.limits = limits;
    }

    long retainedBytes() {
        return retainedBytes;
    }

    int destinations() {
        return topics.size() + queues.size();
    }

    int backlog(String queue) {
        QueueState q = queues.get(queue);
        return q == null ? 0 : q.backlog.size();
    }

    private static void refuse(ConnectionState c, long seq, StompRule rule, String detail) {
        c.mailbox.post(new MailboxItem.Refused(seq, StompViolation.of(rule, detail)));
    }

    private static boolean validDestination(String d) {
        return d != null && (d.startsWith("/topic/") || d.startsWith("/queue/")) && d.length() > 7;
    }

    /** False (and a refusal posted) when {@code d} is malformed or would be one destination too many. */
    private boolean admit(ConnectionState c, long seq, String d) {
        if (!validDestination(d)) {
            refuse(c, seq, StompRule.INVALID_DESTINATION, "destination \"" + d + "\"");
            return false;
        }
        if (!topics.containsKey(d) && !queues.containsKey(d) && destinations() >= limits.maxDestinations()) {
            refuse(c, seq, StompRule.TOO_MANY_DESTINATIONS, "more than " + limits.maxDestinations() + " destinations");
            return false;
        }
        return true;
    }

    void subscribe(ConnectionState c, long seq, String id, String destination, AckMode mode, int prefetch) {
        if (c.closed || !admit(c, seq, destination)) {
            return;
        }
        if (c.subs.containsKey(id)) {
            refuse(c, seq, StompRule.DUPLICATE_SUBSCRIPTION, "subscription id \"" + id + "\"");
            return;
        }
        Subscriber sub = new Subscriber(c, id, destination, mode, prefetch);
        c.subs.put(id, sub);
        if (sub.isQueue()) {
            QueueState q = queues.computeIfAbsent(destination, d -> new QueueState());
            q.consumers.add(sub);
            dispatch(q, null);
        } else {
            topics.computeIfAbsent(destination, d -> new ArrayList<>()).add(sub);
        }
    }

    void unsubscribe(ConnectionState c, long seq, String id) {
        Subscriber sub = c.subs.remove(id);
        if (sub == null) {
            refuse(c, seq, StompRule.UNKNOWN_SUBSCRIPTION, "subscription id \"" + id + "\"");
            return;
        }
        end(sub);
    }

    void send(ConnectionState c, long seq, String destination, List<StompHeader> headers, byte[] body) {
        if (c.closed || !admit(c, seq, destination)) {
            return;
        }
        BrokerMessage m = new BrokerMessage(destination, List.copyOf(headers), body, false);
        if (destination.startsWith("/topic/")) {
            for (Subscriber sub : topics.getOrDefault(destination, List.of())) {
                offer(sub, m, c.mailbox);
            }
            return;
        }
        QueueState q = queues.computeIfAbsent(destination, d -> new QueueState());
        if (q.backlog.size() >= limits.maxQueuedMessages() || q.bytes + m.size() > limits.maxQueueBytes()
                || retainedBytes + m.size() > limits.maxTotalBytes()) {
            refuse(c, seq, StompRule.QUEUE_FULL, "queue " + destination + " holds " + q.backlog.size() + " messages, "
                    + q.bytes + " octets (limits " + limits.maxQueuedMessages() + ", " + limits.maxQueueBytes()
                    + "; broker " + retainedBytes + " of " + limits.maxTotalBytes() + ")");
            forgetIfIdle(destination, q);
            return;
        }
        enqueue(q, m, false);
        dispatch(q, c.mailbox);
    }

    void ack(ConnectionState c, long seq, String messageId, boolean nack) {
        Subscriber sub = holder(c, messageId);
        if (sub == null) {
            refuse(c, seq, StompRule.UNKNOWN_ACK_ID, "id \"" + messageId + "\"");
            return;
        }
        List<BrokerMessage> covered = sub.settle(messageId);
        if (nack) {
            redeliver(sub, covered);
        } else if (sub.isQueue()) {
            dispatch(queues.get(sub.destination), null);
        } else {
            drainWaiting(sub);
        }
    }

    void close(ConnectionState c) {
        if (c.closed) {
            return;
        }
        c.closed = true;
        List<Subscriber> all = new ArrayList<>(c.subs.values());
        c.subs.clear();
        all.forEach(this::end);
    }

    private static Subscriber holder(ConnectionState c, String messageId) {
        for (Subscriber sub : c.subs.values()) {
            if (sub.unacked.containsKey(messageId)) {
                return sub;
            }
        }
        return null;
    }

    /** Hands {@code m} to {@code sub} (or holds it for prefetch room); false when its mailbox refused it. */
    private boolean offer(Subscriber sub, BrokerMessage m, Mailbox publisher) {
        if (!sub.isQueue() && (!sub.waiting.isEmpty() || sub.unacked.size() >= sub.prefetch)) {
            sub.waiting.addLast(m);
            sub.conn.mailbox.hold(m.size());
            retainedBytes += m.size();
            pauseIfFull(sub, publisher);
            return true;
        }
        return post(sub, m, publisher);
    }

    private boolean post(Subscriber sub, BrokerMessage m, Mailbox publisher) {
        String id = sub.conn.sessionId + "-" + (++nextId);
        Delivery d = new Delivery(sub.id, id, m.destination(), m.headers(), m.body(), sub.mode, m.redelivered());
        if (!sub.conn.mailbox.post(new MailboxItem.Deliver(d))) {
            return false; // closed, or past its hard limit: the session cuts it off (SLOW_CONSUMER)
        }
        if (sub.mode != AckMode.AUTO) {
            sub.unacked.put(id, m);
        }
        pauseIfFull(sub, publisher);
        return true;
    }

    private static void pauseIfFull(Subscriber sub, Mailbox publisher) {
        if (publisher != null && sub.conn.mailbox.overSoftLimit()) {
            sub.conn.mailbox.pausePublisher(publisher);
        }
    }

    private void drainWaiting(Subscriber sub) {
        while (!sub.waiting.isEmpty() && sub.hasRoom()) {
            BrokerMessage m = sub.waiting.pollFirst();
            sub.conn.mailbox.release(m.size());
            retainedBytes -= m.size();
            post(sub, m, null);
        }
    }

    private void enqueue(QueueState q, BrokerMessage m, boolean atHead) {
        if (atHead) {
            q.backlog.addFirst(m);
        } else {
            q.backlog.addLast(m);
        }
        q.bytes += m.size();
        retainedBytes += m.size();
    }

    private BrokerMessage dequeue(QueueState q) {
        BrokerMessage m = q.backlog.pollFirst();
        q.bytes -= m.size();
        retainedBytes -= m.size();
        return m;
    }

    /** Round robin over the consumers with prefetch room; a refused delivery goes back to the head. */
    private void dispatch(QueueState q, Mailbox publisher) {
        int idle = 0;
        while (!q.backlog.isEmpty() && !q.consumers.isEmpty() && idle < q.consumers.size()) {
            Subscriber consumer = q.consumers.get(Math.floorMod(q.next++, q.consumers.size()));
            if (!consumer.hasRoom()) {
                idle++;
                continue;
            }
            BrokerMessage m = dequeue(q);
            if (post(consumer, m, publisher)) {
                idle = 0;
            } else {
                enqueue(q, m, true);
                idle++;
            }
        }
    }

    private void end(Subscriber sub) {
        while (!sub.waiting.isEmpty()) {
            BrokerMessage m = sub.waiting.pollFirst();
            sub.conn.mailbox.release(m.size());
            retainedBytes -= m.size();
        }
        List<BrokerMessage> pending = new ArrayList<>(sub.unacked.values());
        sub.unacked.clear();
        if (sub.isQueue()) {
            QueueState q = queues.get(sub.destination);
            int nextUp = Math.floorMod(q.next, q.consumers.size());
            int at = q.consumers.indexOf(sub);
            q.consumers.remove(at);
            q.next = at < nextUp ? nextUp - 1 : nextUp;
            requeue(q, pending);
            forgetIfIdle(sub.destination, q);
        } else {
            List<Subscriber> subs = topics.get(sub.destination);
            subs.remove(sub);
            if (subs.isEmpty()) {
                topics.remove(sub.destination);
            }
        }
    }

    private void forgetIfIdle(String destination, QueueState q) {
        if (q.backlog.isEmpty() && q.consumers.isEmpty()) {
            queues.remove(destination);
        }
    }

    /** Sends {@code messages} (in order) again: queue ones to the queue's head, topic ones to {@code sub}. */
    private void redeliver(Subscriber sub, List<BrokerMessage> messages) {
        if (sub.isQueue()) {
            QueueState q = queues.get(sub.destination);
            requeue(q, messages);
            return;
        }
        for (int i = messages.size() - 1; i >= 0; i--) {
            BrokerMessage m = messages.get(i);
            sub.waiting.addFirst(m.again());
            sub.conn.mailbox.hold(m.size());
            retainedBytes += m.size();
        }
        drainWaiting(sub);
    }

    private void requeue(QueueState q, List<BrokerMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            BrokerMessage m = messages.get(i);
            enqueue(q, m.again(), true);
        }
        dispatch(q, null);
    }
}
