package org.wslab.lab.server.socket;

import java.util.Objects;
import org.wslab.handshake.OriginPolicy;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.ServerPolicy;
import org.wslab.handshake.SubprotocolPolicy;
import org.wslab.lab.server.LabEndpoint;

/**
 * One path the socket engine serves: the lab endpoint, the opening handshake it answers with
 * (its sub-protocols in the endpoint's order of preference, RFC 6455 §4.2.2 (5.4);
 * permessage-deflate, RFC 7692; the server's Origin check, RFC 6455 §4.2.2 (4)) and what runs once the
 * connection is open.
 *
 * @param endpoint  the endpoint as listed in the registry
 * @param handshake the server handshake for this path
 * @param serve     the handler factory
 */
public record SocketRoute(LabEndpoint endpoint, ServerHandshake handshake, SocketEndpoint serve) {
    public SocketRoute {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(handshake, "handshake");
        Objects.requireNonNull(serve, "serve");
    }

    /**
     * A route whose handshake picks among the endpoint's sub-protocols by the server's preference
     * (the order the endpoint lists them: STOMP prefers {@code v12.stomp}) and negotiates
     * permessage-deflate, serving any Origin.
     */
    public static SocketRoute of(LabEndpoint endpoint, SocketEndpoint serve) {
        return of(endpoint, OriginPolicy.any(), serve);
    }

    /** {@link #of(LabEndpoint, SocketEndpoint)} refusing with 403 an Origin that {@code origins} does not allow. */
    public static SocketRoute of(LabEndpoint endpoint, OriginPolicy origins, SocketEndpoint serve) {
        return new SocketRoute(endpoint, new ServerHandshake(policyFor(endpoint).withOriginPolicy(origins)), serve);
    }

    /** The handshake policy for {@code endpoint}. */
    static ServerPolicy policyFor(LabEndpoint endpoint) {
        return ServerPolicy.defaults()
                .withSubprotocols(SubprotocolPolicy.SERVER_PREFERENCE, endpoint.subprotocols().toArray(String[]::new))
                .withPermessageDeflate(true);
    }
}
