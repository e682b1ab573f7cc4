package org.wslab.handshake.deflate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.extension.ExtensionOffer;

/** RFC 7692 §7.1 examples: what our server accepts, declines, and answers. */
class DeflateNegotiatorTest {

    static List<ExtensionOffer> offers(String header) {
        return ((ExtensionHeader.Result.Parsed) ExtensionHeader.parse(header)).offers();
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
        "permessage-deflate                                          | permessage-deflate                                | false | false | 15 | 15",
        "permessage-deflate; client_max_window_bits                  | permessage-deflate                                | false | false | 15 | 15",
        "permessage-deflate; client_max_window_bits=10               | permessage-deflate                                | false | false | 15 | 10",
        "permessage-deflate; server_no_context_takeover              | permessage-deflate; server_no_context_takeover    | true  | false | 15 | 15",
        "permessage-deflate; client_no_context_takeover              | permessage-deflate; client_no_context_takeover    | false | true  | 15 | 15",
        "permessage-deflate; server_max_window_bits=15               | permessage-deflate; server_max_window_bits=15     | false | false | 15 | 15",
        "permessage-deflate; server_max_window_bits=\"15\"           | permessage-deflate; server_max_window_bits=15     | false | false | 15 | 15",
        "Permessage-Deflate; Client_Max_Window_Bits=8                | permessage-deflate                                | false | false | 15 | 8",
    })
    void acceptedOffers(String offer, String response, boolean snct, boolean cnct, int sbits, int cbits) {
        DeflateNegotiation.Accepted a = assertInstanceOf(DeflateNegotiation.Accepted.class, DeflateNegotiator.negotiate(offers(offer)));
        assertEquals(response, a.response().toString());
        assertEquals(new DeflateParameters(snct, cnct, sbits, cbits), a.parameters());
    }

    @ParameterizedTest(name = "[{0}] declined: {1}")
    @CsvSource(delimiter = '|', value = {
        "permessage-deflate; server_max_window_bits=10                          | JDK_DEFLATER_WINDOW_IS_15",
        "permessage-deflate; server_max_window_bits=8                           | JDK_DEFLATER_WINDOW_IS_15",
        "permessage-deflate; server_max_window_bits                             | SERVER_MAX_WINDOW_BITS_VALUE",
        "permessage-deflate; server_max_window_bits=16                          | SERVER_MAX_WINDOW_BITS_VALUE",
        "permessage-deflate; server_max_window_bits=010                         | SERVER_MAX_WINDOW_BITS_VALUE",
        "permessage-deflate; server_max_window_bits=7                           | SERVER_MAX_WINDOW_BITS_VALUE",
        "permessage-deflate; client_max_window_bits=16                          | CLIENT_MAX_WINDOW_BITS_VALUE",
        "permessage-deflate; client_max_window_bits=09                          | CLIENT_MAX_WINDOW_BITS_VALUE",
        "permessage-deflate; server_no_context_takeover=true                    | NO_CONTEXT_TAKEOVER_HAS_NO_VALUE",
        "permessage-deflate; client_no_context_takeover; client_no_context_takeover | DUPLICATE_PARAMETER",
        "permessage-deflate; client_max_window_bits; client_max_window_bits=10  | DUPLICATE_PARAMETER",
        "permessage-deflate; mystery                                            | UNKNOWN_PARAMETER",
    })
    void declinedOffers(String offer, DeflateRule rule) {
        DeflateNegotiation.NoneAccepted none = assertInstanceOf(DeflateNegotiation.NoneAccepted.class,
                DeflateNegotiator.negotiate(offers(offer)));
        assertEquals(1, none.declined().size());
        assertEquals(rule, none.declined().get(0).rule());
    }

    @Test
    void offersAreTriedInOrderAndOtherExtensionsSkipped() {
        DeflateNegotiation.Accepted a = assertInstanceOf(DeflateNegotiation.Accepted.class, DeflateNegotiator.negotiate(offers(
                "x-webkit-deflate-frame, permessage-deflate; server_max_window_bits=10, permessage-deflate; foo, "
                        + "permessage-deflate; client_max_window_bits=12, permessage-deflate")));
        assertEquals(3, a.offerIndex());
        assertEquals(List.of(DeflateRule.JDK_DEFLATER_WINDOW_IS_15, DeflateRule.UNKNOWN_PARAMETER),
                a.declined().stream().map(DeflateDecline::rule).toList());
        assertEquals(12, a.parameters().clientMaxWindowBits());
        assertEquals(false, a.parameters().jdkDeflaterAllowed(false), "the client promised a 12-bit window");
        assertEquals(true, a.parameters().jdkDeflaterAllowed(true));
    }

    @Test
    void noOfferNoDeflate() {
        assertEquals(new DeflateNegotiation.NoneAccepted(List.of()), DeflateNegotiator.negotiate(offers("x-foo")));
    }

    @Test
    void clientSideChecksOfResponses() {
        List<ExtensionOffer> offered = offers("permessage-deflate; server_max_window_bits=12; client_max_window_bits");
        assertEquals(new DeflateParameters(false, false, 10, 9), assertInstanceOf(DeflateResponseValidator.Verdict.Agreed.class,
                DeflateResponseValidator.check(offered, offers("permessage-deflate; server_max_window_bits=10; client_max_window_bits=9").get(0)))
                .parameters());
        assertEquals(DeflateRule.RESPONSE_SERVER_MAX_WINDOW_BITS, assertInstanceOf(DeflateResponseValidator.Verdict.Rejected.class,
                DeflateResponseValidator.check(offered, offers("permessage-deflate; server_max_window_bits=13").get(0))).rule());
        assertEquals(DeflateRule.RESPONSE_CLIENT_MAX_WINDOW_BITS_VALUE, assertInstanceOf(DeflateResponseValidator.Verdict.Rejected.class,
                DeflateResponseValidator.check(offered, offers("permessage-deflate; server_max_window_bits=12; client_max_window_bits").get(0))).rule());
        assertEquals(DeflateRule.RESPONSE_SERVER_NO_CONTEXT_TAKEOVER, assertInstanceOf(DeflateResponseValidator.Verdict.Rejected.class,
                DeflateResponseValidator.check(offers("permessage-deflate; server_no_context_takeover"),
                        offers("permessage-deflate").get(0))).rule());
    }
}
