package org.wslab.framing.transport;

import java.nio.channels.SelectionKey;

/**
 * Something registered with one {@link EventLoop}: a listening socket, a WebSocket connection or a
 * socket lingering before its close. Every method runs on the loop's thread.
 */
abstract class LoopMember {
    /** The deadline of this member's entry in the loop's timer queue; {@link Long#MAX_VALUE} for none. */
    long scheduledAt = Long.MAX_VALUE;

    /** The selector says the key is ready for its interest set. */
    abstract void ready(SelectionKey key, long nowNanos);

    /** When {@link #expire} must next run; {@link Long#MAX_VALUE} for never. */
    abstract long deadline();

    /** A deadline passed (or an earlier one that moved on: check {@link #deadline()}). */
    abstract void expire(long nowNanos);

    /** The loop is stopping: end at once. */
    abstract void abort();

    /** Whether {@code deadline} has come at {@code now} (nanoTime terms, compared by subtraction). */
    static boolean due(long deadline, long now) {
        return deadline != Long.MAX_VALUE && now - deadline >= 0;
    }

    /** The earlier of two deadlines, {@link Long#MAX_VALUE} meaning none. */
    static long earlier(long a, long b) {
        if (a == Long.MAX_VALUE) {
            return b;
        }
        if (b == Long.MAX_VALUE) {
            return a;
        }
        return a - b <= 0 ? a : b;
    }
}
