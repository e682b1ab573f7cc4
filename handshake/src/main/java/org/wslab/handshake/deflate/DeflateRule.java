package org.wslab.handshake.deflate;

import org.wslab.handshake.spec.SpecRule;

/**
 * The negotiation rules of permessage-deflate (RFC 7692 §7.1): why a server declines an offer,
 * and why a client rejects a server's acceptance. Includes the one limit that is ours, not the
 * RFC's: {@link #JDK_DEFLATER_WINDOW_IS_15}.
 */
public enum DeflateRule implements SpecRule {
    // --- offer validity (server side), RFC 7692 §7.1 -----------------------------------------
    UNKNOWN_PARAMETER("RFC 7692 §7.1",
            "an offer holding a parameter permessage-deflate does not define is declined"),
    DUPLICATE_PARAMETER("RFC 7692 §7.1", "an offer holding the same parameter twice is declined"),
    NO_CONTEXT_TAKEOVER_HAS_NO_VALUE("RFC 7692 §7.1.1.1 / §7.1.1.2",
            "server_no_context_takeover and client_no_context_takeover carry no value"),
    SERVER_MAX_WINDOW_BITS_VALUE("RFC 7692 §7.1.2.1",
            "server_max_window_bits carries a decimal value 8..15 without leading zeros"),
    CLIENT_MAX_WINDOW_BITS_VALUE("RFC 7692 §7.1.2.2",
            "client_max_window_bits carries no value (offer only) or a decimal value 8..15 without leading zeros"),
    JDK_DEFLATER_WINDOW_IS_15("RFC 7692 §7.1.2.1 + java.util.zip.Deflater",
            "java.util.zip.Deflater always compresses with a 15-bit window, so an offer that needs "
                    + "server_max_window_bits < 15 from us is declined"),

    // --- response validity (client side), RFC 7692 §7.1 --------------------------------------
    RESPONSE_ACCEPTS_ONCE("RFC 7692 §5 / RFC 6455 §9.1", "a response accepts permessage-deflate at most once"),
    RESPONSE_SERVER_NO_CONTEXT_TAKEOVER("RFC 7692 §7.1.1.1",
            "a server accepting an offer with server_no_context_takeover includes it in the response"),
    RESPONSE_SERVER_MAX_WINDOW_BITS("RFC 7692 §7.1.2.1",
            "a server accepting an offer with server_max_window_bits answers it with the same or a smaller value"),
    RESPONSE_CLIENT_MAX_WINDOW_BITS_NOT_OFFERED("RFC 7692 §7.1.2.2",
            "a response includes client_max_window_bits only if the offer did"),
    RESPONSE_CLIENT_MAX_WINDOW_BITS_VALUE("RFC 7692 §7.1.2.2",
            "client_max_window_bits in a response has a value 8..15, not above the offer's value"),
    ;

    private final String section;
    private final String statement;

    DeflateRule(String section, String statement) {
        this.section = section;
        this.statement = statement;
    }

    @Override
    public String section() {
        return section;
    }

    @Override
    public String statement() {
        return statement;
    }
}
