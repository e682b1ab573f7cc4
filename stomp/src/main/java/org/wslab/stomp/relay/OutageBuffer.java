package org.wslab.stomp.relay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;

/**
 * The relay's SENDs that the upstream broker has not yet confirmed with a RECEIPT (STOMP 1.2 "Header
 * receipt"; wslab policy for the relay), in the order the
 * client sent them: in flight on the live upstream connection, or held while it is down. After a
 * reconnect they are sent again in this order; a RECEIPT from the upstream removes one.
 *
 * <p>Bounded: an offer that would take it past {@code maxItems} entries or {@code maxBytes} body
 * octets is refused with {@link StompRule#RELAY_BUFFER_FULL} and changes nothing, so the buffer never
 * exceeds its limits and never reorders. Pure (no threads, no clock); not thread-safe.
 *
 * @param <T> what is buffered (the relay keeps the SEND frame and its confirmation)
 */
public final class OutageBuffer<T> {
    private final int maxItems;
    private final long maxBytes;
    private final LinkedHashMap<Long, Entry<T>> entries = new LinkedHashMap<>();
    private long nextSeq;
    private long bytes;

    /** One buffered item, its sequence number (its place in the order) and its size. */
    public record Entry<T>(long seq, T item, long bytes) {
    }

    public OutageBuffer(int maxItems, long maxBytes) {
        if (maxItems < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        this.maxItems = maxItems;
        this.maxBytes = maxBytes;
    }

    /** Appends {@code item}; returns its entry, or the violation when a limit would be crossed. */
    public Result<T> offer(T item, long itemBytes) {
        if (itemBytes < 0) {
            throw new IllegalArgumentException("negative size");
        }
        if (entries.size() + 1 > maxItems) {
            return new Result.Refused<>(StompViolation.of(StompRule.RELAY_BUFFER_FULL,
                    "more than " + maxItems + " SENDs unconfirmed by the upstream broker"));
        }
        if (bytes + itemBytes > maxBytes) {
            return new Result.Refused<>(StompViolation.of(StompRule.RELAY_BUFFER_FULL,
                    "unconfirmed SEND bodies would reach " + (bytes + itemBytes) + " octets, limit " + maxBytes));
        }
        Entry<T> e = new Entry<>(nextSeq++, item, itemBytes);
        entries.put(e.seq(), e);
        bytes += itemBytes;
        return new Result.Accepted<>(e);
    }

    /** Removes the entry {@code seq} (its RECEIPT arrived); false when it is no longer here. */
    public boolean remove(long seq) {
        Entry<T> e = entries.remove(seq);
        if (e == null) {
            return false;
        }
        bytes -= e.bytes();
        return true;
    }

    /** The entries, oldest first (a snapshot). */
    public List<Entry<T>> entries() {
        return new ArrayList<>(entries.values());
    }

    /** Removes and returns every entry, oldest first. */
    public List<Entry<T>> drain() {
        List<Entry<T>> all = entries();
        entries.clear();
        bytes = 0;
        return all;
    }

    public int size() {
        return entries.size();
    }

    public long bytes() {
        return bytes;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The outcome of {@link #offer}. */
    public sealed interface Result<T> {
        /** Buffered as {@code entry}. */
        record Accepted<T>(Entry<T> entry) implements Result<T> {
        }

        /** Not buffered: a limit would have been crossed. */
        record Refused<T>(StompViolation violation) implements Result<T> {
        }
    }

    /** The sequence numbers, oldest first (for tests and traces). */
    public List<Long> order() {
        return new ArrayList<>(entries.keySet());
    }
}
