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
        } catch (RuntimeException e) { // java.net.URI lets a NumberFormatException out for some IPv6 literals
            return invalid("malformed URI: the host is not a valid address literal");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            return invalid("scheme must be ws or wss, was \"" + (uri.getScheme() == null ? "" : uri.getScheme()) + "\"");
        }
        if (uri.getRawFragment() != null) {
            return invalid("a WebSocket URI must not have a fragment (#" + uri.getRawFragment() + ")");
        }
        if (uri.getRawUserInfo() != null) {
            return invalid("user info (\"" + uri.getRawUserInfo() + "@\") is not part of a WebSocket URI");
        }
        if (uri.getHost() == null) {
            return invalid(noHost(uri, text));
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
        String resource = percentEncodeNonAscii(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery());
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

    /** Why an authority has no host: empty, or a host that is not ASCII (an IDN must be given in its A-label form). */
    private static String noHost(URI uri, String text) {
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            return "no host in \"" + text + "\"";
        }
        if (!authority.chars().allMatch(c -> c < 0x80)) {
            String hint;
            try {
                hint = "; its ASCII form is " + java.net.IDN.toASCII(authority.replaceFirst(":\\d*$", ""));
            } catch (IllegalArgumentException notIdn) {
                hint = "";
            }
            return "the host \"" + authority + "\" is not ASCII: give an internationalised name in its"
                    + " IDNA (xn--) form (RFC 3986 §3.2.2, RFC 5891)" + hint;
        }
        return "\"" + authority + "\" is not a host name, IPv4 or bracketed IPv6 address (RFC 3986 §3.2.2)";
    }

    /**
     * The resource name as a request line carries it: ASCII only. Characters beyond ASCII, which
     * {@code java.net.URI} keeps as they are, become the percent-encoded octets of their UTF-8 form
     * (RFC 3987 §3.1, the mapping of an IRI to a URI), as browsers send them.
     */
    private static String percentEncodeNonAscii(String resource) {
        if (resource.chars().allMatch(c -> c < 0x80)) {
            return resource;
        }
        StringBuilder out = new StringBuilder();
        for (byte b : resource.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int v = b & 0xFF;
            if (v < 0x80) {
                out.append((char) v);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(v >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(v & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static Parse invalid(String detail) {
        return new Parse.Invalid(HandshakeRule.WEBSOCKET_URI, detail);
    }
}
