package org.wslab.stomp.jetty;

import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.wslab.stomp.StompVersion;

/**
 * Mounts STOMP over WebSocket on Jetty 12. The client's {@code Sec-WebSocket-Protocol} offer (e.g.
 * the notes' {@code v10.stomp, v11.stomp, v12.stomp}) is answered with the highest STOMP version
 * the server supports (RFC 6455 §4.2.2, one selected sub-protocol); a handshake offering none is
 * still served as STOMP, without a sub-protocol. The sub-protocol and the STOMP version are
 * independent: the version is negotiated again in CONNECT (STOMP 1.2 "Protocol Negotiation").
 */
public final class StompJetty {
    /** The STOMP sub-protocols, highest first. */
    public static final List<String> SUB_PROTOCOLS = List.of("v12.stomp", "v11.stomp", "v10.stomp");

    private StompJetty() {}

    /** Adds the STOMP endpoint at {@code path} to a container (e.g. inside {@code WebSocketUpgradeHandler.from}). */
    public static void mount(ServerWebSocketContainer container, String path, StompEndpointConfig config) {
        container.addMapping(path, (request, response, callback) -> {
            String chosen = choose(request, config);
            if (chosen != null) {
                response.setAcceptedSubProtocol(chosen);
            }
            return new StompServerEndpoint(config, chosen);
        });
    }

    /** A handler serving STOMP at {@code path}; set it (or wrap it) as the server's handler. */
    public static WebSocketUpgradeHandler upgradeHandler(Server server, String path, StompEndpointConfig config) {
        return WebSocketUpgradeHandler.from(server, container -> mount(container, path, config));
    }

    /** The offered sub-protocol naming the highest supported version, in the client's spelling, or null. */
    static String choose(ServerUpgradeRequest request, StompEndpointConfig config) {
        String best = null;
        StompVersion bestVersion = null;
        for (String offered : request.getSubProtocols()) {
            Optional<StompVersion> v = StompVersion.fromSubProtocol(offered.trim()).filter(config.session().versions()::contains);
            if (v.isPresent() && (bestVersion == null || v.get().compareTo(bestVersion) > 0)) {
                best = offered.trim();
                bestVersion = v.get();
            }
        }
        return best;
    }
}
