package org.wslab.stomp.relay;

/**
 * The relay's reconnect schedule (wslab policy: the relay reconnects when the broker restarts; STOMP
 * itself names none): bounded exponential backoff without jitter. Attempt 0 waits
 * {@code initialNanos}; each later attempt waits twice the previous, capped at {@code maxNanos}.
 * The schedule is monotone (never shorter than the attempt before) and bounded (never above the
 * cap), whatever the attempt number, with no overflow. Pure: no clock, no thread.
 *
 * @param initialNanos the first wait, at least 1
 * @param maxNanos     the cap, at least {@code initialNanos}
 */
public record Backoff(long initialNanos, long maxNanos) {

    public Backoff {
        if (initialNanos < 1 || maxNanos < initialNanos) {
            throw new IllegalArgumentException("need 1 <= initial <= max, got " + initialNanos + ", " + maxNanos);
        }
    }

    /** The wait before attempt {@code attempt} (0-based; negative counts as 0). */
    public long delayNanos(int attempt) {
        long d = initialNanos;
        for (int i = 0; i < attempt && d < maxNanos; i++) {
            d = d > maxNanos / 2 ? maxNanos : d * 2;
        }
        return Math.min(d, maxNanos);
    }
}
