package org.wslab.tutorials.chapters;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.wslab.tutorials.browser.BrowserUnavailable;
import org.wslab.tutorials.browser.ChatLine;
import org.wslab.tutorials.browser.ChatPage;
import org.wslab.tutorials.browser.Chromium;
import org.wslab.tutorials.live.ChapterFailure;
import org.wslab.tutorials.live.CliRun;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;

/**
 * Chapter 6's browser part: the lab's chat page (STOMP 1.2 over WebSocket, in the page's own
 * JavaScript) opened in a headless Chromium driven over DevTools with our WebSocket client, one
 * message typed in the page and one sent by {@code wslab stomp … send}, both seen in the page's
 * list, then a screenshot. Without a usable Chromium the part is skipped and says why.
 */
public final class BrowserChatRun implements ChapterRun {
    /** The part's name in the tour's line when it is skipped. */
    public static final String PART = "browser check";
    static final ChatLine TYPED = new ChatLine("browser", "hello from the page");
    static final ChatLine SENT = new ChatLine("wslab:terminal", "hello from wslab stomp send");
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Override
    public void run(TourLab lab, Snippets snippets) throws Exception {
        Chromium chromium;
        try {
            chromium = Chromium.startFound(Duration.ofSeconds(20));
        } catch (BrowserUnavailable e) {
            skip(snippets, e.getMessage());
            return;
        }
        try (chromium) {
            check(chromium, lab, snippets);
        }
    }

    private static void check(Chromium chromium, TourLab lab, Snippets snippets) throws IOException {
        URI page = lab.jetty().baseUri();
        try (ChatPage chat = ChatPage.open(chromium, page, WAIT)) {
            String state = chat.awaitConnected();
            // tag::two-clients[]
            chat.type(TYPED.author(), TYPED.text());
            chat.awaitLine(TYPED);                       // <1>
            CliRun send = CliRun.of("stomp", TourLab.stomp(lab.jetty()).toString(), "send", "/topic/chat",
                    SENT.text(), "--header", "author:" + SENT.author()).expectExit(0);
            List<ChatLine> lines = chat.awaitLine(SENT); // <2>
            byte[] png = chat.screenshot();
            // end::two-clients[]
            if (!chat.errors().isEmpty()) {
                throw new ChapterFailure("the chat page showed errors: " + chat.errors());
            }
            if (png.length < PNG.length || !Arrays.equals(Arrays.copyOf(png, PNG.length), PNG)) {
                throw new ChapterFailure("Page.captureScreenshot did not return a PNG");
            }
            Path image = snippets.root().resolve("ch06/chat.png");
            Files.createDirectories(image.getParent());
            Files.write(image, png);
            snippets.write("ch06/browser-state.txt", state + "\n");
            snippets.write("ch06/browser-send.txt", send.transcript("stomp " + TourLab.stomp(lab.jetty())
                    + " send /topic/chat \"" + SENT.text() + "\" --header author:" + SENT.author()));
            snippets.write("ch06/browser-lines.txt", lines.stream().map(ChatLine::toString)
                    .collect(Collectors.joining("\n", "", "\n")));
            snippets.write("ch06/browser.adoc", ".The chat page in headless Chromium, after both messages\n"
                    + "image::{snippets}/ch06/chat.png[The wslab chat page showing the message typed in the page "
                    + "and the one sent by wslab stomp send,width=720]\n");
        } catch (IOException e) {
            throw new ChapterFailure("the browser check did not behave as the text says: " + e.getMessage());
        }
    }

    private static void skip(Snippets snippets, String reason) throws IOException {
        snippets.skipped(PART, reason);
        String note = "NOTE: The browser check did not run on this machine: " + reason.replace("\n", " ") + ".\n";
        snippets.write("ch06/browser.adoc", note);
        for (String name : List.of("browser-state.txt", "browser-send.txt", "browser-lines.txt")) {
            snippets.write("ch06/" + name, "(not run: " + reason + ")\n");
        }
    }
}
