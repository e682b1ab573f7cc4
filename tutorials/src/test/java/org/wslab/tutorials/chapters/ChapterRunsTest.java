package org.wslab.tutorials.chapters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;

/**
 * Chapters 1 and 4 run against real lab servers (Jetty and our engine on port 0) and their
 * transcripts hold what the text explains: RFC 6455 §1.3's accept, the 101, the refusals, the
 * §5.7 bytes, a 1002 for an unmasked client frame, compressed frames with RSV1.
 */
class ChapterRunsTest {
    private static TourLab lab;
    private static Snippets snippets;

    @BeforeAll
    static void startLab() throws Exception {
        lab = TourLab.start();
        snippets = new Snippets(Files.createTempDirectory("wslab-snippets"));
    }

    @AfterAll
    static void stopLab() {
        lab.close();
    }

    @Test
    void openingHandshakeChapterCapturesTheRealExchanges() throws Exception {
        new OpeningHandshakeRun().run(lab, snippets);
        assertHas("ch01/explain-notes.txt", "FAIL  ACCEPT_MATCHES_KEY", "expected Lw8UlezOCu+cG2zEx1+XSq1l5ew=",
                "G+NHta8H3Mjiol8xeT3T3Tilabw=", "(exit code 1)");
        assertHas("ch01/accept-rfc.txt", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
        assertHas("ch01/handshake-live.txt", "HTTP/1.1 101 Switching Protocols", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=",
                "ws://127.0.0.1:" + lab.jetty().port() + "/websocket/echo", "(exit code 0)");
        assertHas("ch01/handshake-stomp.txt", "101 Switching Protocols", "Sec-WebSocket-Protocol: v1");
        assertHas("ch01/refuse-426.txt", "426", "Sec-WebSocket-Version: 8");
        assertHas("ch01/refuse-400.txt", "400");
        assertHas("ch01/refuse-403.txt", "403 Forbidden", "ORIGIN_ALLOWED", "https://evil.example", "(exit code 1)");
        assertHas("ch01/origin-allowed.txt", "101 Switching Protocols", TourLab.ALLOWED_ORIGIN);
    }

    @Test
    void framesChapterCapturesTheRealBytes() throws Exception {
        new FramesRun().run(lab, snippets);
        assertHas("ch04/rfc-examples.txt", "81 85 37 fa 21 3d 7f 9f 4d 51 58", "masking key", "16-bit", "64-bit");
        assertHas("ch04/masking-xor.txt", "48 'H'   37           7f");
        assertHas("ch04/unmasked-client.txt", "1002");
        assertHas("ch04/fragments-ping.txt", "opcode=0x9 (PING)", "opcode=0xA (PONG)", "opcode=0x0 (CONTINUATION)",
                "text message \"Hello\"");
        assertHas("ch04/closing.txt", "opcode=0x8 (CLOSE)", "client: closed 1000", "server: closed 1000");
        assertHas("ch04/deflate.txt", "RSV1: per-message compressed", "saved");
        assertHas("ch04/echo-trace.txt", "masking key", "(exit code 0)");
        assertHas("ch04/echo-deflate.txt", "RSV1", "(exit code 0)");
    }

    private static void assertHas(String snippet, String... markers) throws Exception {
        Path file = snippets.root().resolve(snippet);
        assertTrue(Files.isRegularFile(file), snippet + " was not written");
        String text = Files.readString(file);
        for (String m : markers) {
            assertTrue(text.contains(m), snippet + " lacks \"" + m + "\":\n" + text);
        }
    }
}
