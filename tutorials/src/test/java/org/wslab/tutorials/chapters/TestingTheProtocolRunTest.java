package org.wslab.tutorials.chapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.testing.PayloadLength;

/**
 * Chapter 7's property finds the broken decoder's sign bug (RFC 6455 §5.2's 16-bit length) with a
 * shrunk counterexample and seed, and passes against the fixed decoder.
 */
class TestingTheProtocolRunTest {
    @TempDir
    Path dir;

    @Test
    void thePropertyFindsTheBugShrinksItAndPassesOnceFixed() throws Exception {
        Snippets snippets = new Snippets(dir);
        new TestingTheProtocolRun().run(null, snippets);
        String broken = Files.readString(dir.resolve("ch07/broken.txt"));
        assertTrue(broken.contains("Smallest found falsifying value(s) :-") && broken.contains("Seed was"), broken);
        assertTrue(Files.readString(dir.resolve("ch07/counterexample.txt")).contains("encoded as  82 7e"));
        assertTrue(Files.readString(dir.resolve("ch07/fixed.txt")).contains("every one read back as written"));
    }

    @Test
    void theBrokenDecoderIsWrongExactlyWhereTheChapterSays() {
        assertEquals(-128, PayloadLength.decodeBroken(PayloadLength.encode(128)));
        assertEquals(128, PayloadLength.decode(PayloadLength.encode(128)));
        assertEquals(65535, PayloadLength.decode(PayloadLength.encode(65535)));
        assertEquals(1L << 40, PayloadLength.decode(PayloadLength.encode(1L << 40)));
        assertThrows(IllegalArgumentException.class, () -> PayloadLength.encode(-1));
    }
}
