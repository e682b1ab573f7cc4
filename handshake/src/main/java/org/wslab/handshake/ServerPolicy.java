package org.wslab.handshake;

import java.util.List;
import java.util.Objects;

/**
 * What a server supports and prefers in the opening handshake (RFC 6455 §4.2.2).
 *
 * @param subprotocols      supported sub-protocols, in the server's order of preference
 * @param subprotocolPolicy how to pick among the offered ones
 * @param originPolicy      which Origins to accept (others get 403)
 * @param permessageDeflate whether to negotiate permessage-deflate (RFC 7692)
 */
public record ServerPolicy(List<String> subprotocols, SubprotocolPolicy subprotocolPolicy,
                           OriginPolicy originPolicy, boolean permessageDeflate) {
    public ServerPolicy {
        subprotocols = List.copyOf(subprotocols);
        Objects.requireNonNull(subprotocolPolicy, "subprotocolPolicy");
        Objects.requireNonNull(originPolicy, "originPolicy");
    }

    /** No sub-protocols, client order, any Origin, permessage-deflate on. */
    public static ServerPolicy defaults() {
        return new ServerPolicy(List.of(), SubprotocolPolicy.CLIENT_ORDER, OriginPolicy.any(), true);
    }

    /** This policy supporting these sub-protocols (in preference order) under {@code policy}. */
    public ServerPolicy withSubprotocols(SubprotocolPolicy policy, String... names) {
        return new ServerPolicy(List.of(names), policy, originPolicy, permessageDeflate);
    }

    /** This policy with another Origin policy. */
    public ServerPolicy withOriginPolicy(OriginPolicy policy) {
        return new ServerPolicy(subprotocols, subprotocolPolicy, policy, permessageDeflate);
    }

    /** This policy with permessage-deflate on or off. */
    public ServerPolicy withPermessageDeflate(boolean enabled) {
        return new ServerPolicy(subprotocols, subprotocolPolicy, originPolicy, enabled);
    }
}
