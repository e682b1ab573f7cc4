package org.wslab.handshake.deflate;

import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.extension.ExtensionParameter;

/**
 * The parameters of one permessage-deflate element (offer or response), read and checked against
 * RFC 7692 §7.1: only the four defined parameters, each at most once, no value on the
 * no_context_takeover flags, window bits 8..15 written as decimal without leading zeros.
 *
 * @param serverNoContextTakeover   {@code server_no_context_takeover} present
 * @param clientNoContextTakeover   {@code client_no_context_takeover} present
 * @param serverMaxWindowBits       the value of {@code server_max_window_bits}, if present
 * @param clientMaxWindowBitsPresent {@code client_max_window_bits} present (with or without value)
 * @param clientMaxWindowBits       its value, if it has one
 */
public record DeflateOffer(boolean serverNoContextTakeover, boolean clientNoContextTakeover,
                           OptionalInt serverMaxWindowBits, boolean clientMaxWindowBitsPresent,
                           OptionalInt clientMaxWindowBits) {
    /** The extension token, {@code permessage-deflate} (RFC 7692 §7). */
    public static final String NAME = "permessage-deflate";

    public DeflateOffer {
        Objects.requireNonNull(serverMaxWindowBits, "serverMaxWindowBits");
        Objects.requireNonNull(clientMaxWindowBits, "clientMaxWindowBits");
    }

    /** The outcome of reading an element's parameters (RFC 7692 §7.1): valid, or the rule broken. */
    public sealed interface Reading {
        /** All parameters valid. */
        record Valid(DeflateOffer offer) implements Reading {}

        /** A parameter breaks {@code rule}. */
        record Invalid(DeflateRule rule, String detail) implements Reading {}
    }

    /** Whether this element names permessage-deflate (extension tokens compare case-insensitively). */
    public static boolean isPermessageDeflate(ExtensionOffer element) {
        return element.name().equalsIgnoreCase(NAME);
    }

    /** Reads a permessage-deflate element's parameters. */
    public static Reading read(ExtensionOffer element) {
        boolean snct = false;
        boolean cnct = false;
        OptionalInt smwb = OptionalInt.empty();
        boolean cmwbPresent = false;
        OptionalInt cmwb = OptionalInt.empty();
        Set<String> seen = new HashSet<>();
        for (ExtensionParameter p : element.parameters()) {
            String name = p.name();
            if (!seen.add(name.toLowerCase(java.util.Locale.ROOT))) {
                return new Reading.Invalid(DeflateRule.DUPLICATE_PARAMETER, name + " appears twice");
            }
            switch (name.toLowerCase(java.util.Locale.ROOT)) {
                case "server_no_context_takeover", "client_no_context_takeover" -> {
                    if (p.value().isPresent()) {
                        return new Reading.Invalid(DeflateRule.NO_CONTEXT_TAKEOVER_HAS_NO_VALUE, p.toString());
                    }
                    if (name.toLowerCase(java.util.Locale.ROOT).startsWith("server")) {
                        snct = true;
                    } else {
                        cnct = true;
                    }
                }
                case "server_max_window_bits" -> {
                    OptionalInt bits = windowBits(p.value());
                    if (bits.isEmpty()) {
                        return new Reading.Invalid(DeflateRule.SERVER_MAX_WINDOW_BITS_VALUE, p.toString());
                    }
                    smwb = bits;
                }
                case "client_max_window_bits" -> {
                    cmwbPresent = true;
                    if (p.value().isPresent()) {
                        cmwb = windowBits(p.value());
                        if (cmwb.isEmpty()) {
                            return new Reading.Invalid(DeflateRule.CLIENT_MAX_WINDOW_BITS_VALUE, p.toString());
                        }
                    }
                }
                default -> {
                    return new Reading.Invalid(DeflateRule.UNKNOWN_PARAMETER, name);
                }
            }
        }
        return new Reading.Valid(new DeflateOffer(snct, cnct, smwb, cmwbPresent, cmwb));
    }

    /** 8..15 written as one or two decimal digits without a leading zero (RFC 7692 §7.1.2.1). */
    private static OptionalInt windowBits(Optional<String> value) {
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        String v = value.get();
        if (v.length() == 1 && (v.equals("8") || v.equals("9"))) {
            return OptionalInt.of(v.charAt(0) - '0');
        }
        if (v.length() == 2 && v.charAt(0) == '1' && v.charAt(1) >= '0' && v.charAt(1) <= '5') {
            return OptionalInt.of(10 + v.charAt(1) - '0');
        }
        return OptionalInt.empty();
    }
}
