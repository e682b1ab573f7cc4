package org.wslab.stomp.jetty;

import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A test's embedded Jetty 12 serving our STOMP endpoint at one path on an ephemeral port, with its
 * own heart-beat scheduler; {@link #close()} stops both (call it in {@code @AfterEach}).
 */
public final class EmbeddedStompServer implements AutoCloseable {
    private final Server server;
    private final ScheduledExecutorService scheduler;
    private final URI uri;

    private EmbeddedStompServer(Server server, ScheduledExecutorService scheduler, URI uri) {
        this.server = server;
        this.scheduler = scheduler;
        this.uri = uri;
    }

    /** Starts a server at {@code path}; {@code config} gets the scheduler the endpoint should use. */
    public static EmbeddedStompServer start(String path, Function<ScheduledExecutorService, StompEndpointConfig> config)
            throws Exception {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(StompJetty.upgradeHandler(server, path, config.apply(scheduler)));
        try {
            server.start();
        } catch (Exception e) {
            scheduler.shutdownNow();
            throw e;
        }
        return new EmbeddedStompServer(server, scheduler, URI.create("ws://127.0.0.1:" + connector.getLocalPort() + path));
    }

    /** {@code ws://127.0.0.1:PORT/path}. */
    public URI uri() {
        return uri;
    }

    @Override
    public void close() throws Exception {
        server.stop();
        scheduler.shutdownNow();
    }
}
