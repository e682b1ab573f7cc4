package org.wslab.handshake.deflate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.extension.ExtensionParameter;
import org.wslab.testkit.Props;

/** Properties of permessage-deflate negotiation (RFC 7692 §7.1). */
class DeflatePropertiesTest {
    private static final Set<String> BITS = Set.of("8", "9", "10", "11", "12", "13", "14", "15");

    /**
     * RFC 7692 §7.1 written out again, independently of {@link DeflateOffer}: the parameters by
     * lower-case name, or empty if the offer breaks a rule (unknown or repeated name, a value on a
     * no_context_takeover flag, window bits outside 8..15 or with a leading zero).
     */
    static Optional<Map<String, Optional<String>>> rfcValid(ExtensionOffer offer, boolean isResponse) {
        Map<String, Optional<String>> params = new HashMap<>();
        for (ExtensionParameter p : offer.parameters()) {
            String name = p.name().toLowerCase(Locale.ROOT);
            if (params.put(name, p.value()) != null) {
                return Optional.empty();
            }
            boolean ok = switch (name) {
                case "server_no_context_takeover", "client_no_context_takeover" -> p.value().isEmpty();
                case "server_max_window_bits" -> p.value().isPresent() && BITS.contains(p.value().get());
                case "client_max_window_bits" -> isResponse ? p.value().isPresent() && BITS.contains(p.value().get())
                        : p.value().isEmpty() || BITS.contains(p.value().get());
                default -> false;
            };
            if (!ok) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    /** Whether our server (java.util.zip: 15-bit window only) can honour a valid offer. */
    static boolean honourable(Map<String, Optional<String>> offer) {
        return offer.getOrDefault("server_max_window_bits", Optional.of("15")).map(v -> v.equals("15")).orElse(false);
    }

    static int bits(Optional<String> v) {
        return Integer.parseInt(v.orElseThrow());
    }

    @Test
    void negotiationNeverAcceptsWhatRfc7692Forbids() {
        // §7.1: the accepted offer is valid; the answer only holds parameters the offer allows,
        // answers server_no_context_takeover and server_max_window_bits when offered, never raises
        // a window, never names client_max_window_bits unless offered; earlier offers were
        // rightly declined; and the client side agrees on the same parameters
        Props.qt().forAll(DeflateGenerators.offerLists()).checkAssert(offers -> {
            DeflateNegotiation result = DeflateNegotiator.negotiate(offers);
            int firstHonourable = -1;
            for (int i = 0; i < offers.size(); i++) {
                ExtensionOffer o = offers.get(i);
                if (DeflateOffer.isPermessageDeflate(o) && rfcValid(o, false).map(DeflatePropertiesTest::honourable).orElse(false)) {
                    firstHonourable = i;
                    break;
                }
            }
            if (firstHonourable < 0) {
                assertInstanceOf(DeflateNegotiation.NoneAccepted.class, result);
                return;
            }
            DeflateNegotiation.Accepted a = assertInstanceOf(DeflateNegotiation.Accepted.class, result);
            assertEquals(firstHonourable, a.offerIndex(), "offers are tried in order");
            Map<String, Optional<String>> offer = rfcValid(offers.get(a.offerIndex()), false).orElseThrow();
            Map<String, Optional<String>> answer = rfcValid(a.response(), true).orElseThrow(
                    () -> new AssertionError("invalid response " + a.response()));
            assertEquals(offer.containsKey("server_no_context_takeover"), answer.containsKey("server_no_context_takeover"));
            if (offer.containsKey("server_max_window_bits")) {
                assertTrue(bits(answer.get("server_max_window_bits")) <= bits(offer.get("server_max_window_bits")));
            }
            if (answer.containsKey("client_max_window_bits")) {
                assertTrue(offer.containsKey("client_max_window_bits"));
                offer.get("client_max_window_bits").ifPresent(v ->
                        assertTrue(bits(answer.get("client_max_window_bits")) <= Integer.parseInt(v)));
            }
            assertEquals(15, a.parameters().serverMaxWindowBits(), "java.util.zip compresses with 15 bits only");
            DeflateResponseValidator.Verdict.Agreed client = assertInstanceOf(DeflateResponseValidator.Verdict.Agreed.class,
                    DeflateResponseValidator.checkAgainst(offers.get(a.offerIndex()), a.response()));
            assertEquals(a.parameters(), client.parameters(), "both ends derive the same parameters");
            assertEquals(a.offerIndex() - countOthersBefore(offers, a.offerIndex()), a.declined().size(),
                    "every earlier permessage-deflate offer is listed as declined");
        });
    }

    private static int countOthersBefore(List<ExtensionOffer> offers, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            if (!DeflateOffer.isPermessageDeflate(offers.get(i))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theClientRejectsEveryResponseRfc7692Forbids() {
        // §7.1 from the client's side: a response element the independent rules reject is rejected
        Props.qt().forAll(DeflateGenerators.offers(), DeflateGenerators.offers()).checkAssert((offer, response) -> {
            Optional<Map<String, Optional<String>>> o = rfcValid(offer, false);
            Optional<Map<String, Optional<String>>> r = rfcValid(response, true);
            DeflateResponseValidator.Verdict v = DeflateResponseValidator.checkAgainst(offer, response);
            boolean allowed = o.isPresent() && r.isPresent() && allowedAnswer(o.get(), r.get());
            assertEquals(allowed, v instanceof DeflateResponseValidator.Verdict.Agreed, v::toString);
        });
    }

    private static boolean allowedAnswer(Map<String, Optional<String>> offer, Map<String, Optional<String>> answer) {
        if (offer.containsKey("server_no_context_takeover") && !answer.containsKey("server_no_context_takeover")) {
            return false;
        }
        if (offer.containsKey("server_max_window_bits") && (!answer.containsKey("server_max_window_bits")
                || bits(answer.get("server_max_window_bits")) > bits(offer.get("server_max_window_bits")))) {
            return false;
        }
        if (answer.containsKey("client_max_window_bits")) {
            if (!offer.containsKey("client_max_window_bits")) {
                return false;
            }
            Optional<String> limit = offer.get("client_max_window_bits");
            return limit.isEmpty() || bits(answer.get("client_max_window_bits")) <= Integer.parseInt(limit.get());
        }
        return true;
    }

    @Test
    void extensionListsRoundTripThroughTheHeader() {
        // RFC 6455 §9.1: format then parse gives the same offers
        Props.qt().forAll(DeflateGenerators.offerLists()).checkAssert(offers ->
                assertEquals(offers, ((ExtensionHeader.Result.Parsed) ExtensionHeader.parse(ExtensionHeader.format(offers))).offers()));
    }
}
