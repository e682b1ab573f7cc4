package org.wslab.stomp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.longs;

import org.junit.jupiter.api.Test;
import org.wslab.testkit.Props;

/** The shared heart-beat schedule of both STOMP roles (STOMP 1.2 "Heart-beating"). */
class HeartBeatClockTest {
    private static final long MS = 1_000_000;

    @Test
    void maxRuleEachWay() {
        // Rule: "Heart-beating" — each direction beats at MAX(sender's cx, receiver's cy), 0 if either is 0.
        Props.qt().forAll(longs().between(0, 60_000), longs().between(0, 60_000), longs().between(0, 60_000),
                longs().between(0, 60_000)).checkAssert((cx, cy, sx, sy) -> {
            HeartBeatClock c = new HeartBeatClock(2.0, 0);
            c.negotiate(new HeartBeat(cx, cy), new HeartBeat(sx, sy), 0);
            assertEquals(cx == 0 || sy == 0 ? 0 : Math.max(cx, sy), c.sendEveryMillis());
            assertEquals(sx == 0 || cy == 0 ? 0 : Math.max(sx, cy), c.expectEveryMillis());
        });
    }

    @Test
    void deadlineIsTheEarlierOfBeatAndSilence() {
        // Rule: a beat is owed after sendEvery without output; the peer is dead after expectEvery × tolerance of silence.
        HeartBeatClock c = new HeartBeatClock(1.5, 0);
        c.negotiate(new HeartBeat(1000, 4000), new HeartBeat(4000, 1000), 0);
        assertEquals(1000 * MS, c.nextDeadlineNanos());
        assertFalse(c.beatDue(999 * MS));
        assertTrue(c.beatDue(1000 * MS));
        c.sent(1000 * MS);
        assertEquals(2000 * MS, c.nextDeadlineNanos());
        assertEquals(0, c.silenceBeyondTolerance(6000 * MS), "4000 × 1.5 = 6000 ms tolerated");
        assertEquals(6001 * MS, c.silenceBeyondTolerance(6001 * MS));
        c.received(5000 * MS);
        assertEquals(0, c.silenceBeyondTolerance(6001 * MS));
    }

    @Test
    void offWhenEitherSideDeclines() {
        // Rule: "0 means it cannot send / does not want to receive heart-beats".
        HeartBeatClock c = new HeartBeatClock(2.0, 0);
        c.negotiate(HeartBeat.NONE, new HeartBeat(1000, 1000), 0);
        assertEquals(Long.MAX_VALUE, c.nextDeadlineNanos());
        assertFalse(c.beatDue(Long.MAX_VALUE / 2));
        assertEquals(0, c.silenceBeyondTolerance(Long.MAX_VALUE / 2));
    }

    @Test
    void toleranceBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HeartBeatClock(0.5, 0));
    }
}
