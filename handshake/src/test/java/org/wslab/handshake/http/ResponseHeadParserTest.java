package org.wslab.handshake.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Examples for the response parser (RFC 9112 §4–5). */
class ResponseHeadParserTest {
    static final String RFC_EXAMPLE = "HTTP/1.1 101 Switching Protocols\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
            + "Sec-WebSocket-Protocol: chat\r\n\r\n";

    static ParseResult<ResponseHead> parse(String s) {
        return ResponseHeadParser.parse(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void rfc6455Section1_3ResponseParsesAndRoundTrips() {
        ResponseHead head = (ResponseHead) assertInstanceOf(ParseResult.Parsed.class, parse(RFC_EXAMPLE)).head();
        assertEquals(101, head.status());
        assertEquals("Switching Protocols", head.reason());
        assertArrayEquals(RFC_EXAMPLE.getBytes(StandardCharsets.ISO_8859_1), HeadWriter.write(head));
    }

    @Test
    void anyStatusParsesAndABodyIsLeftToTheCaller() {
        String text = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";
        ParseResult.Parsed<?> p = assertInstanceOf(ParseResult.Parsed.class, parse(text));
        assertEquals(text.length() - 5, p.consumed());
        assertEquals(200, ((ResponseHead) p.head()).status());
    }

    @Test
    void missingReasonIsTolerated() {
        ResponseHead head = (ResponseHead) assertInstanceOf(ParseResult.Parsed.class, parse("HTTP/1.1 101\r\n\r\n")).head();
        assertEquals("", head.reason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "garbage           | SSH-2.0-OpenSSH_9.6\\r\\n\\r\\n          | STATUS_LINE_SYNTAX",
        "two-digit status  | HTTP/1.1 99 Odd\\r\\n\\r\\n             | STATUS_LINE_SYNTAX",
        "letters in status | HTTP/1.1 1O1 Switching\\r\\n\\r\\n      | STATUS_LINE_SYNTAX",
        "bad version       | HTTX/1.1 101 Switching\\r\\n\\r\\n      | HTTP_VERSION_SYNTAX",
        "obs-fold          | HTTP/1.1 101 S\\r\\nA: 1\\r\\n\\tb\\r\\n\\r\\n | OBSOLETE_LINE_FOLDING",
        "bare CR           | HTTP/1.1 101 S\\rX\\r\\n\\r\\n          | BARE_CR",
        "field w/o colon   | HTTP/1.1 101 S\\r\\nUpgrade\\r\\n\\r\\n | FIELD_LINE_SYNTAX",
    })
    void typedFailures(String name, String text, HttpRule rule) {
        String unescaped = text.strip().replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t");
        assertEquals(rule, assertInstanceOf(ParseResult.Failed.class, parse(unescaped)).failure().rule(), name);
    }

    @Test
    void binaryGarbageWithoutLineEndsStopsAtTheLimit() {
        byte[] junk = new byte[HeadLimits.DEFAULT_MAX_HEAD_BYTES + 1];
        java.util.Arrays.fill(junk, (byte) 0x17);
        HttpParseFailure f = assertInstanceOf(ParseResult.Failed.class, ResponseHeadParser.parse(junk)).failure();
        assertEquals(HttpRule.HEADER_SECTION_LIMIT, f.rule());
    }
}
