package org.wslab.handshake.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wslab.handshake.http.HeaderField;
import org.wslab.handshake.http.Headers;

/**
 * What each header field means in an opening handshake request or response (RFC 6455 §4.1,
 * §4.2.2, §11.3; RFC 7692; the superseded hixie-75/76 drafts). Used by the explainer and by the
 * CLI to annotate every header line it prints.
 */
public final class HeaderCatalog {
    private HeaderCatalog() {}

    private record Entry(HeaderRole role, String section, String note) {}

    private static Entry e(HeaderRole role, String section, String note) {
        return new Entry(role, section, note);
    }

    private static final Map<String, Entry> OBSOLETE = Map.of(
            "sec-websocket-location", e(HeaderRole.OBSOLETE, "draft-hixie-76",
                    "pre-RFC 6455 (hixie-76) response field naming the URL; RFC 6455 dropped it"),
            "sec-websocket-origin", e(HeaderRole.OBSOLETE, "draft-hixie-76 / hybi-10",
                    "pre-RFC 6455 origin field; RFC 6455 uses Origin"),
            "sec-websocket-key1", e(HeaderRole.OBSOLETE, "draft-hixie-76", "hixie-76 key with spaces and digits; RFC 6455 uses Sec-WebSocket-Key"),
            "sec-websocket-key2", e(HeaderRole.OBSOLETE, "draft-hixie-76", "hixie-76 key with spaces and digits; RFC 6455 uses Sec-WebSocket-Key"),
            "websocket-location", e(HeaderRole.OBSOLETE, "draft-hixie-75", "hixie-75 response field; RFC 6455 dropped it"),
            "websocket-origin", e(HeaderRole.OBSOLETE, "draft-hixie-75", "hixie-75 response field; RFC 6455 dropped it"),
            "websocket-protocol", e(HeaderRole.OBSOLETE, "draft-hixie-75", "hixie-75 name of Sec-WebSocket-Protocol"),
            "sec-websocket-draft", e(HeaderRole.OBSOLETE, "draft-ietf-hybi-02/03", "early hybi draft number; RFC 6455 uses Sec-WebSocket-Version"));

    private static final Map<String, Entry> REQUEST = Map.ofEntries(
            Map.entry("host", e(HeaderRole.REQUIRED, "RFC 6455 §4.1 (4)", "the server's host[:port]")),
            Map.entry("upgrade", e(HeaderRole.REQUIRED, "RFC 6455 §4.1 (5)", "must hold \"websocket\"")),
            Map.entry("connection", e(HeaderRole.REQUIRED, "RFC 6455 §4.1 (6)", "must hold the token \"Upgrade\"")),
            Map.entry("sec-websocket-key", e(HeaderRole.REQUIRED, "RFC 6455 §4.1 (7)", "base64 of 16 random bytes; the server hashes it into the accept")),
            Map.entry("sec-websocket-version", e(HeaderRole.REQUIRED, "RFC 6455 §4.1 (9)", "must be 13")),
            Map.entry("origin", e(HeaderRole.OPTIONAL, "RFC 6455 §4.1 (8) / §4.2.2 (4) / §10.2", "sent by browsers; lets the server refuse foreign pages (403)")),
            Map.entry("sec-websocket-protocol", e(HeaderRole.OPTIONAL, "RFC 6455 §4.1 (10)", "sub-protocols the client speaks, preferred first")),
            Map.entry("sec-websocket-extensions", e(HeaderRole.OPTIONAL, "RFC 6455 §4.1 (11) / §9.1", "extension offers, e.g. permessage-deflate (RFC 7692)")),
            Map.entry("cookie", e(HeaderRole.UNRELATED, "RFC 6455 §4.1 (12)", "ordinary HTTP cookie; allowed, the server may use it to authenticate")),
            Map.entry("authorization", e(HeaderRole.UNRELATED, "RFC 6455 §4.1 (12)", "ordinary HTTP authentication; allowed")),
            Map.entry("accept-encoding", e(HeaderRole.UNRELATED, "", "HTTP content coding; never applies to frames (compression is permessage-deflate)")),
            Map.entry("pragma", e(HeaderRole.UNRELATED, "", "HTTP/1.0 cache directive; a handshake is never cached")),
            Map.entry("cache-control", e(HeaderRole.UNRELATED, "", "cache directive; a handshake is never cached")),
            Map.entry("user-agent", e(HeaderRole.UNRELATED, "", "the client software")),
            Map.entry("accept-language", e(HeaderRole.UNRELATED, "", "preferred languages; no meaning for WebSocket")));

    private static final Map<String, Entry> RESPONSE = Map.ofEntries(
            Map.entry("upgrade", e(HeaderRole.REQUIRED, "RFC 6455 §4.2.2 (5.2)", "\"websocket\", any case")),
            Map.entry("connection", e(HeaderRole.REQUIRED, "RFC 6455 §4.2.2 (5.3)", "the token \"Upgrade\"")),
            Map.entry("sec-websocket-accept", e(HeaderRole.REQUIRED, "RFC 6455 §4.2.2 (5.4)", "base64(SHA-1(key + GUID)), proves the server read the key")),
            Map.entry("sec-websocket-protocol", e(HeaderRole.OPTIONAL, "RFC 6455 §4.2.2 (5.5)", "the one sub-protocol the server picked")),
            Map.entry("sec-websocket-extensions", e(HeaderRole.OPTIONAL, "RFC 6455 §4.2.2 (5.6) / §9.1", "the extensions the server accepted, with parameters")),
            Map.entry("sec-websocket-version", e(HeaderRole.OPTIONAL, "RFC 6455 §4.4", "versions the server speaks, sent with a 426 refusal")),
            Map.entry("set-cookie", e(HeaderRole.UNRELATED, "RFC 6455 §4.2.2", "ordinary cookie; a 101 may set one")),
            Map.entry("origin", e(HeaderRole.UNRELATED, "", "a request field; in a response it means nothing (CORS uses Access-Control-Allow-Origin, and WebSocket does not use CORS)")),
            Map.entry("date", e(HeaderRole.UNRELATED, "", "when the response was generated")),
            Map.entry("expires", e(HeaderRole.UNRELATED, "", "cache expiry; a 101 is never cached")),
            Map.entry("pragma", e(HeaderRole.UNRELATED, "", "HTTP/1.0 cache directive; a 101 is never cached")),
            Map.entry("cache-control", e(HeaderRole.UNRELATED, "", "cache directive; a 101 is never cached")),
            Map.entry("x-xss-protection", e(HeaderRole.UNRELATED, "", "legacy browser XSS filter switch for HTML pages")),
            Map.entry("x-content-type-options", e(HeaderRole.UNRELATED, "", "MIME-sniffing switch for browsers; a 101 has no content")),
            Map.entry("x-frame-options", e(HeaderRole.UNRELATED, "", "framing switch for HTML pages")),
            Map.entry("server", e(HeaderRole.UNRELATED, "", "the server software")));

    /**
     * What differs in an answer that is not 101 (a refusal, RFC 6455 §4.2.1, §4.4): the connection
     * does not change protocols, so {@code Connection} only says whether TCP stays open.
     */
    private static final Map<String, Entry> REFUSAL = Map.of(
            "connection", e(HeaderRole.UNRELATED, "RFC 9110 §7.6.1",
                    "hop-by-hop: whether this TCP connection stays open; only a 101 must say \"Upgrade\""),
            "upgrade", e(HeaderRole.OPTIONAL, "RFC 9110 §15.5.22", "with a 426, the protocols the server would switch to"),
            "sec-websocket-accept", e(HeaderRole.UNRELATED, "RFC 6455 §4.2.2 (5.4)", "belongs in a 101 only"));

    /** Annotates a field of a request. */
    public static HeaderAnnotation request(HeaderField field) {
        return annotate(field, REQUEST);
    }

    /** Annotates a field of a response. */
    public static HeaderAnnotation response(HeaderField field) {
        return annotate(field, RESPONSE);
    }

    /** Annotates every field of a request, in order. */
    public static List<HeaderAnnotation> request(Headers headers) {
        List<HeaderAnnotation> out = new ArrayList<>();
        headers.fields().forEach(f -> out.add(request(f)));
        return out;
    }

    /** Annotates every field of a 101 response, in order. */
    public static List<HeaderAnnotation> response(Headers headers) {
        return response(101, headers);
    }

    /** Annotates every field of a response with {@code status}, in order: a refusal's fields as a refusal's. */
    public static List<HeaderAnnotation> response(int status, Headers headers) {
        List<HeaderAnnotation> out = new ArrayList<>();
        headers.fields().forEach(f -> out.add(status != 101 && REFUSAL.containsKey(f.name().toLowerCase(Locale.ROOT))
                ? annotate(f, REFUSAL) : response(f)));
        return out;
    }

    private static HeaderAnnotation annotate(HeaderField field, Map<String, Entry> table) {
        String name = field.name().toLowerCase(Locale.ROOT);
        Entry entry = OBSOLETE.get(name);
        if (entry == null) {
            entry = table.get(name);
        }
        if (entry == null) {
            entry = e(HeaderRole.UNRELATED, "", "not part of the WebSocket handshake");
        }
        return new HeaderAnnotation(field, entry.role(), entry.section(), entry.note());
    }
}
