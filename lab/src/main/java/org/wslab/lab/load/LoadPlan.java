package org.wslab.lab.load;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wslab.framing.tls.ClientTls;
import org.wslab.handshake.WebSocketUri;

/**
 * What a {@link LoadRun} does: {@code connections} clients, each sending a binary message
 * (RFC 6455 §5.6) of {@code size} octets {@code rate} times a second on its own schedule for
 * {@code duration}, the connections opened over {@code ramp}. Every limit has a default here.
 *
 * @param uri          the echo endpoint, {@code ws://} or {@code wss://}
 * @param connections  how many connections to open
 * @param rate         messages a second per connection
 * @param duration     how long to send once every connection has been started
 * @param ramp         over how long the connections are opened (zero: in batches, at once)
 * @param size         octets per message, at least {@link #MIN_SIZE} (sequence number and intended time)
 * @param protocols    the sub-protocols to offer (RFC 6455 §4.1 (10)), in order
 * @param deflate      offer permessage-deflate (RFC 7692 §7)
 * @param window       messages a connection may have outstanding; 0 for no limit (open loop), 1 for
 *                     a closed loop (the next message waits for the last echo)
 * @param drain        how long to wait for the last echoes after sending ends; what is missing then is lost
 * @param lagThreshold how late a send may be against its schedule before it counts as the client lagging
 * @param batch        connections started at once when there is no ramp
 * @param tls          the TLS of every connection for {@code wss://}; empty for {@code ws://}
 * @param stomp        present: STOMP over WebSocket, each connection SENDs to its own destination
 *                     and latency runs to the MESSAGE; empty: echo
 */
public record LoadPlan(WebSocketUri uri, int connections, double rate, Duration duration, Duration ramp, int size,
                       List<String> protocols, boolean deflate, int window, Duration drain, Duration lagThreshold,
                       int batch, Optional<ClientTls> tls, Optional<StompLoad> stomp) {
    /** The smallest message: an 8-octet sequence number and the 8-octet intended send time. */
    public static final int MIN_SIZE = 16;
    /** Default drain grace. */
    public static final Duration DEFAULT_DRAIN = Duration.ofSeconds(5);
    /** Default lag threshold: a send later than this against its schedule is late. */
    public static final Duration DEFAULT_LAG_THRESHOLD = Duration.ofMillis(10);
    /** Default batch without a ramp. */
    public static final int DEFAULT_BATCH = 500;

    public LoadPlan {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(stomp, "stomp");
        protocols = List.copyOf(protocols);
        if (connections < 1 || !(rate > 0) || batch < 1 || window < 0 || size < MIN_SIZE
                || duration.isNegative() || duration.isZero() || ramp.isNegative() || drain.isNegative()) {
            throw new IllegalArgumentException("connections, rate, duration and batch are positive, window and ramp"
                    + " not negative, size at least " + MIN_SIZE);
        }
    }

    /** A plain {@code ws://} open-loop plan with the defaults for the rest. */
    public static LoadPlan of(WebSocketUri uri, int connections, double rate, Duration duration, int size) {
        return new LoadPlan(uri, connections, rate, duration, Duration.ZERO, size, List.of(), false, 0,
                DEFAULT_DRAIN, DEFAULT_LAG_THRESHOLD, DEFAULT_BATCH, Optional.empty(), Optional.empty());
    }

    /** This plan with at most {@code n} messages outstanding per connection. */
    public LoadPlan withWindow(int n) {
        return new LoadPlan(uri, connections, rate, duration, ramp, size, protocols, deflate, n, drain, lagThreshold,
                batch, tls, stomp);
    }

    /** This plan in STOMP mode. */
    public LoadPlan withStomp(StompLoad s) {
        return new LoadPlan(uri, connections, rate, duration, ramp, size, protocols, deflate, window, drain,
                lagThreshold, batch, tls, Optional.of(s));
    }

    /** Nanoseconds between two intended sends of one connection. */
    public long periodNanos() {
        return Math.max(1, Math.round(1e9 / rate));
    }

    /**
     * The offset of connection {@code i}'s first intended send from the moment it opened: the
     * connections are spread evenly over one period, so N connections at R a second send N×R
     * messages a second evenly, not N at once every 1/R s.
     */
    public long staggerNanos(int i) {
        return periodNanos() * i / connections;
    }

    /** When connection {@code i} is started, from the run's start: spread evenly over the ramp. */
    public long rampOffsetNanos(int i) {
        return ramp.toNanos() * i / connections;
    }

    /** What comes back for each message sent, as the reports count it: echoes, or STOMP MESSAGEs. */
    public String answers() {
        return stomp.isPresent() ? "MESSAGEs" : "echoes";
    }
}
