package org.wslab.tutorials.chapters;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wslab.tutorials.browser.Chromium;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;

/** The browser part of chapter 6 against a real TourLab and a real headless Chromium. */
class BrowserChatRunTest {
    private static TourLab lab;

    @BeforeAll
    static void start() throws Exception {
        lab = TourLab.start();
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void theChatPageShowsTheMessageItSentAndTheOneFromTheCommandLine(@TempDir Path dir) throws Exception {
        assumeTrue(Chromium.find().isPresent(), "chromium is not installed (apt-get install chromium)");
        Snippets snippets = new Snippets(dir);
        new BrowserChatRun().run(lab, snippets);
        List<String> skipped = snippets.drainSkippedParts();
        assumeTrue(skipped.isEmpty(), "chromium is installed but did not start here: " + skipped);
        byte[] png = Files.readAllBytes(dir.resolve("ch06/chat.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(png, 8));
        String lines = Files.readString(dir.resolve("ch06/browser-lines.txt"));
        assertTrue(lines.contains(BrowserChatRun.TYPED.toString()), lines);
        assertTrue(lines.contains(BrowserChatRun.SENT.toString()), lines);
        assertTrue(Files.readString(dir.resolve("ch06/browser-state.txt")).startsWith("connected: STOMP 1.2"));
        assertTrue(Files.readString(dir.resolve("ch06/browser.adoc")).contains("image::{snippets}/ch06/chat.png["));
        assertTrue(Files.readString(dir.resolve("ch06/browser-send.txt")).contains("(exit code 0)"));
    }

    @Test
    void withoutChromiumThePartIsSkippedAndTheSnippetSaysWhy(@TempDir Path dir) throws Exception {
        assumeTrue(Chromium.find().isEmpty(), "chromium is installed: the real check runs instead");
        Snippets snippets = new Snippets(dir);
        new BrowserChatRun().run(lab, snippets);
        assertEquals(List.of("browser check: chromium is not installed (apt-get install chromium)"),
                snippets.drainSkippedParts());
        assertTrue(Files.readString(dir.resolve("ch06/browser.adoc")).contains("chromium is not installed"));
    }
}
