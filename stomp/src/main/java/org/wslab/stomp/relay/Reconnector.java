package org.wslab.stomp.relay;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import org.wslab.stomp.client.StompConnection;

/**
 * When a {@link RelayConnection} tries its upstream broker again (wslab policy: the relay
 * reconnects when the broker restarts): each attempt bounded by {@link RelaySettings#attemptTimeout()}, failed attempts
 * and losses followed by the next {@link Backoff} delay, and each outage timed against
 * {@link RelaySettings#giveUpAfter()} ({@link org.wslab.stomp.StompRule#RELAY_GAVE_UP}). Every
 * callback runs on the relay's executor. Not thread-safe on its own: guarded by the owning
 * {@link RelayConnection}'s monitor (only {@link #open} and {@link #later} may be called without it).
 */
final class Reconnector {
    private final RelaySettings settings;
    private final Backoff backoff;
    private final ScheduledExecutorService executor;
    private int failedAttempts;
    private long outage;
    private String lastFailure = "none yet";

    Reconnector(RelaySettings settings, ScheduledExecutorService executor) {
        this.settings = settings;
        this.backoff = settings.backoff();
        this.executor = executor;
    }

    /** One attempt: {@code upstream} opens with the relay's CONNECT options; the outcome arrives on the executor. */
    void open(Upstream upstream, String sessionId, BiConsumer<StompConnection, Throwable> outcome) {
        CompletableFuture<StompConnection> f;
        try {
            f = upstream.open(sessionId, settings.upstreamConnect());
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        f.orTimeout(settings.attemptTimeout().toNanos(), TimeUnit.NANOSECONDS)
                .whenComplete((c, e) -> later(() -> outcome.accept(c, e), 0));
    }

    /** An attempt failed with {@code error}: remember it for the give-up message, try again after the backoff. */
    void attemptFailed(Throwable error, Runnable attempt) {
        lastFailure = String.valueOf(unwrap(error));
        retry(attempt);
    }

    /** A connection is up: the next outage starts the backoff from its first step. */
    void connected() {
        failedAttempts = 0;
    }

    /** The connection was lost (or never made): start an outage clock, then {@code attempt} after the backoff. */
    void outage(LongConsumer giveUpCheck, Runnable attempt, boolean immediately) {
        long o = ++outage;
        later(() -> giveUpCheck.accept(o), settings.giveUpAfter().toNanos());
        if (immediately) {
            later(attempt, 0);
        } else {
            retry(attempt);
        }
    }

    /** Whether {@code o} (from the give-up check) is still the current outage. */
    boolean isCurrent(long o) {
        return outage == o;
    }

    /** The give-up ERROR's detail: how long, how many attempts, the last failure. */
    String giveUpDetail() {
        return "no upstream broker connection for " + settings.giveUpAfter().toMillis() + " ms ("
                + failedAttempts + " failed attempts, last: " + lastFailure + ")";
    }

    private void retry(Runnable attempt) {
        later(attempt, backoff.delayNanos(failedAttempts++));
    }

    /** Runs {@code task} on the relay's executor after {@code delayNanos}; nothing once the relay is closed. */
    void later(Runnable task, long delayNanos) {
        try {
            if (delayNanos <= 0) {
                executor.execute(task);
            } else {
                executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException e) {
            // the relay was closed: nothing more to do
        }
    }

    /** The cause inside a {@link CompletionException}, else {@code t}. */
    static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }
}
