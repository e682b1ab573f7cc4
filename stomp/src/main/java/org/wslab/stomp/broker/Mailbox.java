package org.wslab.stomp.broker;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.wslab.stomp.codec.StompHeader;

/**
 * One connection's inbox from the broker, bounded in bytes (wslab policy: a broker never writes to a
 * socket and never blocks; STOMP 1.2 leaves flow control to the server). Lock-free: the broker posts
 * from whatever thread runs it, the connection's session polls on its own; {@code wakeup} (supplied
 * by the transport, thread-safe, non-blocking) tells the session to come and {@link #poll()}.
 *
 * <p>Flow control (ActiveMQ's producer flow control): a publisher whose SEND put this mailbox over
 * its soft limit registers here ({@link #pausePublisher}) and reads nothing more while this mailbox
 * is above its low-water mark. The check is live ({@link #blocks()}), and a publisher registers
 * before it looks, so a drain below the mark always finds it and wakes it: no lost wake-up.
 * A delivery that would pass the hard limit is refused and the mailbox marked {@link #overflowed()}
 * (the session answers {@code SLOW_CONSUMER}). Octets the broker holds back for this connection
 * (prefetch) are counted too ({@link #hold}/{@link #release}).
 */
public final class Mailbox {
    /** What a confirmation or refusal counts for in the budget. */
    static final long CONTROL_ITEM_BYTES = 64;

    private final ConcurrentLinkedQueue<MailboxItem> items = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Mailbox> waiters = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Mailbox> blockedOn = new ConcurrentLinkedQueue<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong peakBytes = new AtomicLong();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final MailboxLimits limits;
    private final Runnable wakeup;
    private volatile boolean overflowed;
    private volatile boolean closed;

    /** A mailbox within {@code limits} whose owner is told by {@code wakeup} (thread-safe, must not block). */
    public Mailbox(MailboxLimits limits, Runnable wakeup) {
        this.limits = limits;
        this.wakeup = wakeup;
    }

    /** Octets a delivery takes: body plus header names and values. */
    public static long sizeOf(Delivery d) {
        long n = 128L + d.body().length + d.destination().length() + d.messageId().length() + d.subscriptionId().length();
        for (StompHeader h : d.headers()) {
            n += h.name().length() + h.value().length() + 2;
        }
        return n;
    }

    public MailboxLimits limits() {
        return limits;
    }

    /**
     * Posts {@code item}; false when the mailbox is closed, or when a delivery would pass the hard
     * limit (then the mailbox is {@link #overflowed()} and its owner woken). Control items are always taken.
     */
    public boolean post(MailboxItem item) {
        if (closed) {
            return false;
        }
        long n = item.bytes();
        long after = bytes.addAndGet(n);
        if (item instanceof MailboxItem.Deliver && after > limits.hardLimitBytes()) {
            bytes.addAndGet(-n);
            overflowed = true;
            wakeup.run();
            return false;
        }
        items.add(item);
        peakBytes.accumulateAndGet(after, Math::max);
        if (after > limits.softLimitBytes() && after - n <= limits.softLimitBytes()) {
            wakeup.run(); // crossing the soft limit starts the owner's slow-consumer clock
        } else if (wakePending.compareAndSet(false, true)) {
            wakeup.run();
        }
        return true;
    }

    /** The next item, or null; the session's thread only. Wakes paused publishers once below the low-water mark. */
    public MailboxItem poll() {
        wakePending.set(false);
        MailboxItem item = items.poll();
        if (item != null) {
            bytes.addAndGet(-item.bytes());
            drained();
        }
        return item;
    }

    /**
     * Whether an item is waiting; the session's thread only. Looking counts as answering the
     * wake-up: a poster that finds the wake-up still pending sends none, so a look that found the
     * mailbox empty must clear it first, or the next post would wake nobody (the post adds, then
     * checks the flag; the owner clears the flag, then looks — one of the two always sees the other).
     */
    public boolean hasItems() {
        wakePending.set(false);
        return !items.isEmpty();
    }

    /** Counts octets the broker holds back for this connection (its prefetch backlog) against the budget. */
    public void hold(long n) {
        bytes.addAndGet(n);
    }

    /** The broker no longer holds {@code n} octets for this connection. */
    public void release(long n) {
        bytes.addAndGet(-n);
        drained();
    }

    /** Octets queued here plus those held back for this connection. */
    public long bytes() {
        return bytes.get();
    }

    /** The most this mailbox ever held (for status pages and tests). */
    public long peakBytes() {
        return peakBytes.get();
    }

    /** True above the soft limit. */
    public boolean overSoftLimit() {
        return bytes.get() > limits.softLimitBytes();
    }

    /**
     * True while this mailbox holds a paused publisher back: it went over its soft limit and has
     * not yet drained below its low-water mark. Between the two marks it is still "too full" for
     * the publisher, so it counts as over the limit for the slow-consumer clock too — else a
     * subscriber that stalls with a mailbox between the marks would hold its publishers forever.
     */
    public boolean holdsBackPublishers() {
        return !waiters.isEmpty() && blocks();
    }

    /** True once a delivery was refused for passing the hard limit. */
    public boolean overflowed() {
        return overflowed;
    }

    /** Registers {@code publisher} as paused by this mailbox (broker side; register first, then the publisher looks). */
    public void pausePublisher(Mailbox publisher) {
        if (publisher == this || closed) {
            return;
        }
        waiters.add(publisher);
        publisher.blockedOn.add(this);
        drained(); // re-check: it may have drained meanwhile
    }

    /** True while a mailbox this one's publisher sent to is above its low-water mark (the owner stops reading). */
    public boolean publisherPaused() {
        for (Mailbox m : blockedOn) {
            if (m.blocks()) {
                return true;
            }
            blockedOn.remove(m);
        }
        return false;
    }

    private boolean blocks() {
        return !closed && bytes.get() >= limits.lowWaterBytes() && bytes.get() > 0;
    }

    /** Ends the mailbox: nothing more is taken, what is queued is dropped, paused publishers resume. */
    public void close() {
        closed = true;
        items.clear();
        drained();
    }

    public boolean isClosed() {
        return closed;
    }

    private void drained() {
        Mailbox w;
        while (!blocks() && (w = waiters.poll()) != null) {
            w.wakeup.run();
        }
    }
}
