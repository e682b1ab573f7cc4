package org.wslab.lab.client;

import java.util.Arrays;
import java.util.List;

/**
 * Round-trip times of an echo run (a message to its echo, RFC 6455 §5.6, or a ping to its pong,
 * §5.5.2–§5.5.3), in nanoseconds, with nearest-rank percentiles.
 */
public record RoundTrips(List<Long> nanos) {
    public RoundTrips {
        nanos = List.copyOf(nanos);
    }

    /** Whether nothing was measured. */
    public boolean isEmpty() {
        return nanos.isEmpty();
    }

    /** Shortest; 0 when none (check {@link #isEmpty()}). */
    public long min() {
        return percentile(0);
    }

    /** The median (nearest rank). */
    public long p50() {
        return percentile(50);
    }

    /** The 99th percentile (nearest rank). */
    public long p99() {
        return percentile(99);
    }

    /** Longest. */
    public long max() {
        return percentile(100);
    }

    /** Nearest-rank percentile {@code p} (0–100); 0 when none. */
    public long percentile(double p) {
        if (nanos.isEmpty()) {
            return 0;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
