package org.wslab.handshake.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wslab.handshake.spec.HandshakeRule;

/** RFC 6455 §9.1 extension lists: parameters, quoted strings, whitespace, repeated fields. */
class ExtensionHeaderTest {

    static List<ExtensionOffer> parsed(String value) {
        return assertInstanceOf(ExtensionHeader.Result.Parsed.class, ExtensionHeader.parse(value)).offers();
    }

    @Test
    void theNotesOffer() {
        assertEquals(List.of(ExtensionOffer.of("permessage-deflate", ExtensionParameter.of("client_max_window_bits"))),
                parsed("permessage-deflate; client_max_window_bits"));
    }

    @Test
    void rfc7692Section5ExampleWithTwoOffers() {
        assertEquals(List.of(
                ExtensionOffer.of("permessage-deflate", ExtensionParameter.of("client_max_window_bits", "10")),
                ExtensionOffer.of("permessage-deflate")),
                parsed("permessage-deflate; client_max_window_bits=10, permessage-deflate"));
    }

    @Test
    void quotedValuesAreUnescapedAndWhitespaceIsOptional() {
        assertEquals(parsed("foo;a=1;b;c=\"x\""), parsed("  foo ;a = \"1\" ; b;c=\"\\x\"  "));
        assertEquals(List.of(ExtensionOffer.of("foo", ExtensionParameter.of("a", "1")), ExtensionOffer.of("bar")),
                parsed("foo; a=\"1\",,  ,bar"));
    }

    @Test
    void repeatedFieldsFormOneList() {
        assertEquals(parsed("a, b; x"), assertInstanceOf(ExtensionHeader.Result.Parsed.class,
                ExtensionHeader.parse(List.of("a", "b; x"))).offers());
    }

    @Test
    void formatIsTheInverseOfParse() {
        List<ExtensionOffer> offers = parsed("permessage-deflate; server_no_context_takeover; client_max_window_bits=10, x");
        assertEquals("permessage-deflate; server_no_context_takeover; client_max_window_bits=10, x", ExtensionHeader.format(offers));
        assertEquals(offers, parsed(ExtensionHeader.format(offers)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo;", "foo; =1", "foo; a=", "foo; a=\"1", "foo; a=\"1 2\"", "foo bar", "foo; a=b=c",
        "\"foo\"", "foo; a=\"\"", "foo; a=\"x,y\""})
    void malformedListsAreTyped(String value) {
        ExtensionHeader.Result.Invalid bad = assertInstanceOf(ExtensionHeader.Result.Invalid.class, ExtensionHeader.parse(value));
        assertEquals(HandshakeRule.EXTENSIONS_SYNTAX, bad.rule());
    }
}
