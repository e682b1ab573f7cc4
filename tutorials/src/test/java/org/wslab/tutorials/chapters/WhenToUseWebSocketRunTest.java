package org.wslab.tutorials.chapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;

/**
 * Chapter 3 runs the four transports against the lab's Jetty server (port 0): every one saw every
 * update (the run fails otherwise), the event stream and the WebSocket asked nothing per update,
 * and the WebSocket's octets per update are fewer than long polling's — counts, not timings.
 */
class WhenToUseWebSocketRunTest {
    private static TourLab lab;
    private static Snippets snippets;

    @BeforeAll
    static void startLab() throws Exception {
        lab = TourLab.start();
        snippets = new Snippets(Files.createTempDirectory("wslab-ch03"));
        new WhenToUseWebSocketRun().run(lab, snippets);
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    @Test
    void theTableHoldsFourTransportsWithTheirCounts() throws Exception {
        String table = Files.readString(snippets.root().resolve("ch03/transports-table.adoc"));
        Matcher row = Pattern.compile("\\|([^|\\n]+?) \\|(-?[\\d.]+) \\|(-?[\\d.]+) \\|(\\d+) \\|([\\d.]+)").matcher(table);
        Map<String, long[]> octets = new HashMap<>();
        Map<String, Double> requests = new HashMap<>();
        while (row.find()) {
            octets.put(row.group(1).replaceAll(" \\(.*", ""), new long[] {Long.parseLong(row.group(4))});
            requests.put(row.group(1).replaceAll(" \\(.*", ""), Double.parseDouble(row.group(5)));
        }
        assertEquals(4, octets.size(), table);
        assertEquals(0.0, requests.get("server-sent events"), table);
        assertEquals(0.0, requests.get("WebSocket"), table);
        assertTrue(requests.get("long polling") >= 0.5, table);
        assertTrue(octets.get("WebSocket")[0] < octets.get("long polling")[0], table);
        assertTrue(octets.get("WebSocket")[0] < octets.get("polling")[0], table);
        String wire = Files.readString(snippets.root().resolve("ch03/sse-wire.txt"));
        assertTrue(wire.contains("text/event-stream") && wire.contains("data: price 100"), wire);
    }
}
