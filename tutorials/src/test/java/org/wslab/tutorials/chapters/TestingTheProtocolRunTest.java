package org.wslab.tutorials.chapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;
import org.wslab.tutorials.testing.PayloadLength;

/**
 * Chapter 7's property finds the broken decoder's sign bug (RFC 6455 §5.2's 16-bit length) with a
 * shrunk counterexample and seed, and passes against the fixed decoder; then {@code wslab check}
 * runs against both of the tour's servers with no FAILED case.
 */
class TestingTheProtocolRunTest {
    @TempDir
    Path dir;

    @Test
    void thePropertyFindsTheBugShrinksItAndPassesOnceFixed() throws Exception {
        Snippets snippets = new Snippets(dir);
        try (TourLab lab = TourLab.start()) {
            new TestingTheProtocolRun().run(lab, snippets);
        }
        String broken = Files.readString(dir.resolve("ch07/broken.txt"));
        assertTrue(broken.contains("Smallest found falsifying value(s) :-") && broken.contains("Seed was"), broken);
        assertTrue(Files.readString(dir.resolve("ch07/counterexample.txt")).contains("encoded as  82 7e"));
        assertTrue(Files.readString(dir.resolve("ch07/fixed.txt")).contains("every one read back as written"));
        for (String engine : new String[] {"jetty", "wslab"}) {
            String check = Files.readString(dir.resolve("ch07/check-" + engine + ".txt"));
            assertTrue(check.contains("FAILED 0") && check.contains("rsv ") && check.contains("(exit code 0"), check);
        }
        for (String engine : new String[] {"jetty", "wslab"}) {
            String stomp = Files.readString(dir.resolve("ch07/check-stomp-" + engine + ".txt"));
            assertTrue(stomp.contains("suite: stomp (20 of ") && stomp.contains("FAILED 0"), stomp);
        }
        String binary = Files.readString(dir.resolve("ch07/check-stomp-case.txt"));
        assertTrue(binary.contains("stomp.4.9 OK") && binary.contains(">>> (binary) SEND"), binary);
        String one = Files.readString(dir.resolve("ch07/check-case.txt"));
        assertTrue(one.contains("wire:") || one.contains("answered every case"), one);
        // plain Jetty, without the lab's rules in front, upgrades the malformed keys: exactly these eight
        String plain = Files.readString(dir.resolve("ch07/check-plain-jetty.txt"));
        List<String> failed = plain.lines().filter(l -> l.contains(" FAILED — ")).map(l -> l.substring(0, l.indexOf(' ')))
                .toList();
        assertEquals(List.of("handshake.0.1.3", "handshake.0.1.4", "handshake.0.1.5", "handshake.0.1.6", "handshake.0.1.7",
                "handshake.0.1.8", "handshake.0.1.9", "handshake.0.1.11"), failed, plain);
        String abc = Files.readString(dir.resolve("ch07/check-plain-jetty-case.txt"));
        assertTrue(abc.contains("Sec-WebSocket-Key: abc") && abc.contains("HTTP/1.1 101 Switching Protocols"), abc);
        // the browser part: played in full where Chromium runs, else said to be skipped (never silently empty)
        String browser = Files.readString(dir.resolve("ch07/check-browser.txt"));
        String browserCase = Files.readString(dir.resolve("ch07/check-browser-case.txt"));
        if (browser.startsWith("(not run: ")) {
            assertTrue(snippets.drainSkippedParts().stream().anyMatch(p -> p.startsWith(CheckingAClientRun.PART + ": ")), browser);
        } else {
            assertTrue(browser.contains("10 cases in") && browser.contains("close.7.9.10"), browser);
            assertTrue(browserCase.contains("wire:") || browserCase.contains("no case FAILED"), browserCase);
        }
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
