package org.wslab.benchmarks.polling;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The newest update a client has received, handed from its receiving thread to the benchmark
 * thread waiting for it. Bounded: a wait longer than {@link #LONGEST_WAIT_NANOS}, or a receiver
 * that failed, ends with {@link Missed}.
 */
final class Received {
    /** The longest one operation waits for its update. */
    static final long LONGEST_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** The update did not arrive. */
    static final class Missed extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Missed(String message) {
            super(message);
        }
    }

    private volatile long seq;
    private volatile String data;
    private volatile Thread waiter;
    private volatile String failure;

    /** The receiving thread got update {@code n} with {@code text}. */
    void got(long n, String text) {
        data = text;
        seq = n;
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /** The receiving thread cannot receive any more. */
    void failed(String why) {
        failure = why;
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /** The newest sequence number received. */
    long seq() {
        return seq;
    }

    /** Waits until update {@code wanted} (or a later one) has come; returns the newest one's text. */
    String await(long wanted) {
        waiter = Thread.currentThread();
        long deadline = System.nanoTime() + LONGEST_WAIT_NANOS;
        while (seq < wanted) {
            if (failure != null) {
                throw new Missed(failure);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new Missed("update " + wanted + " did not come within " + LONGEST_WAIT_NANOS / 1_000_000 + " ms");
            }
            LockSupport.parkNanos(this, left);
        }
        return data;
    }

    /** Parses {@code seq SP data}, the poll line and WebSocket message form, into {@link #got}. */
    void gotLine(String line) {
        int space = line.indexOf(' ');
        if (space < 1) {
            failed("not an update: " + line);
            return;
        }
        got(Long.parseLong(line.substring(0, space)), line.substring(space + 1));
    }
}
