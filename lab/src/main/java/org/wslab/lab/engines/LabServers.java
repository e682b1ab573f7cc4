package org.wslab.lab.engines;

import org.wslab.lab.server.EndpointKind;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;
import org.wslab.lab.server.jetty.JettyLabServer;
import org.wslab.lab.server.socket.SocketEndpoint;
import org.wslab.lab.server.socket.SocketEndpoints;
import org.wslab.lab.server.socket.SocketLabServer;
import org.wslab.lab.stomp.LabStomp;
import org.wslab.lab.stomp.socket.StompSocketHandler;

/**
 * Starts a lab server on an {@link Engine}: the one place that knows both engines and what each
 * runs at every {@link EndpointKind} (echo, RFC 6455 §5.6; STOMP over WebSocket, STOMP 1.2
 * "Connecting"). It sits above {@code lab.server} and its engine packages, so those know no engine
 * but their own and no STOMP adapter; a new engine or endpoint kind is added here.
 */
public final class LabServers {
    /** What our engine runs for each kind of endpoint. */
    public static final SocketEndpoints SOCKET_ENDPOINTS = LabServers::socketEndpoint;

    private LabServers() {
    }

    /** Starts {@code engine} serving {@code registry}; it is running (and bound) when this returns. */
    public static LabServer start(Engine engine, LabServerConfig config, EndpointRegistry registry) throws Exception {
        return switch (engine) {
            case JETTY -> JettyLabServer.start(config, registry);
            case WSLAB -> SocketLabServer.start(config, registry, SOCKET_ENDPOINTS);
        };
    }

    private static SocketEndpoint socketEndpoint(EndpointKind kind, LabStomp stomp) {
        return switch (kind) {
            case ECHO -> SocketEndpoints.echo();
            case STOMP -> peer -> new StompSocketHandler(stomp, peer);
        };
    }
}
