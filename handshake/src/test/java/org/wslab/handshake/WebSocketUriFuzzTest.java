package org.wslab.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.wslab.handshake.spec.HandshakeRule;
import org.wslab.testkit.Props;

/**
 * RFC 6455 §3 URIs as users type them: anything given to {@link WebSocketUri#parse} is valid or a
 * typed {@link HandshakeRule#WEBSOCKET_URI} refusal — never an exception — and a valid one always
 * makes a request whose resource name is ASCII (RFC 3987 §3.1 maps the rest to percent-encoded UTF-8).
 */
class WebSocketUriFuzzTest {
    /** URI-ish text: a scheme, then characters from every class (ASCII, Latin-1, CJK, brackets, digits). */
    private static Gen<String> uriText() {
        Gen<String> tail = strings().betweenCodePoints(0x20, 0x7E).ofLengthBetween(0, 30)
                .mix(strings().betweenCodePoints(0x20, 0x3000).ofLengthBetween(0, 20))
                .mix(strings().allPossible().ofLengthBetween(0, 12));
        return tail.map(t -> "ws://" + t).mix(tail.map(t -> "wss://a" + t)).mix(tail.map(t -> "ws://[" + t));
    }

    // RFC 6455 §3: parse names an invalid URI with the rule instead of throwing; a valid one makes a request
    @Test
    void anyTextIsValidOrTypedAndAValidOneMakesAnAsciiRequest() {
        Props.qt(3000).forAll(uriText()).checkAssert(text -> {
            WebSocketUri.Parse p = WebSocketUri.parse(text);
            if (p instanceof WebSocketUri.Parse.Invalid bad) {
                assertEquals(HandshakeRule.WEBSOCKET_URI, bad.rule());
                return;
            }
            WebSocketUri uri = ((WebSocketUri.Parse.Valid) p).uri();
            ClientHandshake hs = ClientHandshake.create(uri, ClientOptions.defaults());
            String request = new String(hs.requestBytes(), StandardCharsets.ISO_8859_1);
            assertTrue(uri.resourceName().chars().allMatch(c -> c > 0x20 && c < 0x7F), uri.resourceName());
            assertTrue(request.startsWith("GET " + uri.resourceName() + " HTTP/1.1\r\n"), request);
        });
    }

    @Test
    void aNonAsciiPathIsPercentEncodedAsUtf8() {
        WebSocketUri uri = assertInstanceOf(WebSocketUri.Parse.Valid.class, WebSocketUri.parse("ws://a/Ã?q=é")).uri();
        assertEquals("/%C3%83?q=%C3%A9", uri.resourceName());
    }

    @Test
    void anAddressLiteralThatJavaNetUriCannotReadIsTyped() {
        WebSocketUri.Parse.Invalid bad = assertInstanceOf(WebSocketUri.Parse.Invalid.class,
                WebSocketUri.parse("ws://[::2147483648.1.1.1]/"));
        assertTrue(bad.detail().contains("malformed URI"), bad.detail());
    }

    @Test
    void aUnicodeHostAndUserInfoAreNamedAsWhatTheyAre() {
        WebSocketUri.Parse.Invalid unicode = assertInstanceOf(WebSocketUri.Parse.Invalid.class,
                WebSocketUri.parse("ws://bücher.example/chat"));
        assertTrue(unicode.detail().contains("not ASCII") && unicode.detail().contains("xn--bcher-kva.example"),
                unicode.detail());
        WebSocketUri.Parse.Invalid user = assertInstanceOf(WebSocketUri.Parse.Invalid.class,
                WebSocketUri.parse("ws://alice:secret@example.com/"));
        assertTrue(user.detail().startsWith("user info"), user.detail());
    }
}
