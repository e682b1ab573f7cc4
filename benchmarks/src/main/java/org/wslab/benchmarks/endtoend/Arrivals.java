package org.wslab.benchmarks.endtoend;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark thread's wait for the replies of one operation: it {@link #expect expects} n,
 * the clients' threads {@link #arrive} one by one, the last wakes it. Bounded: a reply that never
 * comes (a closed connection, a refused send) ends the wait with {@link Lost} after
 * {@link #LONGEST_WAIT_NANOS} instead of hanging the run.
 */
public final class Arrivals {
    /** The longest one operation waits for its replies. */
    public static final long LONGEST_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** The replies did not all come: the connection failed or the wait ran out. */
    public static final class Lost extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Lost(String message) {
            super(message);
        }
    }

    private final AtomicInteger remaining = new AtomicInteger();
    private volatile Thread waiter;
    private volatile String failure;

    /** Before sending: the calling thread will wait for {@code n} arrivals. */
    public void expect(int n) {
        waiter = Thread.currentThread();
        remaining.set(n);
    }

    /** One reply came (any thread). */
    public void arrive() {
        if (remaining.decrementAndGet() == 0) {
            LockSupport.unpark(waiter);
        }
    }

    /** The replies cannot come (any thread): the wait ends with {@link Lost}. */
    public void fail(String why) {
        failure = why;
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /** Waits until every expected reply came. */
    public void await() {
        long deadline = System.nanoTime() + LONGEST_WAIT_NANOS;
        while (remaining.get() > 0) {
            if (failure != null) {
                throw new Lost(failure);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new Lost(remaining.get() + " replies did not come within " + LONGEST_WAIT_NANOS / 1_000_000 + " ms");
            }
            LockSupport.parkNanos(this, left);
        }
    }
}
