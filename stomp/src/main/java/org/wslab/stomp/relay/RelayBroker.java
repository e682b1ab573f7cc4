package org.wslab.stomp.relay;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.broker.BrokerConnection;
import org.wslab.stomp.broker.Delivery;
import org.wslab.stomp.broker.DeliveryTarget;
import org.wslab.stomp.broker.StompBroker;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompHeader;
import org.wslab.stomp.session.StompClientSession;

/**
 * A broker that forwards {@code /topic/…} and {@code /queue/…} traffic to an external STOMP broker
 * (ActiveMQ Artemis, RabbitMQ), the way Spring's broker relay scales: one upstream connection per
 * client session, opened when the client connects. The client keeps its own session, heart-beats,
 * receipts and transactions with us; SUBSCRIBE, UNSUBSCRIBE, SEND, ACK and NACK go upstream, and
 * upstream MESSAGEs come back as deliveries whose ids map to the upstream's ack ids. If the
 * upstream is unreachable or fails, the client gets an ERROR ({@link StompRule#BROKER_UNAVAILABLE})
 * and is closed; its next CONNECT opens a fresh upstream connection, so clients reconnect through
 * a broker restart.
 */
public final class RelayBroker implements StompBroker {
    private final Upstream upstream;
    private final long connectTimeoutMillis;

    /** A relay opening upstream connections with {@code upstream}, waiting at most 10 s for each. */
    public RelayBroker(Upstream upstream) {
        this(upstream, 10_000);
    }

    public RelayBroker(Upstream upstream, long connectTimeoutMillis) {
        this.upstream = upstream;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public BrokerConnection connect(String sessionId, DeliveryTarget target) {
        StompClientSession up;
        try {
            up = upstream.open(sessionId).get(connectTimeoutMillis, TimeUnit.MILLISECONDS).session();
        } catch (Exception e) {
            StompViolation v = StompViolation.of(StompRule.BROKER_UNAVAILABLE, "upstream broker: " + e);
            target.brokerFailed(v);
            return new Unavailable(v);
        }
        RelayConnection c = new RelayConnection(sessionId, up, target, connectTimeoutMillis);
        up.closed().whenComplete((f, e) -> c.upstreamClosed(e));
        return c;
    }

    /** The connection of a session whose upstream could not be opened: every operation is refused. */
    private record Unavailable(StompViolation violation) implements BrokerConnection {
        @Override
        public Optional<StompViolation> subscribe(String subscriptionId, String destination, AckMode mode) {
            return Optional.of(violation);
        }

        @Override
        public Optional<StompViolation> unsubscribe(String subscriptionId) {
            return Optional.of(violation);
        }

        @Override
        public Optional<StompViolation> send(String destination, List<StompHeader> headers, byte[] body) {
            return Optional.of(violation);
        }

        @Override
        public boolean isPending(String messageId) {
            return false;
        }

        @Override
        public Optional<StompViolation> ack(String messageId) {
            return Optional.of(violation);
        }

        @Override
        public Optional<StompViolation> nack(String messageId) {
            return Optional.of(violation);
        }

        @Override
        public void close() {
        }
    }

    private static final class RelayConnection implements BrokerConnection {
        private final String sessionId;
        private final StompClientSession up;
        private final DeliveryTarget target;
        private final AtomicLong ids = new AtomicLong();
        /** Per subscription: our delivery id → upstream MESSAGE, in delivery order. */
        private final Map<String, LinkedHashMap<String, StompFrame>> pending = new LinkedHashMap<>();
        private final Map<String, AckMode> modes = new LinkedHashMap<>();
        private final long receiptTimeoutMillis;
        private volatile boolean closing;

        RelayConnection(String sessionId, StompClientSession up, DeliveryTarget target, long receiptTimeoutMillis) {
            this.receiptTimeoutMillis = receiptTimeoutMillis;
            this.sessionId = sessionId;
            this.up = up;
            this.target = target;
        }

        void upstreamClosed(Throwable e) {
            if (!closing) {
                target.brokerFailed(StompViolation.of(StompRule.BROKER_UNAVAILABLE,
                        "upstream broker closed" + (e == null ? "" : ": " + e.getMessage())));
            }
        }

        private void onMessage(String subscriptionId, StompFrame m) {
            String id = sessionId + "-r" + ids.incrementAndGet();
            AckMode mode;
            synchronized (this) {
                mode = modes.getOrDefault(subscriptionId, AckMode.AUTO);
                if (mode != AckMode.AUTO) {
                    pending.computeIfAbsent(subscriptionId, k -> new LinkedHashMap<>()).put(id, m);
                }
            }
            List<StompHeader> own = new ArrayList<>();
            for (StompHeader h : m.headers()) {
                switch (h.name()) {
                    case "destination", "message-id", "subscription", "ack", "content-length" -> { }
                    default -> own.add(h);
                }
            }
            target.deliver(new Delivery(subscriptionId, id, m.header("destination", ""), own, m.body(), mode,
                    "true".equals(m.header("redelivered"))));
        }

        @Override
        public Optional<StompViolation> subscribe(String subscriptionId, String destination, AckMode mode) {
            synchronized (this) {
                if (modes.containsKey(subscriptionId)) {
                    return Optional.of(StompViolation.of(StompRule.DUPLICATE_SUBSCRIPTION, "subscription id \"" + subscriptionId + "\""));
                }
                modes.put(subscriptionId, mode);
            }
            // wait for the upstream RECEIPT, so that our own RECEIPT means "subscribed at the broker"
            try {
                up.subscribe(subscriptionId, destination, mode, m -> onMessage(subscriptionId, m), true)
                        .get(receiptTimeoutMillis, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                return Optional.of(StompViolation.of(StompRule.BROKER_UNAVAILABLE, "upstream SUBSCRIBE: " + e));
            }
            return Optional.empty();
        }

        @Override
        public Optional<StompViolation> unsubscribe(String subscriptionId) {
            synchronized (this) {
                if (modes.remove(subscriptionId) == null) {
                    return Optional.of(StompViolation.of(StompRule.UNKNOWN_SUBSCRIPTION, "subscription id \"" + subscriptionId + "\""));
                }
                pending.remove(subscriptionId);
            }
            up.unsubscribe(subscriptionId, false);
            return Optional.empty();
        }

        @Override
        public Optional<StompViolation> send(String destination, List<StompHeader> headers, byte[] body) {
            List<StompHeader> all = new ArrayList<>();
            all.add(new StompHeader("destination", destination));
            all.addAll(headers);
            up.send(new StompFrame(StompCommand.SEND, all, null).withBody(body), false);
            return Optional.empty();
        }

        @Override
        public synchronized boolean isPending(String messageId) {
            return pending.values().stream().anyMatch(m -> m.containsKey(messageId));
        }

        @Override
        public Optional<StompViolation> ack(String messageId) {
            StompFrame m = settle(messageId);
            if (m == null) {
                return Optional.of(StompViolation.of(StompRule.UNKNOWN_ACK_ID, "id \"" + messageId + "\""));
            }
            up.ack(m, null, false);
            return Optional.empty();
        }

        @Override
        public Optional<StompViolation> nack(String messageId) {
            StompFrame m = settle(messageId);
            if (m == null) {
                return Optional.of(StompViolation.of(StompRule.UNKNOWN_ACK_ID, "id \"" + messageId + "\""));
            }
            up.nack(m, null, false);
            return Optional.empty();
        }

        /** Forgets what an ACK/NACK of {@code messageId} covers (cumulative in client mode); returns its upstream MESSAGE. */
        private synchronized StompFrame settle(String messageId) {
            for (Map.Entry<String, LinkedHashMap<String, StompFrame>> e : pending.entrySet()) {
                StompFrame m = e.getValue().get(messageId);
                if (m == null) {
                    continue;
                }
                if (modes.get(e.getKey()) == AckMode.CLIENT) {
                    Iterator<String> it = e.getValue().keySet().iterator();
                    while (it.hasNext()) {
                        String id = it.next();
                        it.remove();
                        if (id.equals(messageId)) {
                            break;
                        }
                    }
                } else {
                    e.getValue().remove(messageId);
                }
                return m;
            }
            return null;
        }

        @Override
        public void close() {
            closing = true;
            up.disconnect();
        }
    }
}
