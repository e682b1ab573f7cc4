package org.wslab.stomp.jetty;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import org.wslab.stomp.broker.StompBroker;
import org.wslab.stomp.session.StompServerConfig;

/**
 * Everything a mounted STOMP endpoint needs (STOMP over WebSocket, RFC 6455 §1.9 sub-protocols).
 *
 * @param broker      the broker sessions publish to (in-memory, or a relay)
 * @param session     per-session STOMP settings (versions, heart-beat, limits, mailbox, authenticator)
 * @param scheduler   drives heart-beats and the slow-consumer clock; owned by the caller, who shuts it down
 * @param tap         sees every WebSocket message, for traces
 * @param idleTimeout Jetty closes a WebSocket silent (nothing read or written) this long (default
 *                    {@link #DEFAULT_IDLE_TIMEOUT}, 5 min; it replaces the container's for STOMP
 *                    sessions). It is what ends a client that negotiated heart-beats {@code 0,0}
 *                    (STOMP 1.2 "Heart-beating": no beats, nothing else notices it gone). Once a
 *                    session negotiates beats, its idle timeout is raised to at least twice the
 *                    longer of the send interval and the tolerated silence, so Jetty never cuts a
 *                    session whose beats flow and STOMP's own check (an ERROR naming the rule) fires first.
 * @param maxBytesInFlight  octets handed to Jetty and not yet sent, per connection (wslab policy,
 *                    default {@link #DEFAULT_MAX_BYTES_IN_FLIGHT}); past it no broker mail is pumped
 *                    and nothing more is read until sends complete
 * @param maxFramesInFlight WebSocket messages handed to Jetty and not yet sent, per connection
 *                    (default {@link #DEFAULT_MAX_FRAMES_IN_FLIGHT}, below Jetty's own outgoing queue)
 */
public record StompEndpointConfig(StompBroker broker, StompServerConfig session, ScheduledExecutorService scheduler,
                                  StompWireTap tap, Duration idleTimeout, long maxBytesInFlight, int maxFramesInFlight) {
    /** Five minutes: a quiet subscriber without heart-beats is not cut off at Jetty's 30 s default. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    /** 1 MiB in flight per connection. */
    public static final long DEFAULT_MAX_BYTES_IN_FLIGHT = 1L << 20;
    /** 256 messages in flight per connection. */
    public static final int DEFAULT_MAX_FRAMES_IN_FLIGHT = 256;

    public StompEndpointConfig {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
        }
        if (maxBytesInFlight < 1 || maxFramesInFlight < 1) {
            throw new IllegalArgumentException("in-flight limits must be positive");
        }
    }

    /** A config with {@link #DEFAULT_IDLE_TIMEOUT} and the default in-flight limits. */
    public StompEndpointConfig(StompBroker broker, StompServerConfig session, ScheduledExecutorService scheduler,
                               StompWireTap tap) {
        this(broker, session, scheduler, tap, DEFAULT_IDLE_TIMEOUT);
    }

    /** A config with the default in-flight limits. */
    public StompEndpointConfig(StompBroker broker, StompServerConfig session, ScheduledExecutorService scheduler,
                               StompWireTap tap, Duration idleTimeout) {
        this(broker, session, scheduler, tap, idleTimeout, DEFAULT_MAX_BYTES_IN_FLIGHT, DEFAULT_MAX_FRAMES_IN_FLIGHT);
    }

    public StompEndpointConfig withTap(StompWireTap t) {
        return new StompEndpointConfig(broker, session, scheduler, t, idleTimeout, maxBytesInFlight, maxFramesInFlight);
    }

    public StompEndpointConfig withIdleTimeout(Duration timeout) {
        return new StompEndpointConfig(broker, session, scheduler, tap, timeout, maxBytesInFlight, maxFramesInFlight);
    }

    public StompEndpointConfig withInFlight(long bytes, int frames) {
        return new StompEndpointConfig(broker, session, scheduler, tap, idleTimeout, bytes, frames);
    }
}
