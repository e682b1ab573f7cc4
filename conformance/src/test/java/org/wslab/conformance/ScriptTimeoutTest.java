package org.wslab.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The time a case asks for beyond the run's own. A case awaits each echo before its next message, so
 * a thousand small messages are a thousand round trips whose cost is turns at both ends, not bytes:
 * a budget counting bytes or frames alone judged a loaded but conforming server as silent.
 */
class ScriptTimeoutTest {
    private static final Duration GIVEN = Duration.ofSeconds(3);

    /** Every case that awaits N echoes in turn (Autobahn 9.7, 9.8, 12.x, 13.x) is given N / ROUND_TRIPS_PER_SECOND more. */
    @Test
    void everyAwaitedEchoIsGivenTimeOfItsOwn() {
        int checked = 0;
        for (ConformanceCase c : Catalogue.standard().cases()) {
            long awaited = awaited(c.script());
            if (awaited > 0) {
                checked++;
                long extra = c.script().timeout(GIVEN).minus(GIVEN).toMillis();
                assertTrue(extra >= awaited * 1000 / FrameScript.ROUND_TRIPS_PER_SECOND, c.id() + ": " + extra + " ms");
            }
        }
        assertTrue(checked >= 12 + 216, "round-trip cases found: " + checked); // 9.7, 9.8 and the deflate ones
    }

    /** A case of single messages keeps the run's timeout but for its frames; one of 65,536 frames gets 8 s more. */
    @Test
    void singleMessagesAreGivenTimeForTheirFramesOnly() {
        assertEquals(GIVEN, one("framing.1.1.1").script().timeout(GIVEN));
        assertEquals(GIVEN.plusSeconds(8), one("limits.9.3.1").script().timeout(GIVEN));
    }

    private static long awaited(Script s) {
        if (s instanceof DeflateScript d) {
            return d.messages().count();
        }
        if (s instanceof FrameScript f) {
            return f.actions().stream().mapToLong(a -> a instanceof Action.RoundTrips t ? t.count() : 0).sum();
        }
        return 0;
    }

    private static ConformanceCase one(String id) {
        List<ConformanceCase> found = Catalogue.standard().select(new Selection(List.of(id), List.of()));
        assertEquals(1, found.size(), id);
        return found.get(0);
    }
}
