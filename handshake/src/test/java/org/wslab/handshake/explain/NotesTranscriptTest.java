package org.wslab.handshake.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wslab.handshake.http.HttpVersion;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.RequestHeadParser;
import org.wslab.handshake.http.RequestTarget;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.http.ResponseHeadParser;
import org.wslab.handshake.spec.HandshakeRule;
import org.wslab.handshake.spec.Outcome;
import org.wslab.handshake.spec.RuleCheck;

/**
 * The source notes' recorded handshake (websocket-stomp-notes.zh.md, its two code blocks) as a
 * fixture: parsed verbatim, and explained with its findings (RFC 6455 §4.2.2: the accept does not match the key).
 */
class NotesTranscriptTest {
    static final String CRLF = "notes-transcript.crlf.txt";
    static final String LF = "notes-transcript.lf.txt";

    static byte[] resource(String name) throws IOException {
        try (InputStream in = NotesTranscriptTest.class.getResourceAsStream("/" + name)) {
            return in.readAllBytes();
        }
    }

    static Transcript split(String name) throws IOException {
        return assertInstanceOf(Transcript.Reading.Split.class, Transcript.read(resource(name))).transcript();
    }

    /** base64(SHA-1(key + GUID)) computed here, independently of AcceptKey. */
    static String independentAccept(String key) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-1")
                .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().encodeToString(d);
    }

    @ParameterizedTest
    @ValueSource(strings = {CRLF, LF})
    void requestParsesVerbatim(String file) throws IOException {
        RequestHead head = assertInstanceOf(ParseResult.Parsed.class,
                RequestHeadParser.parse(split(file).request())).head() instanceof RequestHead r ? r : null;
        assertEquals("GET", head.method());
        assertEquals("ws://localhost:8080/websocket/app", head.target());
        assertEquals(HttpVersion.HTTP_1_1, head.version());
        RequestTarget.AbsoluteForm target = assertInstanceOf(RequestTarget.AbsoluteForm.class, head.parsedTarget());
        assertEquals("ws", target.scheme());
        assertEquals("localhost:8080", target.authority());
        assertEquals("/websocket/app", target.resourceName());
        assertEquals(14, head.headers().fields().size());
        assertEquals(Optional.of("I88buTTIKcJE1QKxHAMpnA=="), head.headers().first("sec-websocket-key"));
        assertEquals(List.of("v10.stomp", "v11.stomp", "v12.stomp"), head.headers().tokens("Sec-WebSocket-Protocol"));
        assertEquals(Optional.of("_ga=GA1.1.13036277.1526997915; m="), head.headers().first("Cookie"));
        assertEquals(Optional.of("permessage-deflate; client_max_window_bits"),
                head.headers().first("Sec-WebSocket-Extensions"));
        assertEquals("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_4) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/66.0.3359.181 Safari/537.36", head.headers().first("User-Agent").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {CRLF, LF})
    void responseParsesVerbatim(String file) throws IOException {
        ParseResult<ResponseHead> r = ResponseHeadParser.parse(split(file).response());
        ResponseHead head = org.wslab.handshake.http.HeadPropertiesTest.parsedHead(r);
        assertEquals(101, head.status());
        assertEquals("Switching Protocols", head.reason());
        assertEquals(12, head.headers().fields().size());
        assertEquals(Optional.of("WebSocket"), head.headers().first("upgrade"));
        assertEquals(Optional.of("G+NHta8H3Mjiol8xeT3T3Tilabw="), head.headers().first("Sec-WebSocket-Accept"));
        assertEquals(Optional.of("1; mode=block"), head.headers().first("X-XSS-Protection"));
        assertEquals(Optional.of("Thu, 07 Jun 2018 04:45:14 GMT"), head.headers().first("Date"));
    }

    @Test
    void crlfFixtureIsByteExactWireFormat() throws IOException {
        String text = new String(resource(CRLF), StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("GET ws://localhost:8080/websocket/app HTTP/1.1\r\nHost: localhost:8080\r\n"));
        assertTrue(text.contains("v12.stomp\r\n\r\nHTTP/1.1 101 Switching Protocols\r\n"));
        assertFalse(text.replace("\r\n", "").contains("\n"), "every LF is preceded by CR");
    }

    @ParameterizedTest
    @ValueSource(strings = {CRLF, LF})
    void explainerNamesTheAcceptMismatchWithTheCorrectValue(String file) throws Exception {
        Explanation e = TranscriptExplainer.explainFile(resource(file));
        RuleCheck accept = single(e, HandshakeRule.ACCEPT_MATCHES_KEY);
        assertEquals(Outcome.FAIL, accept.outcome());
        String expected = independentAccept("I88buTTIKcJE1QKxHAMpnA==");
        assertTrue(accept.detail().contains("G+NHta8H3Mjiol8xeT3T3Tilabw="), accept.detail());
        assertTrue(accept.detail().contains("I88buTTIKcJE1QKxHAMpnA=="), accept.detail());
        assertTrue(accept.detail().contains("expected " + expected), accept.detail());
        assertEquals(List.of(accept), e.failures(), "the accept is the transcript's only broken rule");
    }

    @ParameterizedTest
    @ValueSource(strings = {CRLF, LF})
    void explainerFindsTheOtherRequiredFacts(String file) throws Exception {
        Explanation e = TranscriptExplainer.explainFile(resource(file));

        RuleCheck hixie = single(e, HandshakeRule.OBSOLETE_HIXIE_HEADER);
        assertTrue(hixie.detail().startsWith("Sec-WebSocket-Location in the response"), hixie.detail());
        assertTrue(hixie.detail().contains("hixie-76"), hixie.detail());

        RuleCheck target = single(e, HandshakeRule.REQUEST_TARGET);
        assertEquals(Outcome.PASS, target.outcome());
        assertTrue(target.detail().startsWith("absolute-form ws://localhost:8080/websocket/app"), target.detail());

        RuleCheck sub = single(e, HandshakeRule.SUBPROTOCOL_CHOSEN);
        assertTrue(sub.detail().startsWith("the server picked v10.stomp of 3 offered"), sub.detail());

        RuleCheck deflate = single(e, HandshakeRule.PERMESSAGE_DEFLATE_OUTCOME);
        assertTrue(deflate.detail().startsWith("permessage-deflate offered (permessage-deflate; client_max_window_bits) "
                + "but not accepted"), deflate.detail());

        assertEquals(Outcome.PASS, single(e, HandshakeRule.RESPONSE_UPGRADE_WEBSOCKET).outcome(), "WebSocket ~ websocket");
        assertEquals(Outcome.PASS, single(e, HandshakeRule.RESPONSE_SUBPROTOCOL_OFFERED).outcome());
        assertEquals(Outcome.PASS, single(e, HandshakeRule.KEY_IS_16_BYTES_BASE64).outcome());
    }

    @Test
    void everyHeaderIsClassified() throws Exception {
        Explanation e = TranscriptExplainer.explainFile(resource(CRLF));
        assertEquals(14, e.requestHeaders().size());
        assertEquals(12, e.responseHeaders().size());
        assertEquals(HeaderRole.REQUIRED, role(e.requestHeaders(), "Sec-WebSocket-Key"));
        assertEquals(HeaderRole.REQUIRED, role(e.requestHeaders(), "Host"));
        assertEquals(HeaderRole.OPTIONAL, role(e.requestHeaders(), "Sec-WebSocket-Protocol"));
        assertEquals(HeaderRole.OPTIONAL, role(e.requestHeaders(), "Origin"));
        assertEquals(HeaderRole.UNRELATED, role(e.requestHeaders(), "User-Agent"));
        assertEquals(HeaderRole.REQUIRED, role(e.responseHeaders(), "Sec-WebSocket-Accept"));
        assertEquals(HeaderRole.OBSOLETE, role(e.responseHeaders(), "Sec-WebSocket-Location"));
        assertEquals(HeaderRole.UNRELATED, role(e.responseHeaders(), "Origin"));
        assertEquals(HeaderRole.UNRELATED, role(e.responseHeaders(), "X-XSS-Protection"));
        assertTrue(e.requestHeaders().get(11).label().startsWith("[required] RFC 6455 §4.1 (7)"),
                e.requestHeaders().get(11).label());
    }

    private static HeaderRole role(List<HeaderAnnotation> notes, String name) {
        return notes.stream().filter(a -> a.field().is(name)).findFirst().orElseThrow().role();
    }

    private static RuleCheck single(Explanation e, HandshakeRule rule) {
        List<RuleCheck> found = e.checksOf(rule);
        assertEquals(1, found.size(), rule + " in " + e.checks());
        return found.get(0);
    }
}
