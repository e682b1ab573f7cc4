package org.wslab.lab.cli;

import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import org.wslab.lab.client.EchoProgress;

/**
 * {@code echo}'s progress on stderr (DESIGN.md, "Long work shows progress"): nothing for a run that
 * ends within {@link #QUIET_NANOS}; after that one line at most every {@link #EVERY_NANOS}, e.g.
 * {@code wslab: echo: 41233 of 100000 echoed, 4.1s} or, inside one large message,
 * {@code wslab: echo: message 1 of 1, 8MiB of 16MiB sent, 2.0s}. Time comes in as an argument, so
 * the schedule is tested without a clock.
 */
final class ProgressLine {
    /** A run shorter than this shows no progress. */
    static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** At most one line this often. */
    static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final PrintWriter err;
    private final int count;
    private final long messageSize;
    private final long startNanos;
    private long nextNanos;

    ProgressLine(PrintWriter err, int count, long messageSize, long startNanos) {
        this.err = err;
        this.count = count;
        this.messageSize = messageSize;
        this.startNanos = startNanos;
        this.nextNanos = startNanos + QUIET_NANOS;
    }

    /** The listener for a run, reading the wall clock. */
    EchoProgress listener() {
        return (echoed, bytesSent) -> update(echoed, bytesSent, System.nanoTime());
    }

    /** Prints a line when one is due at {@code nowNanos}. */
    void update(int echoed, long bytesSent, long nowNanos) {
        if (nowNanos - nextNanos < 0) {
            return;
        }
        nextNanos = nowNanos + EVERY_NANOS;
        String elapsed = String.format(java.util.Locale.ROOT, "%.1fs", (nowNanos - startNanos) / 1e9);
        long inMessage = bytesSent - (long) echoed * messageSize;
        if (messageSize > 0 && inMessage > 0 && inMessage < messageSize) {
            err.println("wslab: echo: message " + (echoed + 1) + " of " + count + ", "
                    + SizeConverter.format(inMessage) + " of " + SizeConverter.format(messageSize) + " sent, " + elapsed);
        } else {
            err.println("wslab: echo: " + echoed + " of " + count + " echoed, " + elapsed);
        }
        err.flush();
    }
}
