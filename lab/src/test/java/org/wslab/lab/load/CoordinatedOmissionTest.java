package org.wslab.lab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.wslab.handshake.WebSocketUri;

/**
 * The coordinated-omission correction, proven against a server that stalls once for a known time:
 * latency measured from each message's intended send time shows the stall across every message
 * scheduled during it, while a closed-loop measure of the same run (from the actual send) sees it
 * once per connection. Counts of samples above half the stall, never wall-clock assertions.
 */
class CoordinatedOmissionTest {
    private static final long STALL = TimeUnit.MILLISECONDS.toNanos(500);
    private static final int CONNECTIONS = 4;
    /** About RATE × STALL / 2 messages per connection are due in the stall's first half; asked: a fifth of that. */
    private static final long DUE_IN_FIRST_HALF = 5L * CONNECTIONS;

    @Test
    void aClosedLoopHidesTheStallThatTheIntendedTimesShow() throws Exception {
        LoadReport r = runAgainstStall(1);
        long naive = above(r.serviceTime());
        // one message per connection was in flight when the server stalled: the closed loop sees only it
        assertTrue(naive <= CONNECTIONS, naive + " closed-loop samples above half the stall\n" + facts(r));
        assertTrue(above(r.latency().total()) >= DUE_IN_FIRST_HALF, facts(r));
        assertTrue(r.lag().heldBack() > 0, facts(r));
    }

    @Test
    void anOpenLoopKeepsSendingThroughTheStallAndCountsEveryDelayedEcho() throws Exception {
        LoadReport r = runAgainstStall(0);
        assertEquals(r.counts().sent(), r.counts().received(), facts(r));
        assertTrue(above(r.latency().total()) >= DUE_IN_FIRST_HALF, facts(r));
    }

    /** A run with {@code window} messages outstanding (0: open loop) against a server stalling on the 20th. */
    private static LoadReport runAgainstStall(int window) throws Exception {
        try (StallingEchoServer server = new StallingEchoServer(20, TimeUnit.NANOSECONDS.toMillis(STALL))) {
            WebSocketUri uri = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(server.uri())).uri();
            LoadPlan plan = LoadPlan.of(uri, CONNECTIONS, 50, Duration.ofSeconds(2), 32).withWindow(window);
            LoadReport r = LoadRun.run(plan, new PrintWriter(Writer.nullWriter()), Optional.empty());
            assertEquals(0, r.counts().lost(), facts(r));
            assertTrue(r.latency().total().getMaxValue() >= STALL * 0.99, facts(r)); // HdrHistogram keeps 3 digits
            return r;
        }
    }

    private static String facts(LoadReport r) {
        return String.join("\n", r.lines());
    }

    /** Samples above half the stall. */
    private static long above(Histogram h) {
        return h.getTotalCount() - h.getCountBetweenValues(0, STALL / 2);
    }
}
