package org.wslab.framing.deflate;

import org.wslab.framing.codec.Role;

/**
 * The negotiated permessage-deflate parameters (RFC 7692 §7.1) as the framing layer needs them.
 *
 * @param serverNoContextTakeover §7.1.1.1: the server resets its compressor after each message
 * @param clientNoContextTakeover §7.1.1.2: the client resets its compressor after each message
 * @param serverMaxWindowBits     §7.1.2.1: LZ77 window the server may use (8–15)
 * @param clientMaxWindowBits     §7.1.2.2: LZ77 window the client may use (8–15)
 */
public record DeflateParameters(boolean serverNoContextTakeover, boolean clientNoContextTakeover,
                                int serverMaxWindowBits, int clientMaxWindowBits) {
    /** No parameters: context takeover both ways, 15-bit windows. */
    public static final DeflateParameters DEFAULTS = new DeflateParameters(false, false, 15, 15);

    public DeflateParameters {
        if (serverMaxWindowBits < 8 || serverMaxWindowBits > 15 || clientMaxWindowBits < 8 || clientMaxWindowBits > 15) {
            throw new IllegalArgumentException("window bits are 8..15 (RFC 7692 §7.1.2)");
        }
    }

    /** Whether {@code sender} resets its compression context after each message. */
    public boolean noContextTakeover(Role sender) {
        return sender == Role.SERVER ? serverNoContextTakeover : clientNoContextTakeover;
    }

    /** The window {@code sender} may compress with. */
    public int maxWindowBits(Role sender) {
        return sender == Role.SERVER ? serverMaxWindowBits : clientMaxWindowBits;
    }
}
