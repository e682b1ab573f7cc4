package org.wslab.tutorials.browser;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/**
 * The lab's chat page ({@code /}) open in a headless Chromium, driven through DevTools: a page
 * target is created on the browser's connection, then a second DevTools connection to that page
 * navigates, fills the form (Runtime.evaluate), reads the page's state and list, and takes a
 * screenshot (Page.captureScreenshot). {@link #close()} closes both connections.
 */
public final class ChatPage implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);

    private final DevTools browser;
    private final DevTools page;
    private final Duration wait;

    private ChatPage(DevTools browser, DevTools page, Duration wait) {
        this.browser = browser;
        this.page = page;
        this.wait = wait;
    }

    /** Opens {@code url} in a new tab of {@code chromium}; each later wait is bounded by {@code wait}. */
    public static ChatPage open(Chromium chromium, URI url, Duration wait) throws IOException {
        DevTools browser = DevTools.open(chromium.browserUrl(), wait);
        try {
            String target = browser.call("Target.createTarget", browser.params().put("url", "about:blank"))
                    .path("targetId").asText();
            DevTools page = DevTools.open(chromium.pageUrl(target), wait);
            ChatPage chat = new ChatPage(browser, page, wait);
            page.call("Emulation.setDeviceMetricsOverride", page.params().put("width", 900).put("height", 560)
                    .put("deviceScaleFactor", 1).put("mobile", false));
            page.call("Page.navigate", page.params().put("url", url.toString()));
            return chat;
        } catch (IOException | RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    /** What the page's connection line says now. */
    public String state() throws IOException {
        return page.evaluate("(document.getElementById('chat-state') || {textContent: ''}).textContent").asText();
    }

    /** Waits until the connection line starts with {@code connected}; returns it. */
    public String awaitConnected() throws IOException {
        return poll("the page to say it is connected", this::state, s -> s.startsWith("connected"));
    }

    /** Types {@code author} and {@code text} into the form and submits it, as a reader would. */
    public void type(String author, String text) throws IOException {
        page.evaluate("document.getElementById('chat-author').value = " + quoted(author) + ";"
                + "document.getElementById('chat-text').value = " + quoted(text) + ";"
                + "document.getElementById('chat-form').requestSubmit(); true");
    }

    /** The list as the page shows it now. */
    public List<ChatLine> lines() throws IOException {
        JsonNode items = page.evaluate("Array.from(document.querySelectorAll('#chat-messages li'))"
                + ".map(li => [li.querySelector('.author').textContent, li.lastChild.textContent])");
        List<ChatLine> lines = new ArrayList<>();
        items.forEach(i -> lines.add(new ChatLine(i.get(0).asText(), i.get(1).asText())));
        return lines;
    }

    /** The page's error list (STOMP ERROR frames and frames it could not read). */
    public List<String> errors() throws IOException {
        JsonNode items = page.evaluate("Array.from(document.querySelectorAll('#chat-errors li')).map(li => li.textContent)");
        List<String> errors = new ArrayList<>();
        items.forEach(i -> errors.add(i.asText()));
        return errors;
    }

    /** Waits until the list shows {@code line}; returns the whole list then. */
    public List<ChatLine> awaitLine(ChatLine line) throws IOException {
        return poll("the page to show \"" + line + "\"", this::lines, l -> l.contains(line));
    }

    /** The page as a PNG image. */
    public byte[] screenshot() throws IOException {
        String data = page.call("Page.captureScreenshot", page.params().put("format", "png")).path("data").asText();
        return Base64.getDecoder().decode(data);
    }

    private interface Reading<T> {
        T read() throws IOException;
    }

    private <T> T poll(String what, Reading<T> reading, Predicate<T> done) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        T last = reading.read();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("waited " + wait.toSeconds() + " s for " + what + "; it shows " + last
                        + "; state: " + state() + "; errors: " + errors());
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted waiting for " + what);
            }
            last = reading.read();
        }
        return last;
    }

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    @Override
    public void close() {
        page.close();
        browser.close();
    }
}
