package org.wslab.lab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The counts every bounded load run against a well-behaved server must show (RFC 6455 §5.6: nothing lost). */
final class Counted {
    private Counted() {}

    /** Every connection opened, every message sent came back, nothing different, no connection failed. */
    static void nothingLost(LoadReport r, int connections) {
        String facts = String.join("\n", r.lines());
        assertEquals(connections, r.counts().opened(), facts);
        assertTrue(r.counts().sent() >= connections, facts);
        assertEquals(r.counts().sent(), r.counts().received(), facts);
        assertEquals(0, r.counts().lost(), facts);
        assertEquals(0, r.counts().mismatched(), facts);
        assertEquals(0, r.counts().errorCount(), facts);
        assertTrue(r.ok(), facts);
    }
}
