package org.wslab.stomp.relay;

import java.time.Duration;

/**
 * How a {@link RelayBroker} rides out an upstream broker outage (issue 4 §3, "reconnecting when the
 * broker restarts"). Every limit has a default here and a {@code with…} setter; crossing the buffer
 * limits or the give-up deadline ends the client session with an ERROR naming
 * {@link org.wslab.stomp.StompRule#RELAY_BUFFER_FULL} or {@link org.wslab.stomp.StompRule#RELAY_GAVE_UP}.
 *
 * @param initialBackoff   wait before the first reconnect attempt (default 100 ms)
 * @param maxBackoff       the backoff doubles per failed attempt up to this cap (default 5 s)
 * @param attemptTimeout   one attempt (TCP connect + CONNECTED) fails after this (default 10 s)
 * @param giveUpAfter      an outage (or the first connect) longer than this ends the client
 *                         session (default 60 s)
 * @param maxBufferedSends SENDs awaiting the upstream's RECEIPT, in flight or held during an
 *                         outage (default 1000)
 * @param maxBufferedBytes body octets of those SENDs (default 4 MiB)
 */
public record RelaySettings(Duration initialBackoff, Duration maxBackoff, Duration attemptTimeout,
                            Duration giveUpAfter, int maxBufferedSends, long maxBufferedBytes) {

    /** The documented defaults. */
    public static final RelaySettings DEFAULT = new RelaySettings(Duration.ofMillis(100), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(60), 1000, 4L * 1024 * 1024);

    public RelaySettings {
        if (initialBackoff == null || maxBackoff == null || attemptTimeout == null || giveUpAfter == null) {
            throw new IllegalArgumentException("durations are required");
        }
        if (initialBackoff.toMillis() < 1 || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("need 1 ms <= initialBackoff <= maxBackoff, got "
                    + initialBackoff + " and " + maxBackoff);
        }
        if (attemptTimeout.toMillis() < 1 || giveUpAfter.toMillis() < 1) {
            throw new IllegalArgumentException("attemptTimeout and giveUpAfter must be at least 1 ms");
        }
        if (maxBufferedSends < 1 || maxBufferedBytes < 1) {
            throw new IllegalArgumentException("buffer limits must be positive");
        }
    }

    /** The reconnect schedule these settings describe. */
    public Backoff backoff() {
        return new Backoff(initialBackoff.toNanos(), maxBackoff.toNanos());
    }

    public RelaySettings withBackoff(Duration initial, Duration max) {
        return new RelaySettings(initial, max, attemptTimeout, giveUpAfter, maxBufferedSends, maxBufferedBytes);
    }

    public RelaySettings withAttemptTimeout(Duration timeout) {
        return new RelaySettings(initialBackoff, maxBackoff, timeout, giveUpAfter, maxBufferedSends, maxBufferedBytes);
    }

    public RelaySettings withGiveUpAfter(Duration giveUp) {
        return new RelaySettings(initialBackoff, maxBackoff, attemptTimeout, giveUp, maxBufferedSends, maxBufferedBytes);
    }

    public RelaySettings withBuffer(int maxSends, long maxBytes) {
        return new RelaySettings(initialBackoff, maxBackoff, attemptTimeout, giveUpAfter, maxSends, maxBytes);
    }
}
