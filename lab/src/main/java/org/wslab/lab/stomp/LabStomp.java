package org.wslab.lab.stomp;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.wslab.stomp.broker.InMemoryBroker;
import org.wslab.stomp.broker.StompBroker;
import org.wslab.stomp.jetty.StompEndpointConfig;
import org.wslab.stomp.jetty.StompWireTap;
import org.wslab.stomp.relay.RelayBroker;
import org.wslab.stomp.session.StompServerConfig;
import org.wslab.stomp.socket.StompTcpClient;

/**
 * The STOMP state one lab server owns, whatever its engine: one broker shared by all its sessions
 * (in-memory, or a {@link RelayBroker} to an external broker, built with the backend's
 * {@link org.wslab.stomp.relay.RelaySettings}), the scheduler that sends and checks
 * heart-beats (STOMP 1.2 "Heart-beating"), and for a relay the TCP client of the upstream
 * connections. The server creates it when it starts and {@link #close() closes} it when it stops.
 */
public final class LabStomp implements AutoCloseable {
    private final StompBackend backend;
    private final StompBroker broker;
    private final StompTcpClient relayClient;
    private final ScheduledExecutorService heartBeats;
    private final StompServerConfig session;

    private LabStomp(StompBackend backend, StompBroker broker, StompTcpClient relayClient, StompServerConfig session) {
        this.backend = backend;
        this.broker = broker;
        this.relayClient = relayClient;
        this.session = session;
        this.heartBeats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wslab-stomp-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    /** The STOMP state for {@code backend} with the default session settings. */
    public static LabStomp open(StompBackend backend) {
        return open(backend, StompServerConfig.DEFAULT);
    }

    /** The STOMP state for {@code backend}; nothing connects upstream until a client connects. */
    public static LabStomp open(StompBackend backend, StompServerConfig session) {
        if (backend instanceof StompBackend.Relay relay) {
            StompTcpClient tcp = new StompTcpClient();
            // the relay's own settings: upstream CONNECT (host "/", heart-beats 10 s each way),
            // per-attempt timeout, reconnect backoff, give-up deadline, outage buffer
            StompBroker broker = new RelayBroker(
                    (sessionId, connect) -> tcp.connect(relay.host(), relay.port(), connect), relay.settings());
            return new LabStomp(backend, broker, tcp, session);
        }
        return new LabStomp(backend, new InMemoryBroker(), null, session);
    }

    /** Where traffic goes. */
    public StompBackend backend() {
        return backend;
    }

    /** The broker every session of this server shares. */
    public StompBroker broker() {
        return broker;
    }

    /** The per-session settings (versions, heart-beats, limits). */
    public StompServerConfig sessionConfig() {
        return session;
    }

    /** The scheduler that drives heart-beats; owned here, shut down by {@link #close()}. */
    public ScheduledExecutorService heartBeats() {
        return heartBeats;
    }

    /** What the stomp module's Jetty endpoint needs. */
    public StompEndpointConfig endpointConfig() {
        return new StompEndpointConfig(broker, session, heartBeats, StompWireTap.NONE);
    }

    /** Stops the heart-beat scheduler, the broker when it holds resources (a relay's timers), and the relay's TCP client. */
    @Override
    public void close() {
        if (broker instanceof AutoCloseable resources) {
            try {
                resources.close();
            } catch (Exception e) {
                // stopping anyway: the server is going away
            }
        }
        heartBeats.shutdownNow();
        try {
            heartBeats.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (relayClient != null) {
            relayClient.close();
        }
    }
}
