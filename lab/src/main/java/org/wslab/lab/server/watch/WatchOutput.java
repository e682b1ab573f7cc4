package org.wslab.lab.server.watch;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where {@code serve --log} and {@code --trace} lines go: a bounded queue drained by one printer
 * thread, so a slow terminal never blocks a server's event loop (DESIGN.md principle 7). An entry
 * (one line, or a frame's dump of several lines) that finds the queue full is dropped and counted;
 * the printer says so in one line, {@code … N log lines dropped (output too slow)}, once it has
 * printed what was queued before (and at least every thousand lines under steady overload, and on
 * {@link #close()}) — a drop is never silent.
 */
public final class WatchOutput implements AutoCloseable {
    /** Entries waiting for the printer before new ones are dropped. */
    public static final int DEFAULT_CAPACITY = 10_000;
    private static final long CLOSE_WAIT_MILLIS = 2_000;
    /** Entries printed between two drop reports while the queue never empties. */
    private static final int REPORT_EVERY = 1_000;

    private final PrintWriter out;
    private final BlockingQueue<String> queue;
    private final AtomicLong droppedLines = new AtomicLong();
    private final Thread printer;
    private volatile boolean closing;

    private WatchOutput(PrintWriter out, int capacity) {
        this.out = Objects.requireNonNull(out, "out");
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.printer = new Thread(this::print, "wslab-serve-output");
        printer.setDaemon(true);
    }

    /** A started printer writing to {@code out}, holding at most {@code capacity} entries. */
    public static WatchOutput start(PrintWriter out, int capacity) {
        WatchOutput o = new WatchOutput(out, capacity);
        o.printer.start();
        return o;
    }

    /** Queues {@code entry} (lines joined by {@code \n}) without blocking; counts it as dropped when full or closed. */
    public void print(String entry) {
        if (closing || !queue.offer(entry)) {
            droppedLines.addAndGet(entry.chars().filter(c -> c == '\n').count() + 1);
        }
    }

    /** Lines dropped and not yet reported. */
    long pendingDrops() {
        return droppedLines.get();
    }

    private void print() {
        long printed = 0;
        while (true) {
            String entry = queue.poll();
            if (entry == null) {
                reportDrops();
                out.flush();
                if (closing) {
                    return;
                }
                try {
                    entry = queue.take();
                } catch (InterruptedException e) {
                    continue; // close() wakes us: drain what is left, then end
                }
            }
            out.println(entry);
            if (++printed % REPORT_EVERY == 0) {
                reportDrops(); // under steady overload the queue never empties: say it now and then anyway
            }
        }
    }

    private void reportDrops() {
        long n = droppedLines.getAndSet(0);
        if (n > 0) {
            out.println("… " + n + (n == 1 ? " log line" : " log lines") + " dropped (output too slow)");
        }
    }

    /** Prints what is queued (and the count of what was dropped), then stops the printer; waits a bounded time. */
    @Override
    public void close() {
        closing = true;
        printer.interrupt();
        try {
            printer.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
