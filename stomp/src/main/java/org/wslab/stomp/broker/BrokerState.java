package org.wslab.stomp.broker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
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
    private final Map<String, List<Sub>> topics = new HashMap<>();
    private final Map<String, QueueState> queues = new HashMap<>();
    private long retainedBytes;
    private long nextId;

    BrokerState(BrokerLimits limits) {
        this.limits = limits;
    }

    record Message(String destination, List<StompHeader> headers, byte[] body, boolean redelivered) {
        long size() {
            return body.length;
        }

        Message again() {
            return redelivered ? this : new Message(destination, headers, body, true);
        }
    }

    static final class QueueState {
        final ArrayDeque<Message> backlog = new ArrayDeque<>();
        final List<Sub> consumers = new ArrayList<>();
        long bytes;
        int next;
    }

    /** One connection's subscriptions. */
    static final class Conn {
        final String sessionId;
        final Mailbox mailbox;
        final Map<String, Sub> subs = new LinkedHashMap<>();
        boolean closed;

        Conn(String sessionId, Mailbox mailbox) {
            this.sessionId = sessionId;
            this.mailbox = mailbox;
        }
    }

    static final class Sub {
        final Conn conn;
        final String id;
        final String destination;
        final AckMode mode;
        final int prefetch;
        final LinkedHashMap<String, Message> unacked = new LinkedHashMap<>();
        /** Topic messages waiting for prefetch room; counted in the subscriber's mailbox. */
        final ArrayDeque<Message> waiting = new ArrayDeque<>();

        Sub(Conn conn, String id, String destination, AckMode mode, int prefetch) {
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

    private static void refuse(Conn c, long seq, StompRule rule, String detail) {
        c.mailbox.post(new MailboxItem.Refused(seq, StompViolation.of(rule, detail)));
    }

    private static boolean validDestination(String d) {
        return d != null && (d.startsWith("/topic/") || d.startsWith("/queue/")) && d.length() > 7;
    }

    /** False (and a refusal posted) when {@code d} is malformed or would be one destination too many. */
    private boolean admit(Conn c, long seq, String d) {
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

    void subscribe(Conn c, long seq, String id, String destination, AckMode mode, int prefetch) {
        if (c.closed || !admit(c, seq, destination)) {
            return;
        }
        if (c.subs.containsKey(id)) {
            refuse(c, seq, StompRule.DUPLICATE_SUBSCRIPTION, "subscription id \"" + id + "\"");
            return;
        }
        Sub sub = new Sub(c, id, destination, mode, prefetch);
        c.subs.put(id, sub);
        if (sub.isQueue()) {
            QueueState q = queues.computeIfAbsent(destination, d -> new QueueState());
            q.consumers.add(sub);
            dispatch(q, null);
        } else {
            topics.computeIfAbsent(destination, d -> new ArrayList<>()).add(sub);
        }
    }

    void unsubscribe(Conn c, long seq, String id) {
        Sub sub = c.subs.remove(id);
        if (sub == null) {
            refuse(c, seq, StompRule.UNKNOWN_SUBSCRIPTION, "subscription id \"" + id + "\"");
            return;
        }
        end(sub);
    }

    void send(Conn c, long seq, String destination, List<StompHeader> headers, byte[] body) {
        if (c.closed || !admit(c, seq, destination)) {
            return;
        }
        Message m = new Message(destination, List.copyOf(headers), body, false);
        if (destination.startsWith("/topic/")) {
            for (Sub sub : topics.getOrDefault(destination, List.of())) {
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

    void ack(Conn c, long seq, String messageId, boolean nack) {
        Sub sub = holder(c, messageId);
        if (sub == null) {
            refuse(c, seq, StompRule.UNKNOWN_ACK_ID, "id \"" + messageId + "\"");
            return;
        }
        List<Message> covered = settle(sub, messageId);
        if (nack) {
            redeliver(sub, covered);
        } else if (sub.isQueue()) {
            dispatch(queues.get(sub.destination), null);
        } else {
            drainWaiting(sub);
        }
    }

    void close(Conn c) {
        if (c.closed) {
            return;
        }
        c.closed = true;
        List<Sub> all = new ArrayList<>(c.subs.values());
        c.subs.clear();
        all.forEach(this::end);
    }

    private static Sub holder(Conn c, String messageId) {
        for (Sub sub : c.subs.values()) {
            if (sub.unacked.containsKey(messageId)) {
                return sub;
            }
        }
        return null;
    }

    /** Removes and returns the messages an ACK/NACK of {@code messageId} covers (cumulative in {@code client} mode). */
    private static List<Message> settle(Sub sub, String messageId) {
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

    /** Hands {@code m} to {@code sub} (or holds it for prefetch room); false when its mailbox refused it. */
    private boolean offer(Sub sub, Message m, Mailbox publisher) {
        if (!sub.isQueue() && (!sub.waiting.isEmpty() || sub.unacked.size() >= sub.prefetch)) {
            sub.waiting.addLast(m);
            sub.conn.mailbox.hold(m.size());
            retainedBytes += m.size();
            pauseIfFull(sub, publisher);
            return true;
        }
        return post(sub, m, publisher);
    }

    private boolean post(Sub sub, Message m, Mailbox publisher) {
        String id = sub.conn.sessionId + "-" + (++nextId);
        Delivery d = new Delivery(sub.id, id, m.destination, m.headers, m.body, sub.mode, m.redelivered());
        if (!sub.conn.mailbox.post(new MailboxItem.Deliver(d))) {
            return false; // closed, or past its hard limit: the session cuts it off (SLOW_CONSUMER)
        }
        if (sub.mode != AckMode.AUTO) {
            sub.unacked.put(id, m);
        }
        pauseIfFull(sub, publisher);
        return true;
    }

    private static void pauseIfFull(Sub sub, Mailbox publisher) {
        if (publisher != null && sub.conn.mailbox.overSoftLimit()) {
            sub.conn.mailbox.pausePublisher(publisher);
        }
    }

    private void drainWaiting(Sub sub) {
        while (!sub.waiting.isEmpty() && sub.hasRoom()) {
            Message m = sub.waiting.pollFirst();
            sub.conn.mailbox.release(m.size());
            retainedBytes -= m.size();
            post(sub, m, null);
        }
    }

    private void enqueue(QueueState q, Message m, boolean atHead) {
        if (atHead) {
            q.backlog.addFirst(m);
        } else {
            q.backlog.addLast(m);
        }
        q.bytes += m.size();
        retainedBytes += m.size();
    }

    private Message dequeue(QueueState q) {
        Message m = q.backlog.pollFirst();
        q.bytes -= m.size();
        retainedBytes -= m.size();
        return m;
    }

    /** Round robin over the consumers with prefetch room; a refused delivery goes back to the head. */
    private void dispatch(QueueState q, Mailbox publisher) {
        int idle = 0;
        while (!q.backlog.isEmpty() && !q.consumers.isEmpty() && idle < q.consumers.size()) {
            Sub consumer = q.consumers.get(Math.floorMod(q.next++, q.consumers.size()));
            if (!consumer.hasRoom()) {
                idle++;
                continue;
            }
            Message m = dequeue(q);
            if (post(consumer, m, publisher)) {
                idle = 0;
            } else {
                enqueue(q, m, true);
                idle++;
            }
        }
    }

    private void end(Sub sub) {
        while (!sub.waiting.isEmpty()) {
            Message m = sub.waiting.pollFirst();
            sub.conn.mailbox.release(m.size());
            retainedBytes -= m.size();
        }
        List<Message> pending = new ArrayList<>(sub.unacked.values());
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
            List<Sub> subs = topics.get(sub.destination);
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
    private void redeliver(Sub sub, List<Message> messages) {
        if (sub.isQueue()) {
            QueueState q = queues.get(sub.destination);
            requeue(q, messages);
            return;
        }
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            sub.waiting.addFirst(m.again());
            sub.conn.mailbox.hold(m.size());
            retainedBytes += m.size();
        }
        drainWaiting(sub);
    }

    private void requeue(QueueState q, List<Message> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            enqueue(q, m.again(), true);
        }
        dispatch(q, null);
    }
}
