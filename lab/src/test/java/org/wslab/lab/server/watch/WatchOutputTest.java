package org.wslab.lab.server.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The bounded printer of {@code serve --log} / {@code --trace}: a stalled terminal drops and counts, never blocks. */
class WatchOutputTest {

    /** A terminal that stalls on its first write until released. */
    private static final class StalledWriter extends Writer {
        final StringWriter text = new StringWriter();
        final CountDownLatch writing = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void write(char[] cbuf, int off, int len) {
            writing.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            text.write(cbuf, off, len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    // DESIGN.md principle 7: past the queue's bound an entry is dropped and counted, then the count is printed
    @Test
    void aStalledTerminalDropsLinesAndSaysHowMany() throws Exception {
        StalledWriter terminal = new StalledWriter();
        WatchOutput output = WatchOutput.start(new PrintWriter(terminal), 3);
        output.print("first");
        assertTrue(terminal.writing.await(30, TimeUnit.SECONDS), "the printer took the first line");
        for (int i = 1; i <= 3; i++) {
            output.print("queued " + i); // the queue holds 3
        }
        output.print("dropped a");
        output.print("dropped b\nand its second line"); // a frame dump of two lines counts two
        assertEquals(3, output.pendingDrops());
        terminal.release.countDown();
        output.close();
        List<String> lines = terminal.text.toString().lines().toList();
        assertEquals(List.of("first", "queued 1", "queued 2", "queued 3",
                "… 3 log lines dropped (output too slow)"), lines);
    }

    @Test
    void nothingIsDroppedWhileTheTerminalKeepsUp() {
        StringWriter text = new StringWriter();
        WatchOutput output = WatchOutput.start(new PrintWriter(text), 100);
        for (int i = 0; i < 50; i++) {
            output.print("line " + i);
        }
        output.close();
        assertEquals(50, text.toString().lines().count(), text.toString());
        assertTrue(text.toString().lines().noneMatch(l -> l.contains("dropped")), text.toString());
    }
}
