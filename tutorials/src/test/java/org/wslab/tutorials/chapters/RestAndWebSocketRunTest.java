package org.wslab.tutorials.chapters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;

/**
 * Chapter 2 runs against the lab's Jetty server (port 0) and its snippets hold what the text
 * explains: the raw POST and GET with their 201 and 200, the masked and unmasked frames, the
 * typed refusals, and a table in which WebSocket took fewer octets per note than REST — as
 * counted by the relays, not timed.
 */
class RestAndWebSocketRunTest {
    private static TourLab lab;
    private static Snippets snippets;

    @BeforeAll
    static void startLab() throws Exception {
        lab = TourLab.start();
        snippets = new Snippets(Files.createTempDirectory("wslab-ch02"));
        new RestAndWebSocketRun().run(lab, snippets);
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    @Test
    void theRawExchangesAreTheRealOnes() throws Exception {
        assertHas("ch02/rest-exchange.txt", "POST /api/notes HTTP/1.1", "HTTP/1.1 201 Created", "{\"id\":1,\"text\":\"note 1\"}",
                "GET /api/notes?since=0 HTTP/1.1", "HTTP/1.1 200 OK", "Content-Type: application/json");
        assertHas("ch02/ws-frames.txt", "GET /websocket/notes HTTP/1.1", "101 Switching Protocols", "masking key",
                "opcode=0x1 (TEXT)", "note 1");
        assertHas("ch02/mixed.txt", "201", "posted over REST");
        assertHas("ch02/refusals.txt", "→ 413", "→ 400", "→ 405", "(Allow: GET, POST)", "at most 1024 bytes");
    }

    @Test
    void theTableCountsTwoExchangesForRestAndThreeFramesForWebSocketAndFewerOctets() throws Exception {
        String table = read("ch02/cost-table.adoc");
        assertTrue(table.contains("|HTTP request/response pairs |2 |0"), table);
        assertTrue(table.contains("|WebSocket frames |0 |3"), table);
        Matcher all = Pattern.compile("\\|octets in all \\|(\\d+) \\|(\\d+)").matcher(table);
        assertTrue(all.find(), table);
        assertTrue(Long.parseLong(all.group(2)) < Long.parseLong(all.group(1)), table);
        assertHas("ch02/break-even.adoc", "notes*");
    }

    private static String read(String snippet) throws Exception {
        Path file = snippets.root().resolve(snippet);
        assertTrue(Files.isRegularFile(file), snippet + " was not written");
        return Files.readString(file);
    }

    private static void assertHas(String snippet, String... markers) throws Exception {
        String text = read(snippet);
        for (String m : markers) {
            assertTrue(text.contains(m), snippet + " lacks \"" + m + "\":\n" + text);
        }
    }
}
