package org.wslab.handshake.deflate;

import java.util.List;
import java.util.Objects;
import org.wslab.handshake.extension.ExtensionOffer;

/** The server's permessage-deflate outcome for a request's offers (RFC 7692 §5, §7.1). */
public sealed interface DeflateNegotiation {

    /** The offers declined on the way, in order. */
    List<DeflateDecline> declined();

    /**
     * One offer accepted.
     *
     * @param offerIndex position of the accepted offer in the request's extension list
     * @param response   the element to put in the response's {@code Sec-WebSocket-Extensions}
     * @param parameters what both ends will use
     * @param declined   earlier permessage-deflate offers that were declined
     */
    record Accepted(int offerIndex, ExtensionOffer response, DeflateParameters parameters,
                    List<DeflateDecline> declined) implements DeflateNegotiation {
        public Accepted {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(parameters, "parameters");
            declined = List.copyOf(declined);
        }
    }

    /** No offer accepted (none made, or all declined): the connection runs without compression. */
    record NoneAccepted(List<DeflateDecline> declined) implements DeflateNegotiation {
        public NoneAccepted {
            declined = List.copyOf(declined);
        }
    }
}
