package org.wslab.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wslab.handshake.deflate.DeflateNegotiator;
import org.wslab.handshake.deflate.DeflateParameters;
import org.wslab.handshake.deflate.DeflateRule;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.http.HeadWriter;
import org.wslab.handshake.http.Headers;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.spec.HandshakeRule;
import org.wslab.handshake.spec.SpecRule;

/** RFC 6455 §3 URIs, §4.1 request building and the client's checks of the response. */
class ClientHandshakeTest {

    static WebSocketUri uri(String text) {
        return assertInstanceOf(WebSocketUri.Parse.Valid.class, WebSocketUri.parse(text)).uri();
    }

    static ClientHandshake chat() {
        return ClientHandshake.create(uri("ws://server.example.com/chat"),
                ClientOptions.defaults().withSubprotocols("chat", "superchat").withOrigin("http://example.com")
                        .withExtensions(DeflateNegotiator.defaultClientOffer()),
                new Random(42));
    }

    /** A valid 101 for {@code hs}, with extra fields. */
    static ResponseHead ok(ClientHandshake hs, String... extra) {
        Headers h = Headers.of("Upgrade", "websocket", "Connection", "Upgrade", "Sec-WebSocket-Accept", hs.expectedAccept());
        for (int i = 0; i < extra.length; i += 2) {
            h = h.with(extra[i], extra[i + 1]);
        }
        return ResponseHead.of(101, "Switching Protocols", h);
    }

    @Test
    void requestIsBuiltInTheRfcOrder() {
        ClientHandshake hs = chat();
        assertTrue(AcceptKey.isValidKey(hs.key()));
        assertEquals("GET /chat HTTP/1.1\r\n"
                + "Host: server.example.com\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + hs.key() + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Origin: http://example.com\r\n"
                + "Sec-WebSocket-Protocol: chat, superchat\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate\r\n\r\n",
                new String(hs.requestBytes(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void ourRequestPassesOurServer() {
        assertInstanceOf(ServerDecision.Accept.class, new ServerHandshake(ServerPolicy.defaults()).respond(chat().request()));
    }

    @Test
    void extraHeadersAppendOrReplaceGeneratedOnes() {
        ClientHandshake hs = ClientHandshake.create(uri("ws://h:81/"), ClientOptions.defaults()
                .withHeader("Sec-WebSocket-Version", "8").withHeader("X-Trace", "1"), new Random(1));
        assertEquals(List.of("8"), hs.request().headers().all("Sec-WebSocket-Version"));
        assertEquals(Optional.of("1"), hs.request().headers().first("X-Trace"));
        assertEquals(Optional.of("h:81"), hs.request().headers().first("Host"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ws://example.com              | false | example.com | 80    | /",
        "wss://example.com             | true  | example.com | 443   | /",
        "ws://example.com:8080/a/b?c=d | false | example.com | 8080  | /a/b?c=d",
        "WS://[::1]:9000/x             | false | ::1         | 9000  | /x",
    })
    void validUris(String text, boolean secure, String host, int port, String resource) {
        assertEquals(new WebSocketUri(secure, host, port, resource), uri(text.strip()));
    }

    @Test
    void hostHeaderOmitsTheDefaultPortAndBracketsIpv6() {
        assertEquals("example.com", uri("ws://example.com:80/").hostHeader());
        assertEquals("[::1]:9000", uri("ws://[::1]:9000/").hostHeader());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/", "example.com", "ws://example.com/#frag", "ws:///path", "ws://ex ample.com/",
        "ws://user@example.com/", "ws://example.com:0/"})
    void invalidUrisAreTyped(String text) {
        WebSocketUri.Parse.Invalid bad = assertInstanceOf(WebSocketUri.Parse.Invalid.class, WebSocketUri.parse(text));
        assertEquals(HandshakeRule.WEBSOCKET_URI, bad.rule());
    }

    @Test
    void aValidResponseIsAccepted() {
        ClientHandshake hs = chat();
        ClientVerdict.Accepted a = assertInstanceOf(ClientVerdict.Accepted.class, hs.validate(
                ok(hs, "Sec-WebSocket-Protocol", "superchat", "Sec-WebSocket-Extensions", "permessage-deflate; server_no_context_takeover")));
        assertEquals(Optional.of("superchat"), a.subprotocol());
        assertEquals(Optional.of(new DeflateParameters(true, false, 15, 15)), a.deflate());
        assertEquals(List.of(ExtensionOffer.of("permessage-deflate",
                org.wslab.handshake.extension.ExtensionParameter.of("server_no_context_takeover"))), a.extensions());
    }

    static SpecRule rejection(ClientHandshake hs, ResponseHead response) {
        return assertInstanceOf(ClientVerdict.Rejected.class, hs.validate(response)).rule();
    }

    @Test
    void eachResponseRuleIsTyped() {
        ClientHandshake hs = chat();
        Headers good = ok(hs).headers();
        assertEquals(HandshakeRule.STATUS_101, rejection(hs, ResponseHead.of(200, "OK", good)));
        assertEquals(HandshakeRule.RESPONSE_UPGRADE_WEBSOCKET,
                rejection(hs, ResponseHead.of(101, "S", good.without("Upgrade").with("Upgrade", "h2c"))));
        assertEquals(HandshakeRule.RESPONSE_CONNECTION_UPGRADE,
                rejection(hs, ResponseHead.of(101, "S", good.without("Connection"))));
        assertEquals(HandshakeRule.ACCEPT_MATCHES_KEY, rejection(hs, ResponseHead.of(101, "S",
                good.without("Sec-WebSocket-Accept").with("Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="))));
        assertEquals(HandshakeRule.ACCEPT_MATCHES_KEY, rejection(hs, ResponseHead.of(101, "S",
                good.with("Sec-WebSocket-Accept", hs.expectedAccept()))), "twice");
        assertEquals(HandshakeRule.RESPONSE_EXTENSIONS_OFFERED, rejection(hs, ok(hs, "Sec-WebSocket-Extensions", "x-foo")));
        assertEquals(HandshakeRule.RESPONSE_SUBPROTOCOL_OFFERED, rejection(hs, ok(hs, "Sec-WebSocket-Protocol", "wamp")));
        assertEquals(HandshakeRule.RESPONSE_SUBPROTOCOL_OFFERED, rejection(hs, ok(hs, "Sec-WebSocket-Protocol", "chat, superchat")));
        assertEquals(DeflateRule.RESPONSE_CLIENT_MAX_WINDOW_BITS_NOT_OFFERED,
                rejection(hs, ok(hs, "Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits=10")));
        assertEquals(DeflateRule.RESPONSE_ACCEPTS_ONCE,
                rejection(hs, ok(hs, "Sec-WebSocket-Extensions", "permessage-deflate, permessage-deflate")));
        assertEquals(DeflateRule.UNKNOWN_PARAMETER,
                rejection(hs, ok(hs, "Sec-WebSocket-Extensions", "permessage-deflate; x=1")));
    }

    @Test
    void theRejectionDetailShowsTheExpectedAccept() {
        ClientHandshake hs = chat();
        ClientVerdict.Rejected r = assertInstanceOf(ClientVerdict.Rejected.class, hs.validate(ResponseHead.of(101, "S",
                ok(hs).headers().without("Sec-WebSocket-Accept").with("Sec-WebSocket-Accept", "AAAA"))));
        assertTrue(r.detail().endsWith("expected " + hs.expectedAccept()), r.detail());
    }

    @Test
    void reportListsEveryCheck() {
        ClientHandshake hs = chat();
        assertEquals(6, hs.report(ok(hs)).checks().size());
        assertTrue(new String(HeadWriter.write(ok(hs)), StandardCharsets.ISO_8859_1).contains(hs.expectedAccept()));
    }
}
