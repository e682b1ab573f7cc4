package org.wslab.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code echo}'s progress schedule, on a clock the test moves (no timing in the test). */
class ProgressLineTest {
    private static final long S = 1_000_000_000L;

    private final StringWriter err = new StringWriter();

    private List<String> lines() {
        return err.toString().isEmpty() ? List.of() : Arrays.asList(err.toString().split("\r?\n"));
    }

    // nothing for the first 2 s, then one line at most every 2 s
    @Test
    void quietForTwoSecondsThenOneLineEveryTwo() {
        ProgressLine p = new ProgressLine(new PrintWriter(err), 100_000, 16, 1_000 * S);
        p.update(10, 160, 1_000 * S);
        p.update(5_000, 80_000, 1_001 * S + S / 2);
        assertEquals(List.of(), lines());
        p.update(9_000, 144_000, 1_002 * S);
        p.update(9_500, 152_000, 1_003 * S);
        p.update(20_000, 320_000, 1_004 * S + S / 10);
        assertEquals(List.of("wslab: echo: 9000 of 100000 echoed, 2.0s", "wslab: echo: 20000 of 100000 echoed, 4.1s"),
                lines());
    }

    // inside one large message the line counts its bytes
    @Test
    void oneLargeMessageShowsItsBytes() {
        ProgressLine p = new ProgressLine(new PrintWriter(err), 1, 16L << 20, 0);
        p.update(0, 8L << 20, 3 * S);
        p.update(1, 16L << 20, 6 * S);
        assertEquals(List.of("wslab: echo: message 1 of 1, 8MiB of 16MiB sent, 3.0s", "wslab: echo: 1 of 1 echoed, 6.0s"),
                lines());
    }
}
