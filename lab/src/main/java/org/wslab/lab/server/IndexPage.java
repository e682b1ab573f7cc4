package org.wslab.lab.server;

import java.net.URI;
import java.util.Map;

/**
 * The small HTML page every engine serves at {@code /}: what the lab is and which WebSocket
 * endpoints it has, each with its {@code ws://} URL (and {@code wss://} one, RFC 6455 §10.6, when
 * the server listens for TLS) and the command that tries it.
 */
public final class IndexPage {
    private IndexPage() {}

    /** The page for {@code server}, as HTML (UTF-8). */
    public static String html(LabServer server) {
        StringBuilder page = new StringBuilder(1024);
        page.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<title>wslab</title></head><body>\n")
            .append("<h1>wslab</h1>\n<p>A lab for WebSocket (RFC 6455, RFC 7692) and STOMP over WebSocket, ")
            .append("served by the <code>").append(server.engine().cliName()).append("</code> engine.</p>\n")
            .append("<h2>Endpoints</h2>\n<ul>\n");
        for (Map.Entry<LabEndpoint, URI> e : server.webSocketUris()) {
            item(page, e.getKey(), e.getValue().toString());
        }
        page.append("</ul>\n</body></html>\n");
        return page.toString();
    }

    /** One endpoint's line; the commands to try it for a {@code ws://} URL (they speak plain TCP). */
    private static void item(StringBuilder page, LabEndpoint e, String url) {
        page.append("<li><code>").append(escape(url)).append("</code> — ").append(escape(e.description()));
        if (!e.subprotocols().isEmpty()) {
            page.append(" (sub-protocols: ").append(escape(String.join(", ", e.subprotocols()))).append(')');
        }
        if (url.startsWith("ws:")) {
            page.append("<br>try: <code>./wslab handshake ").append(escape(url)).append("</code>");
            if (e.kind() == EndpointKind.STOMP) {
                page.append(" or <code>./wslab stomp ").append(escape(url)).append(" subscribe /topic/greetings</code>");
            }
        }
        page.append("</li>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
