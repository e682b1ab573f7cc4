package org.wslab.stomp.jetty;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongUnaryOperator;

/**
 * Drives a sans-I/O session's {@code tick(nowNanos)} on a scheduler: each tick returns the next
 * deadline and the ticker sleeps until then (STOMP 1.2 "Heart-beating" on the real clock).
 */
final class Ticker {
    private final ScheduledExecutorService scheduler;
    private final LongUnaryOperator tick;
    private ScheduledFuture<?> pending;
    private long pendingAt = Long.MAX_VALUE;
    private boolean stopped;

    Ticker(ScheduledExecutorService scheduler, LongUnaryOperator tick) {
        this.scheduler = scheduler;
        this.tick = tick;
    }

    /** Ticks now and schedules the next tick. */
    void poke() {
        long next = tick.applyAsLong(System.nanoTime());
        synchronized (this) {
            if (stopped || next == Long.MAX_VALUE || (pending != null && !pending.isDone() && pendingAt <= next)) {
                return;
            }
            if (pending != null) {
                pending.cancel(false);
            }
            pendingAt = next;
            long delay = Math.max(1_000_000, next - System.nanoTime());
            pending = scheduler.schedule(this::fire, delay, TimeUnit.NANOSECONDS);
        }
    }

    private void fire() {
        synchronized (this) {
            pending = null;
            pendingAt = Long.MAX_VALUE;
        }
        poke();
    }

    synchronized void stop() {
        stopped = true;
        if (pending != null) {
            pending.cancel(false);
        }
    }
}
