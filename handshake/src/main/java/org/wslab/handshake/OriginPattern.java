package org.wslab.handshake;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of a server's Origin allow-list (RFC 6455 §4.2.2 (4) /origin/, §10.2): an origin
 * serialized as RFC 6454 §6.2 does, {@code scheme://host[:port]}, where the port may be {@code *}
 * (any port) and the host may start with a {@code *.} label (any one or more labels in front of the
 * rest), or the literal {@code null} (the Origin of sandboxed and {@code file:} pages, RFC 6454 §7.3).
 *
 * <p>Scheme and host compare ignoring ASCII case (RFC 6454 §4); a missing port is the scheme's
 * default (80 for http/ws, 443 for https/wss), so {@code https://a.example} and
 * {@code https://a.example:443} are the same origin.
 *
 * @param text   the pattern as written
 * @param scheme the scheme, lower case ({@code null} for the {@code null} pattern)
 * @param host   the host, lower case, without its leading {@code *.} when {@link #anySubdomain}
 * @param anySubdomain whether the host was written {@code *.host}
 * @param port   the port, -1 when written {@code *}, 0 for the {@code null} pattern
 */
public record OriginPattern(String text, String scheme, String host, boolean anySubdomain, int port) {
    private static final Pattern ORIGIN = Pattern.compile(
            "([A-Za-z][A-Za-z0-9+.-]*)://(\\*\\.)?(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9_~-]+(?:\\.[A-Za-z0-9_~-]+)*)(?::(\\*|[0-9]{1,5}))?");

    /**
     * Reads a pattern; a malformed one throws {@link IllegalArgumentException} whose message says what
     * is wrong in one line.
     */
    public static OriginPattern parse(String text) {
        if (text.equals("null")) {
            return new OriginPattern(text, null, null, false, 0);
        }
        Matcher m = ORIGIN.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an origin pattern: expected scheme://host[:port]"
                    + " (port may be *, host may start with *.) or null, with no path");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        int port = m.group(4) == null ? defaultPort(scheme) : m.group(4).equals("*") ? -1 : Integer.parseInt(m.group(4));
        if (port == 0 || port > 65_535) {
            throw new IllegalArgumentException("'" + text + "': port must be 1-65535 or *, not " + m.group(4));
        }
        if (m.group(2) != null && m.group(3).startsWith("[")) {
            throw new IllegalArgumentException("'" + text + "': *. goes before a host name, not an IP literal");
        }
        return new OriginPattern(text, scheme, m.group(3).toLowerCase(Locale.ROOT), m.group(2) != null, port);
    }

    /** Whether an Origin header value is matched by this pattern (a malformed value never is). */
    public boolean matches(String origin) {
        if (scheme == null) {
            return origin.equals("null");
        }
        Optional<OriginPattern> o = parseOrigin(origin);
        if (o.isEmpty() || !o.get().scheme.equals(scheme) || (port != -1 && o.get().port != port)) {
            return false;
        }
        String h = o.get().host;
        return anySubdomain ? h.endsWith("." + host) : h.equals(host);
    }

    private static Optional<OriginPattern> parseOrigin(String origin) {
        Matcher m = ORIGIN.matcher(origin);
        if (!m.matches() || m.group(2) != null || "*".equals(m.group(4))) {
            return Optional.empty();
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        int port = m.group(4) == null ? defaultPort(scheme) : Integer.parseInt(m.group(4));
        return Optional.of(new OriginPattern(origin, scheme, m.group(3).toLowerCase(Locale.ROOT), false, port));
    }

    /** The default port of an origin's scheme (RFC 6454 §4 step 5), -2 when it has none we know. */
    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            default -> -2;
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
