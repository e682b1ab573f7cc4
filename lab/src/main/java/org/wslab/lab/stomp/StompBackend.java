package org.wslab.lab.stomp;

import java.util.Objects;
import org.wslab.stomp.relay.RelaySettings;

/**
 * Where a lab server's STOMP endpoint sends {@code /topic/…} and {@code /queue/…} traffic: the
 * in-memory broker shared by every session of that server, or a relay to an external STOMP broker
 * (ActiveMQ Artemis, RabbitMQ) over STOMP's native TCP transport (STOMP 1.2 "Connecting"), the way
 * Spring's broker relay lets several servers share destinations.
 */
public sealed interface StompBackend {

    /** The default: one {@link org.wslab.stomp.broker.InMemoryBroker} per server. */
    StompBackend IN_MEMORY = new InMemory();

    /** One line for the banner. */
    String describe();

    /** One in-memory broker per server, shared by all its sessions. */
    record InMemory() implements StompBackend {
        @Override
        public String describe() {
            return "in-memory broker (/topic/… fan-out, /queue/… round robin)";
        }
    }

    /**
     * A relay: each client session gets its own upstream STOMP connection to {@code host:port},
     * reconnecting after an outage with backoff and giving up per {@code settings} (the stomp
     * module's {@link RelaySettings}: 10 s per attempt, an ERROR to the client after 60 s by default).
     *
     * @param host     the broker's host
     * @param port     its STOMP (TCP) port, e.g. 61613
     * @param settings the relay's reconnect, give-up and buffer limits
     */
    record Relay(String host, int port, RelaySettings settings) implements StompBackend {
        public Relay {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(settings, "settings");
            if (host.isBlank()) {
                throw new IllegalArgumentException("the relay host is empty");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("the relay port must be between 1 and 65535, not " + port);
            }
        }

        /** A relay to {@code host:port} with {@link RelaySettings#DEFAULT}. */
        public Relay(String host, int port) {
            this(host, port, RelaySettings.DEFAULT);
        }

        /** This relay giving a lost broker {@code giveUpAfter} to come back before sessions end with an ERROR. */
        public Relay withGiveUpAfter(java.time.Duration giveUpAfter) {
            return new Relay(host, port, settings.withGiveUpAfter(giveUpAfter));
        }

        /**
         * Reads {@code HOST:PORT} ({@code [v6]:PORT} for an IPv6 literal).
         *
         * @throws IllegalArgumentException with a line for a person when it is not that form
         */
        public static Relay parse(String text) {
            String t = text == null ? "" : text.strip();
            int colon = t.lastIndexOf(':');
            if (colon <= 0 || colon == t.length() - 1) {
                throw new IllegalArgumentException("'" + text + "' is not HOST:PORT (e.g. 127.0.0.1:61613)");
            }
            String host = t.substring(0, colon);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            } else if (host.contains(":")) {
                throw new IllegalArgumentException("'" + text + "': write an IPv6 address as [ADDRESS]:PORT");
            }
            int port;
            try {
                port = Integer.parseInt(t.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' has no numeric port (e.g. 127.0.0.1:61613)");
            }
            return new Relay(host, port);
        }

        /** {@code host:port}, as typed. */
        public String address() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }

        @Override
        public String describe() {
            long giveUp = settings.giveUpAfter().toMillis();
            String deadline = giveUp % 1000 == 0 ? giveUp / 1000 + "s" : giveUp + "ms";
            return "relay to the STOMP broker at " + address() + " (one upstream connection per session; "
                    + "reconnects, gives up after " + deadline + ")";
        }
    }
}
