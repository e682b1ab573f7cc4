package org.wslab.handshake.http;

import java.util.Locale;
import java.util.Optional;

/**
 * A GET request-target (RFC 9112 §3.2): origin-form {@code /chat?x=1} or absolute-form
 * {@code http://host:port/chat}. RFC 6455 §4.1 (2) lets a client send either; the notes' browser
 * trace shows {@code GET ws://localhost:8080/websocket/app}, absolute-form with a ws scheme.
 */
public sealed interface RequestTarget {

    /** The target exactly as written. */
    String raw();

    /** The /resource name/ of RFC 6455 §3: path (never empty, "/" at least) plus "?query" if any. */
    String resourceName();

    /** {@code /path?query}. */
    record OriginForm(String raw) implements RequestTarget {
        @Override
        public String resourceName() {
            return raw;
        }
    }

    /**
     * {@code scheme://authority/path?query}.
     *
     * @param scheme    lower-cased scheme, e.g. {@code ws} or {@code http}
     * @param authority host[:port] as written
     */
    record AbsoluteForm(String raw, String scheme, String authority, String resourceName) implements RequestTarget {}

    /**
     * Classifies a raw target; empty for anything that is neither form (asterisk-form, authority-form,
     * a relative path without "/", or characters outside RFC 3986's visible ASCII).
     */
    static Optional<RequestTarget> parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c <= 0x20 || c >= 0x7F || c == '#') {
                return Optional.empty();
            }
        }
        if (raw.charAt(0) == '/') {
            return Optional.of(new OriginForm(raw));
        }
        int colon = raw.indexOf("://");
        if (colon <= 0) {
            return Optional.empty();
        }
        String scheme = raw.substring(0, colon);
        if (!Character.isLetter(scheme.charAt(0))) {
            return Optional.empty();
        }
        for (int i = 0; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.')) {
                return Optional.empty();
            }
        }
        String rest = raw.substring(colon + 3);
        int slash = indexOfAny(rest, "/?");
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        if (authority.isEmpty() || authority.contains("@")) {
            return Optional.empty();
        }
        String resource = slash < 0 ? "/" : rest.substring(slash);
        if (resource.startsWith("?")) {
            resource = "/" + resource;
        }
        return Optional.of(new AbsoluteForm(raw, scheme.toLowerCase(Locale.ROOT), authority, resource));
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
