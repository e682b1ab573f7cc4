package org.wslab.tutorials.chapters;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wslab.tutorials.live.Nginx;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;

/**
 * Chapter 5 against a real nginx (skipped, saying so, where none is installed; {@code .ci/run}
 * installs Debian's): the right location upgrades and nginx forwards {@code Upgrade} and
 * {@code Connection: upgrade}; nginx's defaults forward an HTTP/1.0 request without them and the
 * client sees no 101; behind a read timeout shorter than the silence, the quiet STOMP connection
 * is cut without a Close frame (1006) while the heart-beating one still gets its message.
 */
class BehindNginxRunTest {
    private static TourLab lab;
    private static Snippets snippets;

    @BeforeAll
    static void run() throws Exception {
        assumeTrue(Nginx.executable().isPresent(), "nginx is not installed (Debian: apt-get install nginx); chapter 5 not tried");
        lab = TourLab.start();
        snippets = new Snippets(Files.createTempDirectory("wslab-ch05"));
        new BehindNginxRun().run(lab, snippets);
    }

    @AfterAll
    static void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private static String snippet(String name) throws Exception {
        return Files.readString(snippets.root().resolve(name));
    }

    @Test
    void theRightLocationForwardsTheUpgrade() throws Exception {
        assertTrue(snippet("ch05/through.txt").contains("101 Switching Protocols"));
        String upstream = snippet("ch05/through-upstream.txt");
        assertTrue(upstream.startsWith("GET /websocket/echo HTTP/1.1"), upstream);
        assertTrue(upstream.contains("Upgrade: websocket") && upstream.contains("Connection: upgrade"), upstream);
    }

    @Test
    void nginxDefaultsDropTheUpgrade() throws Exception {
        String plain = snippet("ch05/plain.txt");
        assertFalse(plain.contains("HTTP/1.1 101"), plain);
        assertTrue(plain.contains("(exit code 1)"), plain);
        String upstream = snippet("ch05/plain-upstream.txt");
        assertTrue(upstream.startsWith("GET /websocket/echo HTTP/1.0"), upstream);
        assertFalse(upstream.contains("Upgrade:"), upstream);
    }

    @Test
    void theShortTimeoutCutsOnlyTheQuietConnection() throws Exception {
        String shortRun = snippet("ch05/short.txt");
        Matcher ended = Pattern.compile("# quiet: .* ended after (\\d+) ms: .*1006").matcher(shortRun);
        assertTrue(ended.find(), shortRun);
        assertTrue(shortRun.contains("still open, it received [after "), shortRun);
        assertTrue(snippet("ch05/short-error-log.txt").contains("timed out"), snippet("ch05/short-error-log.txt"));
    }
}
