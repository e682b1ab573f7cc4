package org.wslab.lab.server.jetty.updates;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A small in-memory source of server-side updates for the lab's polling, long-polling,
 * server-sent-events and WebSocket endpoints: numbered updates, the last
 * {@link UpdateLimits#retained()} of them kept for readers catching up, and live subscribers
 * (at most {@link UpdateLimits#maxSubscribers()}) told of each new one. Thread-safe; every bound is
 * in {@link UpdateLimits}, every refusal a typed result.
 */
public final class UpdateFeed implements AutoCloseable {
    private final UpdateLimits limits;
    private final ArrayDeque<Update> retained = new ArrayDeque<>();
    private final Set<Subscriber> subscribers = new LinkedHashSet<>();
    private long lastSeq;
    private boolean closed;

    public UpdateFeed(UpdateLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** The limits. */
    public UpdateLimits limits() {
        return limits;
    }

    /** Publishes {@code data} as the next update and hands it to every subscriber. */
    public synchronized PublishResult publish(String data) {
        if (closed) {
            return new PublishResult.Closed();
        }
        if (data.indexOf('\n') >= 0 || data.indexOf('\r') >= 0) {
            return new PublishResult.NotOneLine();
        }
        int bytes = data.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > limits.maxUpdateBytes()) {
            return new PublishResult.TooLarge(bytes, limits.maxUpdateBytes());
        }
        Update u = new Update(++lastSeq, data);
        retained.addLast(u);
        if (retained.size() > limits.retained()) {
            retained.removeFirst();
        }
        for (Subscriber s : List.copyOf(subscribers)) {
            s.update(u);
        }
        return new PublishResult.Published(u);
    }

    /** The retained updates after {@code after} (0: from the start). */
    public synchronized ReadResult read(long after) {
        Update oldest = retained.peekFirst();
        if (oldest != null && after < oldest.seq() - 1) {
            return new ReadResult.Gone(oldest.seq());
        }
        List<Update> out = new ArrayList<>();
        for (Update u : retained) {
            if (u.seq() > after) {
                out.add(u);
            }
        }
        return new ReadResult.Updates(out);
    }

    /** The last sequence number published (0 before the first). */
    public synchronized long lastSeq() {
        return lastSeq;
    }

    /** Subscribers now. */
    public synchronized int subscribers() {
        return subscribers.size();
    }

    /** Reads what is there after {@code after} and subscribes {@code s} to what comes next, at once. */
    public synchronized SubscribeResult subscribe(long after, Subscriber s) {
        if (closed) {
            return new SubscribeResult.Closed();
        }
        if (subscribers.size() >= limits.maxSubscribers()) {
            return new SubscribeResult.Full(limits.maxSubscribers());
        }
        ReadResult backlog = read(after);
        subscribers.add(s);
        return new SubscribeResult.Subscribed(backlog, () -> cancel(s));
    }

    private synchronized void cancel(Subscriber s) {
        subscribers.remove(s);
    }

    /** No more updates: every subscriber is told and dropped; later calls are refused. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Subscriber> all = List.copyOf(subscribers);
        subscribers.clear();
        all.forEach(Subscriber::ended);
    }
}
