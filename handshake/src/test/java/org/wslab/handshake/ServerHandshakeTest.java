package org.wslab.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wslab.handshake.http.HeadWriter;
import org.wslab.handshake.http.Headers;
import org.wslab.handshake.http.HttpParseFailure;
import org.wslab.handshake.http.HttpRule;
import org.wslab.handshake.http.HttpVersion;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.spec.HandshakeRule;

/** RFC 6455 §4.2.1–4.2.2: the server's 101 and each refusal with its typed rule. */
class ServerHandshakeTest {
    static final Headers RFC_REQUEST = Headers.of(
            "Host", "server.example.com",
            "Upgrade", "websocket",
            "Connection", "Upgrade",
            "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==",
            "Origin", "http://example.com",
            "Sec-WebSocket-Protocol", "chat, superchat",
            "Sec-WebSocket-Version", "13");

    static final ServerHandshake CHAT = new ServerHandshake(
            ServerPolicy.defaults().withSubprotocols(SubprotocolPolicy.CLIENT_ORDER, "chat"));

    @Test
    void rfc6455Section1_3ResponseIsProducedByteForByte() {
        ServerDecision d = CHAT.respond(RequestHead.get("/chat", RFC_REQUEST));
        ServerDecision.Accept accept = assertInstanceOf(ServerDecision.Accept.class, d);
        assertEquals("HTTP/1.1 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                + "Sec-WebSocket-Protocol: chat\r\n\r\n", new String(d.bytes(), StandardCharsets.ISO_8859_1));
        assertEquals(Optional.of("chat"), accept.subprotocol());
    }

    @Test
    void subprotocolPoliciesPickAsTheNotesAndAStompServerWould() {
        Headers stomp = RFC_REQUEST.without("Sec-WebSocket-Protocol")
                .with("Sec-WebSocket-Protocol", "v10.stomp, v11.stomp, v12.stomp");
        String[] supported = {"v12.stomp", "v11.stomp", "v10.stomp"};
        ServerDecision.Accept clientOrder = assertInstanceOf(ServerDecision.Accept.class, new ServerHandshake(
                ServerPolicy.defaults().withSubprotocols(SubprotocolPolicy.CLIENT_ORDER, supported))
                .respond(RequestHead.get("/", stomp)));
        assertEquals(Optional.of("v10.stomp"), clientOrder.subprotocol());
        ServerDecision.Accept serverPref = assertInstanceOf(ServerDecision.Accept.class, new ServerHandshake(
                ServerPolicy.defaults().withSubprotocols(SubprotocolPolicy.SERVER_PREFERENCE, supported))
                .respond(RequestHead.get("/", stomp)));
        assertEquals(Optional.of("v12.stomp"), serverPref.subprotocol());
    }

    @Test
    void noCommonSubprotocolMeansNoField() {
        ServerDecision.Accept a = assertInstanceOf(ServerDecision.Accept.class,
                new ServerHandshake(ServerPolicy.defaults()).respond(RequestHead.get("/", RFC_REQUEST)));
        assertEquals(Optional.empty(), a.subprotocol());
        assertEquals(false, a.response().headers().has("Sec-WebSocket-Protocol"));
    }

    @Test
    void permessageDeflateIsAnsweredAndCanBeSwitchedOff() {
        Headers offer = RFC_REQUEST.with("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits");
        ServerDecision.Accept on = assertInstanceOf(ServerDecision.Accept.class, CHAT.respond(RequestHead.get("/", offer)));
        assertEquals(Optional.of("permessage-deflate"), on.response().headers().first("Sec-WebSocket-Extensions"));
        ServerDecision.Accept off = assertInstanceOf(ServerDecision.Accept.class, new ServerHandshake(
                ServerPolicy.defaults().withPermessageDeflate(false)).respond(RequestHead.get("/", offer)));
        assertEquals(false, off.response().headers().has("Sec-WebSocket-Extensions"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Upgrade missing       | Upgrade               |                          | UPGRADE_WEBSOCKET  | 400",
        "Upgrade wrong         | Upgrade               | h2c                      | UPGRADE_WEBSOCKET  | 400",
        "Connection missing    | Connection            |                          | CONNECTION_UPGRADE | 400",
        "Connection keep-alive | Connection            | keep-alive               | CONNECTION_UPGRADE | 400",
        "Key missing           | Sec-WebSocket-Key     |                          | KEY_PRESENT_ONCE   | 400",
        "Key short             | Sec-WebSocket-Key     | dGhlIHNhbXBsZQ==         | KEY_IS_16_BYTES_BASE64 | 400",
        "Key not base64        | Sec-WebSocket-Key     | ************************ | KEY_IS_16_BYTES_BASE64 | 400",
        "Version 8             | Sec-WebSocket-Version | 8                        | VERSION_13         | 426",
        "Version missing       | Sec-WebSocket-Version |                          | VERSION_13         | 426",
        "Protocol not a token  | Sec-WebSocket-Protocol| chat, s@p                | SUBPROTOCOL_LIST   | 400",
        "Protocol repeated     | Sec-WebSocket-Protocol| chat, chat               | SUBPROTOCOL_LIST   | 400",
        "Extensions garbled    | Sec-WebSocket-Extensions | permessage-deflate; =1 | EXTENSIONS_SYNTAX | 400",
    })
    void refusals(String name, String field, String value, HandshakeRule rule, int status) {
        Headers h = RFC_REQUEST.without(field);
        if (value != null) {
            h = h.with(field, value);
        }
        ServerDecision.Refuse r = assertInstanceOf(ServerDecision.Refuse.class, CHAT.respond(RequestHead.get("/chat", h)));
        assertEquals(rule, r.rule(), name);
        assertEquals(status, r.status(), name);
        String body = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(body.startsWith(rule.section() + " " + rule.name()), body);
        assertEquals(String.valueOf(r.body().length), r.response().headers().first("Content-Length").orElseThrow());
    }

    @Test
    void aWrongVersionGets426NamingVersion13() {
        ServerDecision.Refuse r = assertInstanceOf(ServerDecision.Refuse.class, CHAT.respond(
                RequestHead.get("/", RFC_REQUEST.without("Sec-WebSocket-Version").with("Sec-WebSocket-Version", "8"))));
        assertEquals(426, r.status());
        assertEquals(Optional.of("13"), r.response().headers().first("Sec-WebSocket-Version"));
        assertTrue(new String(r.bytes(), StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 426 Upgrade Required\r\n"));
    }

    @Test
    void aForeignOriginGets403() {
        ServerHandshake strict = new ServerHandshake(ServerPolicy.defaults()
                .withOriginPolicy(OriginPolicy.only(Set.of("http://example.com"))));
        assertInstanceOf(ServerDecision.Accept.class, strict.respond(RequestHead.get("/", RFC_REQUEST)));
        assertInstanceOf(ServerDecision.Accept.class, strict.respond(RequestHead.get("/", RFC_REQUEST.without("Origin"))),
                "no Origin: not a browser");
        ServerDecision.Refuse r = assertInstanceOf(ServerDecision.Refuse.class, strict.respond(
                RequestHead.get("/", RFC_REQUEST.without("Origin").with("Origin", "http://evil.example"))));
        assertEquals(403, r.status());
        assertEquals(HandshakeRule.ORIGIN_ALLOWED, r.rule());
    }

    @Test
    void methodVersionAndTargetRulesHoldForConstructedHeads() {
        assertEquals(HandshakeRule.METHOD_GET, ((ServerDecision.Refuse) CHAT.respond(
                new RequestHead("POST", "/", HttpVersion.HTTP_1_1, RFC_REQUEST))).rule());
        assertEquals(HandshakeRule.HTTP_VERSION_1_1, ((ServerDecision.Refuse) CHAT.respond(
                new RequestHead("GET", "/", new HttpVersion(1, 0), RFC_REQUEST))).rule());
        assertEquals(HandshakeRule.REQUEST_TARGET, ((ServerDecision.Refuse) CHAT.respond(
                RequestHead.get("ftp://server.example.com/chat", RFC_REQUEST))).rule());
        assertEquals(HandshakeRule.HOST_PRESENT, ((ServerDecision.Refuse) CHAT.respond(
                RequestHead.get("/", RFC_REQUEST.without("Host")))).rule());
        assertInstanceOf(ServerDecision.Accept.class, CHAT.respond(RequestHead.get("ws://server.example.com/chat", RFC_REQUEST)),
                "absolute-form is accepted (RFC 9112 §3.2.2)");
    }

    @Test
    void parseFailuresBecome400Or431() {
        assertEquals(400, CHAT.refuse(new HttpParseFailure(HttpRule.BARE_CR, 3, "x")).status());
        ServerDecision.Refuse big = CHAT.refuse(new HttpParseFailure(HttpRule.HEADER_SECTION_LIMIT, 8192, "x"));
        assertEquals(431, big.status());
        assertEquals(List.of("close"), big.response().headers().all("Connection"));
        assertTrue(new String(HeadWriter.write(big.response()), StandardCharsets.ISO_8859_1)
                .startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n"));
    }
}
