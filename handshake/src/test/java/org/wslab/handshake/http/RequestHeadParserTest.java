package org.wslab.handshake.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Examples for each typed failure of the request parser (RFC 9112 §2–5, RFC 6455 §4.1). */
class RequestHeadParserTest {
    static final String RFC_EXAMPLE = "GET /chat HTTP/1.1\r\n"
            + "Host: server.example.com\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + "Origin: http://example.com\r\n"
            + "Sec-WebSocket-Protocol: chat, superchat\r\n"
            + "Sec-WebSocket-Version: 13\r\n\r\n";

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static HttpParseFailure failure(String text) {
        return assertInstanceOf(ParseResult.Failed.class, RequestHeadParser.parse(ascii(text))).failure();
    }

    static RequestHead parsed(String text) {
        ParseResult.Parsed<?> p = assertInstanceOf(ParseResult.Parsed.class, RequestHeadParser.parse(ascii(text)));
        return (RequestHead) p.head();
    }

    @Test
    void rfc6455Section1_3RequestParses() {
        RequestHead head = parsed(RFC_EXAMPLE);
        assertEquals("/chat", head.target());
        assertInstanceOf(RequestTarget.OriginForm.class, head.parsedTarget());
        assertEquals(List.of("chat", "superchat"), head.headers().tokens("sec-websocket-protocol"));
        assertArrayEquals(ascii(RFC_EXAMPLE), HeadWriter.write(head), "byte-exact round trip");
    }

    @Test
    void bytesAfterTheHeadAreLeftToTheCaller() {
        byte[] bytes = ascii(RFC_EXAMPLE + "\u0081\u0085rest");
        ParseResult.Parsed<?> p = assertInstanceOf(ParseResult.Parsed.class, new RequestHeadParser().feed(bytes));
        assertEquals(RFC_EXAMPLE.length(), p.consumed());
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertInstanceOf(ParseResult.Parsed.class, new RequestHeadParser().feed(buffer));
        assertEquals(RFC_EXAMPLE.length(), buffer.position(), "the buffer stops at the first frame byte");
    }

    @Test
    void needMoreUntilTheEmptyLine() {
        RequestHeadParser parser = new RequestHeadParser();
        byte[] all = ascii(RFC_EXAMPLE);
        assertInstanceOf(ParseResult.NeedMore.class, parser.feed(all, 0, all.length - 1));
        ParseResult.Parsed<?> p = assertInstanceOf(ParseResult.Parsed.class, parser.feed(all, all.length - 1, 1));
        assertEquals(1, p.consumed());
    }

    @Test
    void repeatedFieldsCombineAndNamesIgnoreCase() {
        RequestHead head = parsed("GET / HTTP/1.1\r\nhost: a\r\nsec-websocket-protocol: a,  b\r\n"
                + "SEC-WEBSOCKET-PROTOCOL:c\r\nConnection: keep-alive, Upgrade\r\n\r\n");
        assertEquals(List.of("a", "b", "c"), head.headers().tokens("Sec-WebSocket-Protocol"));
        assertEquals(true, head.headers().hasToken("connection", "upgrade"));
        assertEquals("host", head.headers().fields().get(0).name(), "the case as written is kept");
    }

    @Test
    void lfOnlyLineEndsAreAccepted() {
        RequestHead head = parsed(RFC_EXAMPLE.replace("\r\n", "\n"));
        assertEquals(parsed(RFC_EXAMPLE), head);
    }

    @Test
    void leadingEmptyLinesAreSkipped() {
        assertEquals(parsed(RFC_EXAMPLE), parsed("\r\n\r\n" + RFC_EXAMPLE));
    }

    @Test
    void absoluteFormTargetParses() {
        RequestHead head = parsed("GET http://example.com:8080/chat?room=1 HTTP/1.1\r\nHost: example.com:8080\r\n\r\n");
        RequestTarget.AbsoluteForm t = assertInstanceOf(RequestTarget.AbsoluteForm.class, head.parsedTarget());
        assertEquals("http", t.scheme());
        assertEquals("/chat?room=1", t.resourceName());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "obs-fold            | GET / HTTP/1.1\\r\\nHost: a\\r\\nX-A: 1\\r\\n  continued\\r\\n\\r\\n | OBSOLETE_LINE_FOLDING",
        "space before fields | GET / HTTP/1.1\\r\\n Host: a\\r\\n\\r\\n                        | OBSOLETE_LINE_FOLDING",
        "bare CR in line     | GET / HTTP/1.1\\r\\nHost: a\\rb\\r\\n\\r\\n                      | BARE_CR",
        "bare CR at end      | GET / HTTP/1.1\\r\\nHost: a\\r\\r\\n\\r\\n                      | BARE_CR",
        "missing Host        | GET / HTTP/1.1\\r\\nUpgrade: websocket\\r\\n\\r\\n               | HOST_PRESENT",
        "two Hosts           | GET / HTTP/1.1\\r\\nHost: a\\r\\nHost: b\\r\\n\\r\\n               | HOST_PRESENT",
        "POST                | POST / HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                         | METHOD_GET",
        "lower-case get      | get / HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                          | METHOD_GET",
        "Content-Length body | GET / HTTP/1.1\\r\\nHost: a\\r\\nContent-Length: 5\\r\\n\\r\\n     | NO_REQUEST_BODY",
        "chunked body        | GET / HTTP/1.1\\r\\nHost: a\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n | NO_REQUEST_BODY",
        "no colon            | GET / HTTP/1.1\\r\\nHost a\\r\\n\\r\\n                           | FIELD_LINE_SYNTAX",
        "space before colon  | GET / HTTP/1.1\\r\\nHost : a\\r\\n\\r\\n                         | FIELD_NAME_TOKEN",
        "empty name          | GET / HTTP/1.1\\r\\n: a\\r\\n\\r\\n                              | FIELD_NAME_TOKEN",
        "NUL in value        | GET / HTTP/1.1\\r\\nHost: a\\u0000b\\r\\n\\r\\n                  | FIELD_VALUE_CHARACTERS",
        "two spaces          | GET  / HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                         | REQUEST_LINE_SYNTAX",
        "no version          | GET /\\r\\nHost: a\\r\\n\\r\\n                                   | REQUEST_LINE_SYNTAX",
        "bad version         | GET / HTTP/1.10\\r\\nHost: a\\r\\n\\r\\n                         | HTTP_VERSION_SYNTAX",
        "relative target     | GET chat HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                       | REQUEST_TARGET_FORM",
        "asterisk target     | GET * HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                          | REQUEST_TARGET_FORM",
        "fragment in target  | GET /a#b HTTP/1.1\\r\\nHost: a\\r\\n\\r\\n                       | REQUEST_TARGET_FORM",
    })
    void typedFailures(String name, String text, HttpRule rule) {
        String unescaped = text.strip().replace("\\r", "\r").replace("\\n", "\n").replace("\\u0000", "\u0000");
        assertEquals(rule, failure(unescaped).rule(), name);
    }

    @Test
    void contentLengthZeroIsNoBody() {
        assertEquals("0", parsed("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n").headers().first("content-length").orElseThrow());
    }

    @Test
    void headerSectionLimitIsCrossedByOneByte() {
        String start = "GET / HTTP/1.1\r\nHost: a\r\nX: ";
        String end = "\r\n\r\n";
        int limit = HeadLimits.DEFAULT_MAX_HEAD_BYTES;
        String fits = start + "v".repeat(limit - start.length() - end.length()) + end;
        assertEquals(limit, fits.length());
        parsed(fits);
        String over = start + "v".repeat(limit - start.length() - end.length() + 1) + end;
        HttpParseFailure f = failure(over);
        assertEquals(HttpRule.HEADER_SECTION_LIMIT, f.rule());
        assertEquals(limit, f.offset());
    }

    @Test
    void configuredLimitsApply() {
        HeadLimits small = new HeadLimits(64, 2);
        byte[] three = ascii("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\nB: 2\r\n\r\n");
        assertEquals(HttpRule.FIELD_COUNT_LIMIT,
                assertInstanceOf(ParseResult.Failed.class, new RequestHeadParser(small).feed(three)).failure().rule());
        byte[] two = ascii("GET / HTTP/1.1\r\nHost: a\r\nA: 1\r\n\r\n");
        assertInstanceOf(ParseResult.Parsed.class, new RequestHeadParser(small).feed(two));
        byte[] endless = ascii("GET / HTTP/1.1\r\nHost: " + "a".repeat(100));
        assertEquals(HttpRule.HEADER_SECTION_LIMIT,
                assertInstanceOf(ParseResult.Failed.class, new RequestHeadParser(small).feed(endless)).failure().rule());
    }

    @Test
    void aFailedParserStaysFailed() {
        RequestHeadParser parser = new RequestHeadParser();
        ParseResult<RequestHead> first = parser.feed(ascii("POST / HTTP/1.1\r\n"));
        assertInstanceOf(ParseResult.Failed.class, first);
        assertEquals(first, parser.feed(ascii("Host: a\r\n\r\n")));
    }
}
