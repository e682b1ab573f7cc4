package org.wslab.stomp.jetty;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import org.wslab.stomp.broker.StompBroker;
import org.wslab.stomp.session.StompServerConfig;

/**
 * Everything a mounted STOMP endpoint needs (STOMP over WebSocket, RFC 6455 §1.9 sub-protocols).
 *
 * @param broker      the broker sessions publish to (in-memory, or a relay)
 * @param session     per-session STOMP settings (versions, heart-beat, limits, authenticator)
 * @param scheduler   drives heart-beats; owned by the caller, who shuts it down
 * @param tap         sees every WebSocket message, for traces
 * @param idleTimeout Jetty closes a WebSocket silent (nothing read or written) this long (default
 *                    {@link #DEFAULT_IDLE_TIMEOUT}, 5 min; it replaces the container's for STOMP
 *                    sessions). It is what ends a client that negotiated heart-beats {@code 0,0}
 *                    (STOMP 1.2 "Heart-beating": no beats, nothing else notices it gone). Once a
 *                    session negotiates beats, its idle timeout is raised to at least twice the
 *                    longer of the send interval and the tolerated silence, so Jetty never cuts a
 *                    session whose beats flow and STOMP's own check (an ERROR naming the rule) fires first.
 */
public record StompEndpointConfig(StompBroker broker, StompServerConfig session, ScheduledExecutorService scheduler,
                                  StompWireTap tap, Duration idleTimeout) {
    /** Five minutes: a quiet subscriber without heart-beats is not cut off at Jetty's 30 s default. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

    public StompEndpointConfig {
        if (idleTimeout == null || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
        }
    }

    /** A config with {@link #DEFAULT_IDLE_TIMEOUT}. */
    public StompEndpointConfig(StompBroker broker, StompServerConfig session, ScheduledExecutorService scheduler,
                               StompWireTap tap) {
        this(broker, session, scheduler, tap, DEFAULT_IDLE_TIMEOUT);
    }

    public StompEndpointConfig withTap(StompWireTap t) {
        return new StompEndpointConfig(broker, session, scheduler, t, idleTimeout);
    }

    public StompEndpointConfig withIdleTimeout(Duration timeout) {
        return new StompEndpointConfig(broker, session, scheduler, tap, timeout);
    }
}
