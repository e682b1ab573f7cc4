package org.wslab.handshake.deflate;

import java.util.Objects;
import org.wslab.handshake.extension.ExtensionOffer;

/**
 * One permessage-deflate offer a server declined, and why (RFC 7692 §7.1). Declining is never an
 * error for the handshake: the server tries the next offer, or answers without the extension.
 *
 * @param offerIndex position of the offer in the request's whole extension list (0-based)
 * @param offer      the offer as written
 * @param rule       the rule it breaks, or our own limit ({@link DeflateRule#JDK_DEFLATER_WINDOW_IS_15})
 * @param detail     the parameter concerned, e.g. {@code server_max_window_bits=10}
 */
public record DeflateDecline(int offerIndex, ExtensionOffer offer, DeflateRule rule, String detail) {
    public DeflateDecline {
        Objects.requireNonNull(offer, "offer");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }
}
