package org.wslab.lab.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.wslab.lab.common.HtmlText;

/**
 * The HTML page every engine serves at {@code /}, one document: a STOMP 1.2 chat over the
 * server's {@code /websocket/app} endpoint on {@code /topic/chat} (the resources {@code chat.html}
 * and {@code chat.js}, the script inlined so the page needs no second request), then which
 * WebSocket endpoints the server has, each with its {@code ws://} URL (and {@code wss://} one,
 * RFC 6455 §10.6, when the server listens for TLS) and the command that tries it.
 */
public final class IndexPage {
    private static final String TEMPLATE = resource("chat.html");
    private static final String SCRIPT = resource("chat.js");

    private IndexPage() {}

    /** The page for {@code server}, as HTML (UTF-8). */
    public static String html(LabServer server) {
        StringBuilder endpoints = new StringBuilder(512);
        for (Map.Entry<LabEndpoint, URI> e : server.webSocketUris()) {
            item(endpoints, e.getKey(), e.getValue().toString());
        }
        return TEMPLATE.replace("{{engine}}", HtmlText.escape(server.engine().cliName()))
                .replace("{{endpoints}}", endpoints)
                .replace("{{script}}", SCRIPT);
    }

    /** The page's script, as the page inlines it. */
    public static String script() {
        return SCRIPT;
    }

    private static String resource(String name) {
        try (InputStream in = IndexPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the lab jar lacks the resource " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (name.endsWith(".js") && text.contains("</script")) {
                throw new IllegalStateException(name + " cannot be inlined: it contains </script");
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One endpoint's line; the commands to try it for a {@code ws://} URL (they speak plain TCP). */
    private static void item(StringBuilder page, LabEndpoint e, String url) {
        page.append("<li><code>").append(HtmlText.escape(url)).append("</code> — ").append(HtmlText.escape(e.description()));
        if (!e.subprotocols().isEmpty()) {
            page.append(" (sub-protocols: ").append(HtmlText.escape(String.join(", ", e.subprotocols()))).append(')');
        }
        if (url.startsWith("ws:")) {
            page.append("<br>try: <code>./wslab handshake ").append(HtmlText.escape(url)).append("</code>");
            if (e.kind() == EndpointKind.STOMP) {
                page.append(" or <code>./wslab stomp ").append(HtmlText.escape(url)).append(" subscribe /topic/greetings</code>");
            }
        }
        page.append("</li>\n");
    }

}
