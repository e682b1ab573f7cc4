package org.wslab.tutorials.live;

import java.net.URI;
import java.util.List;
import org.wslab.handshake.OriginPattern;
import org.wslab.lab.engines.LabServers;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;

/**
 * The lab the chapters run against: real servers on free ports of 127.0.0.1, started once for a
 * whole tour and closed after it —
 * <ul>
 *   <li>{@link #jetty()}: embedded Jetty 12 with the lab's endpoints (echo, STOMP);</li>
 *   <li>{@link #wslab()}: the same endpoints on our own engine (sans-I/O connection on java.nio);</li>
 *   <li>{@link #guarded()}: our engine again, serving only pages from {@link #ALLOWED_ORIGIN}
 *       (the Origin allow-list of RFC 6455 §4.2.2 (4) and §10.2).</li>
 * </ul>
 */
public final class TourLab implements AutoCloseable {
    /** The one Origin {@link #guarded()} serves. */
    public static final String ALLOWED_ORIGIN = "https://app.example";

    private final LabServer jetty;
    private final LabServer wslab;
    private final LabServer guarded;

    private TourLab(LabServer jetty, LabServer wslab, LabServer guarded) {
        this.jetty = jetty;
        this.wslab = wslab;
        this.guarded = guarded;
    }

    /** Starts the three servers; each is bound and serving when this returns. */
    public static TourLab start() throws Exception {
        LabServerConfig local = LabServerConfig.defaults().withAddress("127.0.0.1", 0);
        LabServer jetty = null;
        LabServer wslab = null;
        try {
            jetty = LabServers.start(Engine.JETTY, local, EndpointRegistry.defaults());
            wslab = LabServers.start(Engine.WSLAB, local, EndpointRegistry.defaults());
            LabServer guarded = LabServers.start(Engine.WSLAB,
                    local.withOrigins(List.of(OriginPattern.parse(ALLOWED_ORIGIN))), EndpointRegistry.defaults());
            return new TourLab(jetty, wslab, guarded);
        } catch (Exception | Error e) {
            closeQuietly(wslab);
            closeQuietly(jetty);
            throw e;
        }
    }

    /** The Jetty server. */
    public LabServer jetty() {
        return jetty;
    }

    /** The server on our own engine. */
    public LabServer wslab() {
        return wslab;
    }

    /** Our engine with an Origin allow-list of {@link #ALLOWED_ORIGIN} only. */
    public LabServer guarded() {
        return guarded;
    }

    /** The {@code ws://} URL of {@code server}'s echo endpoint. */
    public static URI echo(LabServer server) {
        return server.webSocketUri(LabEndpoint.echo());
    }

    /** The {@code ws://} URL of {@code server}'s STOMP endpoint. */
    public static URI stomp(LabServer server) {
        return server.webSocketUri(LabEndpoint.stomp());
    }

    @Override
    public void close() {
        closeQuietly(guarded);
        closeQuietly(wslab);
        closeQuietly(jetty);
    }

    private static void closeQuietly(LabServer server) {
        if (server != null) {
            server.close();
        }
    }
}
