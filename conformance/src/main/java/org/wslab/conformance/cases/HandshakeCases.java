package org.wslab.conformance.cases;

import java.util.ArrayList;
import java.util.List;
import org.wslab.conformance.CaseId;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Rule;
import org.wslab.conformance.Strictness;
import org.wslab.conformance.handshake.Delivery;
import org.wslab.conformance.handshake.HandshakeExpectation;
import org.wslab.conformance.handshake.HandshakeScript;
import org.wslab.conformance.handshake.RequestTemplate;

/**
 * The opening handshake's request rules (RFC 6455 §4.2.1, §4.4, RFC 9112 §3): each case writes the
 * request a conforming client sends ({@link RequestTemplate#standard()}) with one departure, and
 * checks the server refuses it (an error status, never 101) or, for a request that is still valid,
 * accepts it with the right {@code Sec-WebSocket-Accept} (§4.2.2 (5.4)). Ids are
 * {@code handshake.0.theme.n}: 1 key and accept, 2 version, 3 method, HTTP version and target,
 * 4 Upgrade and Connection, 5 Host. The negotiation themes are {@link HandshakeNegotiationCases}.
 * Ids start at 0 because ids sort by number before category: the handshake comes before
 * {@code framing.1.x}, as on the wire.
 */
public final class HandshakeCases {
    static final RequestTemplate STANDARD = RequestTemplate.standard();
    static final HandshakeExpectation ACCEPTS = new HandshakeExpectation.Accepts(false);
    static final HandshakeExpectation REFUSES = new HandshakeExpectation.Refuses(0, false);
    static final HandshakeExpectation RECORDS = new HandshakeExpectation.Records();
    private static final HandshakeExpectation VERSION_REFUSED = new HandshakeExpectation.Refuses(0, true);
    private static final HandshakeExpectation BAD_REQUEST = new HandshakeExpectation.Refuses(400, false);
    private static final String STOP = "; a server that finds the handshake does not match MUST stop processing it and"
            + " return an HTTP error (such as 400 Bad Request)";
    private static final Rule KEY = Rule.rfc6455("4.2.1 (5)", "the request has a |Sec-WebSocket-Key| field with a"
            + " base64-encoded value that, when decoded, is 16 bytes in length" + STOP);
    private static final Rule ONE_KEY = Rule.rfc6455("4.2.1 (5) / §11.3.1", "the |Sec-WebSocket-Key| field MUST NOT"
            + " appear more than once; a combined value \"k1, k2\" is not base64 of 16 bytes" + STOP);
    private static final Rule ACCEPT = Rule.rfc6455("4.2.2 (5.4)", "the 101 carries |Sec-WebSocket-Accept|, base64 of"
            + " the SHA-1 of the key (its value, whitespace around it not included, RFC 9110 §5.5) and"
            + " 258EAFA5-E914-47DA-95CA-C5AB0DC85B11");
    private static final Rule VERSION = Rule.rfc6455("4.4", "a server that does not understand the version asked for"
            + " MUST abort the handshake and send an appropriate HTTP error code (such as 426 Upgrade Required, §4.2.2 (4);"
            + " §4.4's own example is 400) and a |Sec-WebSocket-Version| header field with the versions it understands");
    private static final Rule VERSION_13 = Rule.rfc6455("4.2.1 (6) / §11.3.5", "the request has one"
            + " |Sec-WebSocket-Version| field, with a value of 13 (it MUST NOT appear more than once)" + STOP);
    private static final Rule GET_1_1 = Rule.rfc6455("4.2.1 (1) / §4.1 (2)", "the request is an HTTP/1.1 or higher"
            + " GET request (the method MUST be GET, the version at least 1.1)" + STOP);
    private static final Rule UPGRADE = Rule.rfc6455("4.2.1 (3)", "the request has an |Upgrade| field containing the"
            + " value \"websocket\", treated as an ASCII case-insensitive value" + STOP);
    private static final Rule CONNECTION = Rule.rfc6455("4.2.1 (4)", "the request has a |Connection| field that"
            + " includes the token \"Upgrade\", treated as an ASCII case-insensitive value; field lines of one name"
            + " form one comma-separated list (RFC 9110 §5.3)" + STOP);
    private static final Rule HOST = new Rule("RFC 9112 §3.2", "a server MUST respond with 400 (Bad Request) to any"
            + " HTTP/1.1 request that lacks a Host header field and to any request that contains more than one Host"
            + " header field line (RFC 6455 §4.2.1 (2): the request has a |Host| field)");

    private HandshakeCases() {}

    /** The 34 cases of themes 1-5. */
    public static List<ConformanceCase> cases() {
        List<ConformanceCase> c = new ArrayList<>();
        // 1: the key and the accept value
        c.add(must(id(1, 1), ACCEPT, "the standard request with the key of §1.3 (dGhlIHNhbXBsZSBub25jZQ==)", STANDARD, ACCEPTS));
        c.add(must(id(1, 2), KEY, "no Sec-WebSocket-Key field", STANDARD.without("Sec-WebSocket-Key"), REFUSES));
        c.add(must(id(1, 3), KEY, "an empty Sec-WebSocket-Key", STANDARD.with("Sec-WebSocket-Key", ""), REFUSES));
        c.add(must(id(1, 4), KEY, "the key \"abc\"", STANDARD.with("Sec-WebSocket-Key", "abc"), REFUSES));
        c.add(must(id(1, 5), KEY, "a key of 15 bytes (AAAAAAAAAAAAAAAAAAAA)",
                STANDARD.with("Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAA"), REFUSES));
        c.add(must(id(1, 6), KEY, "a key of 17 bytes (AAAAAAAAAAAAAAAAAAAAAAA=)",
                STANDARD.with("Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAAAAA="), REFUSES));
        c.add(must(id(1, 7), KEY, "a 24-character key with characters outside base64 (dGhlIHNhbXBsZSBub25jZQ!!)",
                STANDARD.with("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ!!"), REFUSES));
        c.add(must(id(1, 8), ONE_KEY, "two keys in one Sec-WebSocket-Key field",
                STANDARD.with("Sec-WebSocket-Key", RequestTemplate.SAMPLE_KEY + ", x3JJHMbDL1EzLkh9GBhXDw=="), REFUSES));
        c.add(must(id(1, 9), ONE_KEY, "two Sec-WebSocket-Key field lines",
                STANDARD.plus("Sec-WebSocket-Key", "x3JJHMbDL1EzLkh9GBhXDw=="), REFUSES));
        c.add(must(id(1, 10), ACCEPT, "the key with spaces and a tab around it (OWS, not part of the value)",
                STANDARD.with("Sec-WebSocket-Key", "  " + RequestTemplate.SAMPLE_KEY + " \t"), ACCEPTS));
        c.add(must(id(1, 11), KEY, "a key with a space inside (dGhlIHNhbXBs ZSBub25jZQ==)",
                STANDARD.with("Sec-WebSocket-Key", "dGhlIHNhbXBs ZSBub25jZQ=="), REFUSES));
        // 2: the version
        c.add(must(id(2, 1), VERSION_13, "no Sec-WebSocket-Version field", STANDARD.without("Sec-WebSocket-Version"), REFUSES));
        c.add(must(id(2, 2), VERSION, "Sec-WebSocket-Version: 8 (draft hybi-10)",
                STANDARD.with("Sec-WebSocket-Version", "8"), VERSION_REFUSED));
        c.add(must(id(2, 3), VERSION, "Sec-WebSocket-Version: 12", STANDARD.with("Sec-WebSocket-Version", "12"), VERSION_REFUSED));
        c.add(must(id(2, 4), VERSION, "Sec-WebSocket-Version: 14", STANDARD.with("Sec-WebSocket-Version", "14"), VERSION_REFUSED));
        c.add(must(id(2, 5), VERSION, "Sec-WebSocket-Version: abc", STANDARD.with("Sec-WebSocket-Version", "abc"), VERSION_REFUSED));
        c.add(must(id(2, 6), VERSION_13, "Sec-WebSocket-Version: 13, 8 (a list)",
                STANDARD.with("Sec-WebSocket-Version", "13, 8"), REFUSES));
        c.add(must(id(2, 7), VERSION_13, "two Sec-WebSocket-Version: 13 field lines",
                STANDARD.plus("Sec-WebSocket-Version", "13"), REFUSES));
        // 3: method, HTTP version, request target
        c.add(must(id(3, 1), GET_1_1, "POST instead of GET", STANDARD.startLine("POST {path} HTTP/1.1"), REFUSES));
        c.add(must(id(3, 2), GET_1_1, "HEAD instead of GET", STANDARD.startLine("HEAD {path} HTTP/1.1"), REFUSES));
        c.add(must(id(3, 3), GET_1_1, "an HTTP/1.0 request", STANDARD.startLine("GET {path} HTTP/1.0"), REFUSES));
        c.add(must(id(3, 4), new Rule("RFC 9112 §3.2.2", "a server MUST accept the absolute-form in requests"
                        + " (RFC 6455 §4.1 (3): the request-target may be an absolute URI)"),
                "the request-target in absolute-form (GET http://host/path)",
                STANDARD.startLine("GET http://{host}{path} HTTP/1.1"), ACCEPTS));
        c.add(with(Strictness.SHOULD, id(3, 5), new Rule("RFC 9112 §2.2", "a server that is expecting to receive and"
                        + " parse a request-line SHOULD ignore at least one empty line (CRLF) received prior to the request-line"),
                "an empty line before the request line", STANDARD.startLine("\r\nGET {path} HTTP/1.1"), Delivery.ONE_WRITE,
                ACCEPTS));
        // 4: Upgrade and Connection
        c.add(must(id(4, 1), UPGRADE, "no Upgrade field", STANDARD.without("Upgrade"), REFUSES));
        c.add(must(id(4, 2), UPGRADE, "Upgrade: h2c (not websocket)", STANDARD.with("Upgrade", "h2c"), REFUSES));
        c.add(must(id(4, 3), UPGRADE, "Upgrade: WebSocket (mixed case)", STANDARD.with("Upgrade", "WebSocket"), ACCEPTS));
        c.add(with(Strictness.INFORMATIONAL, id(4, 4), UPGRADE, "two Upgrade: websocket field lines (\"websocket,"
                + " websocket\" once combined)", STANDARD.plus("Upgrade", "websocket"), Delivery.ONE_WRITE, RECORDS));
        c.add(must(id(4, 5), CONNECTION, "no Connection field", STANDARD.without("Connection"), REFUSES));
        c.add(must(id(4, 6), CONNECTION, "Connection: keep-alive (no Upgrade token)",
                STANDARD.with("Connection", "keep-alive"), REFUSES));
        c.add(must(id(4, 7), CONNECTION, "Connection: keep-alive, Upgrade (as Firefox sends it)",
                STANDARD.with("Connection", "keep-alive, Upgrade"), ACCEPTS));
        c.add(must(id(4, 8), CONNECTION, "Connection: upgrade (lower case)", STANDARD.with("Connection", "upgrade"), ACCEPTS));
        c.add(must(id(4, 9), CONNECTION, "Connection: keep-alive and Connection: Upgrade on two lines",
                STANDARD.with("Connection", "keep-alive").plus("Connection", "Upgrade"), ACCEPTS));
        // 5: Host
        c.add(must(id(5, 1), HOST, "no Host field", STANDARD.without("Host"), BAD_REQUEST));
        c.add(must(id(5, 2), HOST, "two Host field lines", STANDARD.plus("Host", "other.example"), BAD_REQUEST));
        return c;
    }

    static CaseId id(int theme, int n) {
        return CaseId.of("handshake", 0, theme, n);
    }

    static ConformanceCase must(CaseId id, Rule rule, String title, RequestTemplate request, HandshakeExpectation e) {
        return new ConformanceCase(id, title, rule, new HandshakeScript(title, request, e), Strictness.MUST);
    }

    static ConformanceCase with(Strictness s, CaseId id, Rule rule, String title, RequestTemplate request, Delivery d,
                                HandshakeExpectation e) {
        return new ConformanceCase(id, title, rule, new HandshakeScript(title, request, d, e), s);
    }
}
