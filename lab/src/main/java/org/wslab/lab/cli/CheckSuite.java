package org.wslab.lab.cli;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.wslab.conformance.Catalogue;
import org.wslab.conformance.peer.RawPeer;
import org.wslab.conformance.stomp.StompScript;
import org.wslab.framing.tls.ClientTls;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.ClientVerdict;

/**
 * Which catalogue {@code wslab check} plays: the RFC 6455 cases ({@link Catalogue#standard()},
 * for an echo endpoint) or the STOMP ones ({@link Catalogue#stomp()}). Named with {@code --suite},
 * or found by a probe: an opening handshake offering {@code v12.stomp, v11.stomp, v10.stomp}
 * (RFC 6455 §1.9, §4.2.2); a server that selects one is a STOMP endpoint.
 *
 * @param name      {@code websocket} or {@code stomp}
 * @param catalogue its cases
 * @param why       how it was chosen, for the summary's {@code suite:} line
 */
record CheckSuite(String name, Catalogue catalogue, String why) {
    /** The values {@code --suite} takes. */
    static final String NAMES = "websocket|stomp";

    /** The suite {@code --suite name} names (null: websocket, e.g. for {@code --list}), or empty for an unknown name. */
    static Optional<CheckSuite> named(String name) {
        if (name == null || name.equals("websocket")) {
            return Optional.of(new CheckSuite("websocket", Catalogue.standard(), name == null ? "the default" : "--suite websocket"));
        }
        return name.equals("stomp") ? Optional.of(new CheckSuite("stomp", Catalogue.stomp(), "--suite stomp")) : Optional.empty();
    }

    /** The suite for the server at {@code target}, by the sub-protocol it selects when offered STOMP's. */
    static CheckSuite probe(URI target, Duration timeout, Optional<ClientTls> tls) {
        try (RawPeer peer = RawPeer.connect(target, timeout, tls)) {
            ClientVerdict v = peer.openingHandshake(timeout, ClientOptions.defaults()
                    .withSubprotocols(StompScript.STOMP_SUBPROTOCOLS.toArray(String[]::new)));
            if (v instanceof ClientVerdict.Accepted a && a.subprotocol().isPresent()) {
                return new CheckSuite("stomp", Catalogue.stomp(), "the server selected sub-protocol " + a.subprotocol().get()
                        + " when offered " + String.join(", ", StompScript.STOMP_SUBPROTOCOLS));
            }
            return new CheckSuite("websocket", Catalogue.standard(), "the server selected no STOMP sub-protocol when offered "
                    + String.join(", ", StompScript.STOMP_SUBPROTOCOLS) + " (--suite stomp forces the STOMP cases)");
        } catch (IOException e) {
            return new CheckSuite("websocket", Catalogue.standard(), "the sub-protocol probe failed (" + e.getMessage() + ")");
        }
    }

    /** The summary's line, for {@code picked} of its cases. */
    String line(int picked) {
        int all = catalogue.cases().size();
        return "suite: " + name + " (" + (picked == all ? "" : picked + " of ") + all + " cases; " + why + ")";
    }
}
