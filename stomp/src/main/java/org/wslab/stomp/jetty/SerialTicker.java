package org.wslab.stomp.jetty;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drives a sans-I/O session's {@code tick(nowNanos)} on the real clock (STOMP 1.2 "Heart-beating",
 * and the slow-consumer time limit): {@link #at} arms one timer for the session's next deadline;
 * when it fires, {@code tick} runs through the connection's serial executor, like every other call
 * into the session. Not thread-safe: call it from that executor only.
 */
final class SerialTicker {
    private final ScheduledExecutorService scheduler;
    private final Executor serial;
    private final Runnable tick;
    private ScheduledFuture<?> pending;
    private long pendingAt = Long.MAX_VALUE;
    private boolean stopped;

    SerialTicker(ScheduledExecutorService scheduler, Executor serial, Runnable tick) {
        this.scheduler = scheduler;
        this.serial = serial;
        this.tick = tick;
    }

    /** Makes sure {@code tick} runs at {@code deadlineNanos} ({@link Long#MAX_VALUE}: no deadline). */
    void at(long deadlineNanos) {
        if (stopped || deadlineNanos == Long.MAX_VALUE || (pending != null && pendingAt <= deadlineNanos)) {
            return;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        pendingAt = deadlineNanos;
        long delay = Math.max(0, deadlineNanos - System.nanoTime());
        try {
            pending = scheduler.schedule(() -> serial.execute(this::fire), delay, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shutDown) {
            stopped = true; // the server is stopping: no more ticks
        }
    }

    private void fire() {
        pending = null;
        pendingAt = Long.MAX_VALUE;
        if (!stopped) {
            tick.run();
        }
    }

    void stop() {
        stopped = true;
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
