package org.wslab.handshake;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wslab.handshake.deflate.DeflateParameters;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.spec.SpecRule;

/** A client's verdict on the server's response (RFC 6455 §4.1): the connection is open, or failed. */
public sealed interface ClientVerdict {

    /**
     * Every check passed: the connection is established (RFC 6455 §4.1, "_The WebSocket Connection
     * is Established_").
     *
     * @param subprotocol the sub-protocol the server chose, if any
     * @param extensions  the extensions in use, as the server wrote them
     * @param deflate     the permessage-deflate parameters, if it is in use
     */
    record Accepted(Optional<String> subprotocol, List<ExtensionOffer> extensions,
                    Optional<DeflateParameters> deflate) implements ClientVerdict {
        public Accepted {
            Objects.requireNonNull(subprotocol, "subprotocol");
            extensions = List.copyOf(extensions);
            Objects.requireNonNull(deflate, "deflate");
        }
    }

    /**
     * The client must _Fail the WebSocket Connection_ (RFC 6455 §4.1, §7.1.7) for this rule.
     *
     * @param rule   the first rule the response broke ({@code HandshakeRule}, {@code DeflateRule} or {@code HttpRule})
     * @param detail what was found, e.g. expected and actual accept values
     */
    record Rejected(SpecRule rule, String detail) implements ClientVerdict {
        public Rejected {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
