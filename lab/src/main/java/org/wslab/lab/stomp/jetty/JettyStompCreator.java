package org.wslab.lab.stomp.jetty;

import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.eclipse.jetty.util.Callback;
import org.wslab.lab.stomp.LabStomp;
import org.wslab.lab.stomp.StompSubProtocols;
import org.wslab.stomp.jetty.StompServerEndpoint;

/**
 * The lab's STOMP endpoint on Jetty 12: picks the sub-protocol (Jetty picks none by itself, RFC
 * 6455 §4.2.2 (5.5) leaves it to the server) and hands the connection to the stomp module's
 * {@link StompServerEndpoint}, on the server's shared broker and heart-beat scheduler.
 */
public final class JettyStompCreator implements WebSocketCreator {
    private final LabStomp stomp;

    /** A creator serving sessions on {@code stomp}'s broker. */
    public JettyStompCreator(LabStomp stomp) {
        this.stomp = stomp;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        String chosen = StompSubProtocols.choose(request.getSubProtocols(), stomp.sessionConfig().versions());
        if (chosen != null) {
            response.setAcceptedSubProtocol(chosen);
        }
        return new StompServerEndpoint(stomp.endpointConfig(), chosen);
    }
}
