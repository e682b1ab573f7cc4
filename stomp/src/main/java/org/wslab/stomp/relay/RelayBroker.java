package org.wslab.stomp.relay;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.wslab.stomp.broker.BrokerConnection;
import org.wslab.stomp.broker.Mailbox;
import org.wslab.stomp.broker.StompBroker;

/**
 * A broker that forwards {@code /topic/…} and {@code /queue/…} traffic to an external STOMP broker
 * (ActiveMQ Artemis, RabbitMQ), the way Spring's broker relay scales: one upstream
 * connection per client session. The client keeps its own session, heart-beats, receipts and
 * transactions with us; SUBSCRIBE, UNSUBSCRIBE, SEND, ACK and NACK go upstream, and upstream
 * MESSAGEs come back as deliveries whose ids map to the upstream's ack ids.
 *
 * <p>Nothing blocks the caller: {@link #connect} returns at once (the client gets CONNECTED from its
 * own session) and the upstream connection opens in the background. When the upstream broker goes
 * away the client's session stays open; the relay reconnects with bounded exponential backoff,
 * re-subscribes and re-sends unconfirmed SENDs (see {@link RelayConnection} and
 * {@link RelaySettings} for the policy: RECEIPTs wait for the upstream's, the outage buffer and the
 * give-up deadline end the session with an ERROR naming the rule). An upstream ERROR frame is not
 * an outage: the client gets an ERROR ({@link org.wslab.stomp.StompRule#BROKER_UNAVAILABLE}).
 *
 * <p>Timers and upstream events run on one scheduler thread: the relay's own daemon thread
 * (stopped by {@link #close()}) unless one is passed in. {@link Upstream#open} is called on it and
 * must not block.
 */
public final class RelayBroker implements StompBroker, AutoCloseable {
    private final Upstream upstream;
    private final RelaySettings settings;
    private final ScheduledExecutorService executor;
    private final boolean ownsExecutor;

    /** A relay with {@link RelaySettings#DEFAULT}. */
    public RelayBroker(Upstream upstream) {
        this(upstream, RelaySettings.DEFAULT);
    }

    /** A relay with default settings except the per-attempt connect timeout (kept for compatibility). */
    public RelayBroker(Upstream upstream, long connectTimeoutMillis) {
        this(upstream, RelaySettings.DEFAULT.withAttemptTimeout(Duration.ofMillis(connectTimeoutMillis)));
    }

    /** A relay with {@code settings}, on its own daemon scheduler thread. */
    public RelayBroker(Upstream upstream, RelaySettings settings) {
        this(upstream, settings, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stomp-relay");
            t.setDaemon(true);
            return t;
        }), true);
    }

    /** A relay with {@code settings} on the caller's {@code scheduler} (which the caller shuts down). */
    public RelayBroker(Upstream upstream, RelaySettings settings, ScheduledExecutorService scheduler) {
        this(upstream, settings, scheduler, false);
    }

    private RelayBroker(Upstream upstream, RelaySettings settings, ScheduledExecutorService executor, boolean owns) {
        if (upstream == null || settings == null || executor == null) {
            throw new IllegalArgumentException("upstream, settings and scheduler are required");
        }
        this.upstream = upstream;
        this.settings = settings;
        this.executor = executor;
        this.ownsExecutor = owns;
    }

    /** The settings in force. */
    public RelaySettings settings() {
        return settings;
    }

    @Override
    public BrokerConnection connect(String sessionId, Mailbox target) {
        RelayConnection c = new RelayConnection(sessionId, upstream, target, settings, executor);
        c.start();
        return c;
    }

    /** Stops the relay's own scheduler (reconnects stop); client sessions are closed by their server. */
    @Override
    public void close() {
        if (ownsExecutor) {
            executor.shutdownNow();
        }
    }
}
