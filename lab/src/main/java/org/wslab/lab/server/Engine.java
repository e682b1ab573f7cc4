package org.wslab.lab.server;

import org.wslab.lab.server.jetty.JettyLabServer;
import org.wslab.lab.server.socket.SocketLabServer;

/**
 * The server engines the lab can run. Each serves every {@link EndpointKind} of the registry with
 * the same limits, so a test or a person can compare them.
 *
 * <p>To add an engine: implement {@link LabServer} in its own package (e.g. {@code ...server.socket}
 * for our engine on plain sockets), add a constant here with its starter, and it is selectable with
 * {@code wslab serve --engine NAME}.
 */
public enum Engine {
    /** Embedded Jetty 12 with its WebSocket server. */
    JETTY(JettyLabServer::start),
    /** Our own engine ({@code framing}'s sans-I/O connection) on plain sockets. */
    WSLAB(SocketLabServer::start);

    /** How an engine starts a server. */
    @FunctionalInterface
    public interface Starter {
        /** Binds and starts; throws when the address cannot be bound. */
        LabServer start(LabServerConfig config, EndpointRegistry endpoints) throws Exception;
    }

    private final Starter starter;

    Engine(Starter starter) {
        this.starter = starter;
    }

    /** Starts a server of this engine; it is running (and bound) when this returns. */
    public LabServer start(LabServerConfig config, EndpointRegistry endpoints) throws Exception {
        return starter.start(config, endpoints);
    }

    /** The name used on the command line. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
