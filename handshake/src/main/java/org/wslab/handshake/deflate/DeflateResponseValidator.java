package org.wslab.handshake.deflate;

import java.util.List;
import java.util.Objects;
import org.wslab.handshake.extension.ExtensionOffer;

/**
 * Client side of permessage-deflate negotiation (RFC 7692 §7.1): checks the server's accepted
 * element against the client's offers and derives the agreed {@link DeflateParameters}.
 * The response is valid when it is consistent with at least one permessage-deflate offer.
 */
public final class DeflateResponseValidator {
    private DeflateResponseValidator() {}

    /** The client's verdict on a permessage-deflate response element (RFC 7692 §7.1, client side). */
    public sealed interface Verdict {
        /** Consistent with an offer. */
        record Agreed(DeflateParameters parameters) implements Verdict {
            public Agreed {
                Objects.requireNonNull(parameters, "parameters");
            }
        }

        /** Inconsistent with every offer; the client must fail the connection (RFC 6455 §4.1). */
        record Rejected(DeflateRule rule, String detail) implements Verdict {
            public Rejected {
                Objects.requireNonNull(rule, "rule");
                Objects.requireNonNull(detail, "detail");
            }
        }
    }

    /**
     * Checks {@code response} (a permessage-deflate element of the response) against the
     * permessage-deflate elements in {@code offered}. With several offers, the first consistent one
     * wins; if none is, the reason against the last is reported.
     */
    public static Verdict check(List<ExtensionOffer> offered, ExtensionOffer response) {
        Verdict last = new Verdict.Rejected(DeflateRule.RESPONSE_CLIENT_MAX_WINDOW_BITS_NOT_OFFERED,
                "permessage-deflate was not offered");
        for (ExtensionOffer offer : offered) {
            if (!DeflateOffer.isPermessageDeflate(offer)) {
                continue;
            }
            last = checkAgainst(offer, response);
            if (last instanceof Verdict.Agreed) {
                return last;
            }
        }
        return last;
    }

    /** Checks the response against one offer. */
    public static Verdict checkAgainst(ExtensionOffer offer, ExtensionOffer response) {
        DeflateOffer.Reading or = DeflateOffer.read(offer);
        if (or instanceof DeflateOffer.Reading.Invalid inv) {
            return new Verdict.Rejected(inv.rule(), "our own offer is invalid: " + inv.detail());
        }
        DeflateOffer.Reading rr = DeflateOffer.read(response);
        if (rr instanceof DeflateOffer.Reading.Invalid inv) {
            return new Verdict.Rejected(inv.rule(), inv.detail());
        }
        DeflateOffer o = ((DeflateOffer.Reading.Valid) or).offer();
        DeflateOffer r = ((DeflateOffer.Reading.Valid) rr).offer();
        if (o.serverNoContextTakeover() && !r.serverNoContextTakeover()) {
            return new Verdict.Rejected(DeflateRule.RESPONSE_SERVER_NO_CONTEXT_TAKEOVER,
                    "offered server_no_context_takeover, response lacks it");
        }
        if (o.serverMaxWindowBits().isPresent() && (r.serverMaxWindowBits().isEmpty()
                || r.serverMaxWindowBits().getAsInt() > o.serverMaxWindowBits().getAsInt())) {
            return new Verdict.Rejected(DeflateRule.RESPONSE_SERVER_MAX_WINDOW_BITS,
                    "offered server_max_window_bits=" + o.serverMaxWindowBits().getAsInt() + ", response has "
                            + (r.serverMaxWindowBits().isEmpty() ? "none" : r.serverMaxWindowBits().getAsInt()));
        }
        if (r.clientMaxWindowBitsPresent()) {
            if (!o.clientMaxWindowBitsPresent()) {
                return new Verdict.Rejected(DeflateRule.RESPONSE_CLIENT_MAX_WINDOW_BITS_NOT_OFFERED,
                        "response has client_max_window_bits, the offer did not");
            }
            if (r.clientMaxWindowBits().isEmpty()) {
                return new Verdict.Rejected(DeflateRule.RESPONSE_CLIENT_MAX_WINDOW_BITS_VALUE,
                        "client_max_window_bits without a value in a response");
            }
            if (o.clientMaxWindowBits().isPresent()
                    && r.clientMaxWindowBits().getAsInt() > o.clientMaxWindowBits().getAsInt()) {
                return new Verdict.Rejected(DeflateRule.RESPONSE_CLIENT_MAX_WINDOW_BITS_VALUE,
                        "client_max_window_bits=" + r.clientMaxWindowBits().getAsInt() + " above the offered "
                                + o.clientMaxWindowBits().getAsInt());
            }
        }
        int clientBits = r.clientMaxWindowBits().orElse(o.clientMaxWindowBits().orElse(15));
        return new Verdict.Agreed(new DeflateParameters(r.serverNoContextTakeover(),
                r.clientNoContextTakeover() || o.clientNoContextTakeover(),
                r.serverMaxWindowBits().orElse(15), clientBits));
    }
}
