package org.wslab.handshake.deflate;

import java.util.ArrayList;
import java.util.List;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.extension.ExtensionParameter;

/**
 * Server side of permessage-deflate negotiation (RFC 7692 §7.1): tries the offers in order and
 * accepts the first one it can honour, declining (never failing) the others.
 *
 * <h2>Window bits and java.util.zip</h2>
 * {@link java.util.zip.Deflater} has no window-size setting: it always compresses with a 15-bit
 * (32 KiB) window, and {@link java.util.zip.Inflater} always accepts windows up to 15 bits. Hence:
 * <ul>
 *   <li>{@code server_max_window_bits=N} (§7.1.2.1) asks <em>our compressor</em> to stay within
 *       2^N bytes. For N = 15 we accept and answer {@code server_max_window_bits=15}; for N &lt; 15
 *       we cannot, so the offer is declined ({@link DeflateRule#JDK_DEFLATER_WINDOW_IS_15}) and the
 *       next one tried. (Accepting and then never compressing would satisfy the letter of §6 but
 *       advertise a compression that never happens; declining is honest, and clients usually send
 *       a plainer fallback offer.)</li>
 *   <li>{@code client_max_window_bits} (§7.1.2.2) only constrains <em>the client's</em> compressor.
 *       Our inflater can read any window up to 15 bits, so we never need to limit the client: we
 *       accept the offer and do not include the parameter in our response. If the offer carried a
 *       value the client promised to stay within it, and {@link DeflateParameters#clientMaxWindowBits()}
 *       records that value; otherwise 15.</li>
 * </ul>
 * {@code server_no_context_takeover} is honoured (the engine resets its compressor per message) and
 * echoed as §7.1.1.1 requires; {@code client_no_context_takeover} is echoed when offered (§7.1.1.2
 * allows it; it tells the client what it already promised). Invalid, unknown or duplicate
 * parameters decline that offer (§7.1) — never an error response.
 */
public final class DeflateNegotiator {
    private DeflateNegotiator() {}

    /** The outcome for one offer: accepted, or declined naming the RFC 7692 §7.1 rule it breaks. */
    public sealed interface OfferDecision {
        /** Accepted: the response element and the agreed parameters. */
        record Accept(ExtensionOffer response, DeflateParameters parameters) implements OfferDecision {}

        /** Declined for {@code rule}. */
        record Decline(DeflateRule rule, String detail) implements OfferDecision {}
    }

    /** Decides one permessage-deflate offer (its name is not checked here). */
    public static OfferDecision decide(ExtensionOffer offer) {
        DeflateOffer.Reading reading = DeflateOffer.read(offer);
        if (reading instanceof DeflateOffer.Reading.Invalid invalid) {
            return new OfferDecision.Decline(invalid.rule(), invalid.detail());
        }
        DeflateOffer o = ((DeflateOffer.Reading.Valid) reading).offer();
        if (o.serverMaxWindowBits().isPresent() && o.serverMaxWindowBits().getAsInt() < 15) {
            return new OfferDecision.Decline(DeflateRule.JDK_DEFLATER_WINDOW_IS_15,
                    "server_max_window_bits=" + o.serverMaxWindowBits().getAsInt());
        }
        List<ExtensionParameter> answer = new ArrayList<>();
        if (o.serverNoContextTakeover()) {
            answer.add(ExtensionParameter.of("server_no_context_takeover"));
        }
        if (o.clientNoContextTakeover()) {
            answer.add(ExtensionParameter.of("client_no_context_takeover"));
        }
        if (o.serverMaxWindowBits().isPresent()) {
            answer.add(ExtensionParameter.of("server_max_window_bits", "15"));
        }
        DeflateParameters agreed = new DeflateParameters(o.serverNoContextTakeover(), o.clientNoContextTakeover(),
                15, o.clientMaxWindowBits().orElse(15));
        return new OfferDecision.Accept(new ExtensionOffer(DeflateOffer.NAME, answer), agreed);
    }

    /**
     * Tries every permessage-deflate element of the request's extension list in order; other
     * extensions are skipped (this module supports no other).
     */
    public static DeflateNegotiation negotiate(List<ExtensionOffer> offers) {
        List<DeflateDecline> declined = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) {
            ExtensionOffer offer = offers.get(i);
            if (!DeflateOffer.isPermessageDeflate(offer)) {
                continue;
            }
            OfferDecision d = decide(offer);
            if (d instanceof OfferDecision.Accept a) {
                return new DeflateNegotiation.Accepted(i, a.response(), a.parameters(), declined);
            }
            OfferDecision.Decline no = (OfferDecision.Decline) d;
            declined.add(new DeflateDecline(i, offer, no.rule(), no.detail()));
        }
        return new DeflateNegotiation.NoneAccepted(declined);
    }

    /** The offer a client of this module makes by default: plain {@code permessage-deflate}. */
    public static ExtensionOffer defaultClientOffer() {
        return ExtensionOffer.of(DeflateOffer.NAME);
    }
}
