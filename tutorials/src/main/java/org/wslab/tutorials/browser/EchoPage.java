package org.wslab.tutorials.browser;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * A blank page in headless Chromium running an echo client through the browser's own
 * {@code WebSocket} API (RFC 6455 as the browser implements it; a page cannot send a raw frame):
 * connections to one URL one after another, each text and binary message sent back as it came
 * ({@code binaryType = 'arraybuffer'}), the next connection opened once the last has closed or its
 * guard ran out. The client-mode checker judges what the browser does on each.
 */
public final class EchoPage implements AutoCloseable {
    /** The echo loop; its progress is kept in {@code window.wslabEcho} for {@link #state()}. */
    private static final String ECHO_CLIENT = """
            (() => {
              const url = %s, n = %d, guardMs = %d;
              const state = window.wslabEcho = {opened: 0, errors: 0, guarded: 0, closes: {}, done: false};
              const one = () => new Promise(resolve => {
                const ws = new WebSocket(url);
                ws.binaryType = 'arraybuffer';
                const guard = setTimeout(() => { state.guarded++; ws.close(); resolve(); }, guardMs);
                ws.onopen = () => { state.opened++; };
                ws.onmessage = e => ws.send(e.data);
                ws.onerror = () => { state.errors++; };
                ws.onclose = e => {
                  clearTimeout(guard);
                  state.closes[e.code] = (state.closes[e.code] || 0) + 1;
                  resolve();
                };
              });
              (async () => {
                for (let i = 0; i < n; i++) {
                  try { await one(); } catch (e) { state.errors++; }
                }
                state.done = true;
              })();
              return n;
            })()
            """;

    private final DevTools browser;
    private final DevTools page;

    private EchoPage(DevTools browser, DevTools page) {
        this.browser = browser;
        this.page = page;
    }

    /** Opens an {@code about:blank} page target, each DevTools connection within {@code wait}. */
    public static EchoPage open(Chromium chromium, Duration wait) throws IOException {
        DevTools browser = DevTools.open(chromium.browserUrl(), wait);
        try {
            String target = browser.call("Target.createTarget", browser.params().put("url", "about:blank"))
                    .path("targetId").asText();
            return new EchoPage(browser, DevTools.open(chromium.pageUrl(target), wait));
        } catch (IOException | RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    /** Starts echoing: {@code connections} connections to {@code url}, one at a time, each given up after {@code guard}. */
    public void echo(URI url, int connections, Duration guard) throws IOException {
        String quoted = "'" + url.toString().replace("\\", "\\\\").replace("'", "\\'") + "'";
        page.evaluate(ECHO_CLIENT.formatted(quoted, connections, guard.toMillis()));
    }

    /** What the page counted so far, as JSON: connections opened, errors, guards run out, close codes seen. */
    public String state() throws IOException {
        return page.evaluate("JSON.stringify(window.wslabEcho)").asText();
    }

    @Override
    public void close() {
        page.close();
        browser.close();
    }
}
