package org.wslab.stomp.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.wslab.testkit.Props;

/** The relay's reconnect schedule (wslab policy: reconnecting when the broker restarts). */
class BackoffTest {

    @Test
    void theDefaultScheduleDoublesFrom100MillisUpTo5Seconds() {
        Backoff b = RelaySettings.DEFAULT.backoff();
        long[] expectedMillis = {100, 200, 400, 800, 1600, 3200, 5000, 5000};
        for (int i = 0; i < expectedMillis.length; i++) {
            assertEquals(Duration.ofMillis(expectedMillis[i]).toNanos(), b.delayNanos(i), "attempt " + i);
        }
        assertEquals(Duration.ofSeconds(5).toNanos(), b.delayNanos(Integer.MAX_VALUE));
    }

    @Test
    void scheduleIsBoundedAndMonotone() {
        // Rule: the backoff never exceeds its cap, never falls below the first wait, never shrinks from
        // one attempt to the next, and never overflows, whatever the settings and attempt count.
        Props.qt().forAll(longs().between(1, Long.MAX_VALUE / 2), longs().between(0, Long.MAX_VALUE / 2),
                        integers().between(-5, 200))
                .checkAssert((initial, extra, attempt) -> {
                    Backoff b = new Backoff(initial, initial + extra);
                    long d = b.delayNanos(attempt);
                    long next = b.delayNanos(attempt + 1);
                    assertTrue(d >= initial && d <= initial + extra, "bounded: " + d);
                    assertTrue(next >= d, "monotone: " + d + " then " + next);
                });
    }

    @Test
    void aCapBelowTheFirstWaitIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(10, 9));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(0, 9));
        assertThrows(IllegalArgumentException.class,
                () -> RelaySettings.DEFAULT.withBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> RelaySettings.DEFAULT.withBuffer(0, 1));
    }
}
