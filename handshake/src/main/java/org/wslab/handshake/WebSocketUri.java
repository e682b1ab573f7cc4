package org.wslab.handshake;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import org.wslab.handshake.spec.HandshakeRule;

/**
 * A WebSocket URI (RFC 6455 §3): {@code ws://host[:port]/path?query} or {@code wss://...},
 * no fragment. Gives the /host/, /port/ (default 80 or 443), /resource name/ and /secure/ flag
 * the opening handshake needs.
 *
 * @param secure       {@code wss}
 * @param host         host name or IP literal (IPv6 without brackets)
 * @param port         1..65535, defaulted from the scheme
 * @param resourceName path ("/" when empty) plus "?query" when present
 */
public record WebSocketUri(boolean secure, String host, int port, String resourceName) {
    public WebSocketUri {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(resourceName, "resourceName");
        if (host.isEmpty() || port < 1 || port > 65535 || !resourceName.startsWith("/")) {
            throw new IllegalArgumentException("not a WebSocket URI: host=" + host + " port=" + port + " resource=" + resourceName);
        }
    }

    /** The outcome of {@link #parse}: a valid ws/wss URI (RFC 6455 §3) or why it is not one. */
    public sealed interface Parse {
        /** A valid URI. */
        record Valid(WebSocketUri uri) implements Parse {}

        /** Not a WebSocket URI, and why ({@link HandshakeRule#WEBSOCKET_URI}). */
        record Invalid(HandshakeRule rule, String detail) implements Parse {}
    }

    /** Reads a {@code ws://} or {@code wss://} URI; anything else is {@link Parse.Invalid}. */
    public static Parse parse(String text) {
        if (text == null) {
            return invalid("no URI");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            return invalid("malformed URI: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            return invalid("scheme must be ws or wss, was \"" + (uri.getScheme() == null ? "" : uri.getScheme()) + "\"");
        }
        if (uri.getRawFragment() != null) {
            return invalid("a WebSocket URI must not have a fragment (#" + uri.getRawFragment() + ")");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return invalid("no host (or user info present) in \"" + text + "\"");
        }
        boolean secure = scheme.equals("wss");
        int port = uri.getPort() == -1 ? (secure ? 443 : 80) : uri.getPort();
        if (port < 1 || port > 65535) {
            return invalid("port " + port + " out of range");
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String resource = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new Parse.Valid(new WebSocketUri(secure, host, port, resource));
    }

    /** The {@code Host} field value: host, bracketed if IPv6, with ":port" unless it is the default. */
    public String hostHeader() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        boolean defaultPort = port == (secure ? 443 : 80);
        return defaultPort ? h : h + ":" + port;
    }

    /** The URI as text, e.g. {@code ws://localhost:8080/chat}. */
    @Override
    public String toString() {
        return (secure ? "wss://" : "ws://") + hostHeader() + resourceName;
    }

    private static Parse invalid(String detail) {
        return new Parse.Invalid(HandshakeRule.WEBSOCKET_URI, detail);
    }
}
