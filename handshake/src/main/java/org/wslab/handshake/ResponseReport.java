package org.wslab.handshake;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wslab.handshake.deflate.DeflateParameters;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.spec.RuleCheck;

/**
 * Every client-side check of a response ({@link ResponseRules}) plus what the response settled.
 *
 * @param checks      each rule of RFC 6455 §4.1's server-response list, in order
 * @param subprotocol the sub-protocol the response names, if any
 * @param extensions  the extensions the response accepts
 * @param deflate     agreed permessage-deflate parameters, if accepted validly
 */
public record ResponseReport(List<RuleCheck> checks, Optional<String> subprotocol,
                             List<ExtensionOffer> extensions, Optional<DeflateParameters> deflate) {
    public ResponseReport {
        checks = List.copyOf(checks);
        Objects.requireNonNull(subprotocol, "subprotocol");
        extensions = List.copyOf(extensions);
        Objects.requireNonNull(deflate, "deflate");
    }

    /** Accepted if no check failed, else rejected for the first failure. */
    public ClientVerdict verdict() {
        for (RuleCheck c : checks) {
            if (c.failed()) {
                return new ClientVerdict.Rejected(c.rule(), c.detail());
            }
        }
        return new ClientVerdict.Accepted(subprotocol, extensions, deflate);
    }
}
