package org.wslab.stomp.client;

import java.util.ArrayDeque;

/**
 * Callbacks a {@link StompClient} queues while holding its lock (MESSAGE handlers, RECEIPT,
 * CONNECTED and close completions: STOMP 1.2 "Server Frames") and runs after releasing it: one
 * thread at a time, in the order they were queued. A callback may call back into the session (ACK,
 * SEND, DISCONNECT) from its own thread or another without deadlock; what it queues runs after it.
 */
final class OrderedCallbacks {
    private final Object lock;
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean draining;

    /** Callbacks guarded by {@code lock}, the session's monitor. */
    OrderedCallbacks(Object lock) {
        this.lock = lock;
    }

    /** Queues {@code callback}; the caller holds the lock. */
    void add(Runnable callback) {
        queue.add(callback);
    }

    /**
     * Runs what is queued, with the lock released. Does nothing when this thread still holds the lock
     * (a transport answered inside the session's own write, e.g. a loopback: the outer call drains)
     * or when another call is already draining (it runs what was queued, in order).
     */
    void drain() {
        if (Thread.holdsLock(lock)) {
            return;
        }
        synchronized (lock) {
            if (draining || queue.isEmpty()) {
                return;
            }
            draining = true;
        }
        while (true) {
            Runnable next;
            synchronized (lock) {
                next = queue.poll();
                if (next == null) {
                    draining = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                // a handler's failure is its own; the session and later callbacks go on
            }
        }
    }
}
