package org.wslab.stomp.relay;

import java.time.Duration;
import java.util.EnumSet;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.session.ClientConnectOptions;
import org.wslab.stomp.session.HeartBeat;

/**
 * How a {@link RelayBroker} rides out an upstream broker outage (wslab policy: the relay
 * reconnects when the broker restarts). Every limit has a default here and a {@code with…} setter; crossing the buffer
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
 * @param upstreamConnect  what the relay's CONNECT to the upstream says (STOMP 1.2 "CONNECT or STOMP
 *                         Frame"), default {@link #UPSTREAM_CONNECT}: {@code host:/} (RabbitMQ reads
 *                         {@code host} as its virtual host and {@code /} is its default one; Artemis
 *                         ignores it), no {@code login}/{@code passcode}, versions 1.0–1.2,
 *                         {@code heart-beat:10000,10000} — an upstream silent past twice the
 *                         negotiated interval is an outage, which is how a half-open TCP connection
 *                         (no FIN) is noticed
 */
public record RelaySettings(Duration initialBackoff, Duration maxBackoff, Duration attemptTimeout,
                            Duration giveUpAfter, int maxBufferedSends, long maxBufferedBytes,
                            ClientConnectOptions upstreamConnect) {

    /** The relay's default upstream CONNECT: {@code host:/}, no login, 1.0–1.2, heart-beats 10 s each way. */
    public static final ClientConnectOptions UPSTREAM_CONNECT = new ClientConnectOptions("/", null, null,
            EnumSet.allOf(StompVersion.class), new HeartBeat(10_000, 10_000));

    /** The documented defaults. */
    public static final RelaySettings DEFAULT = new RelaySettings(Duration.ofMillis(100), Duration.ofSeconds(5),
            Duration.ofSeconds(10), Duration.ofSeconds(60), 1000, 4L * 1024 * 1024, UPSTREAM_CONNECT);

    public RelaySettings {
        if (initialBackoff == null || maxBackoff == null || attemptTimeout == null || giveUpAfter == null) {
            throw new IllegalArgumentException("durations are required");
        }
        if (upstreamConnect == null || upstreamConnect.host() == null || upstreamConnect.heartBeat() == null) {
            throw new IllegalArgumentException("upstreamConnect with a host and a heart-beat is required");
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

    /** The outage settings with the default {@link #UPSTREAM_CONNECT} (the record's former shape). */
    public RelaySettings(Duration initialBackoff, Duration maxBackoff, Duration attemptTimeout, Duration giveUpAfter,
                         int maxBufferedSends, long maxBufferedBytes) {
        this(initialBackoff, maxBackoff, attemptTimeout, giveUpAfter, maxBufferedSends, maxBufferedBytes, UPSTREAM_CONNECT);
    }

    /** The reconnect schedule these settings describe. */
    public Backoff backoff() {
        return new Backoff(initialBackoff.toNanos(), maxBackoff.toNanos());
    }

    public RelaySettings withBackoff(Duration initial, Duration max) {
        return new RelaySettings(initial, max, attemptTimeout, giveUpAfter, maxBufferedSends, maxBufferedBytes, upstreamConnect);
    }

    public RelaySettings withAttemptTimeout(Duration timeout) {
        return new RelaySettings(initialBackoff, maxBackoff, timeout, giveUpAfter, maxBufferedSends, maxBufferedBytes, upstreamConnect);
    }

    public RelaySettings withGiveUpAfter(Duration giveUp) {
        return new RelaySettings(initialBackoff, maxBackoff, attemptTimeout, giveUp, maxBufferedSends, maxBufferedBytes, upstreamConnect);
    }

    public RelaySettings withBuffer(int maxSends, long maxBytes) {
        return new RelaySettings(initialBackoff, maxBackoff, attemptTimeout, giveUpAfter, maxSends, maxBytes, upstreamConnect);
    }

    /** The upstream CONNECT's {@code host}, {@code login} and {@code passcode} (null: none). */
    public RelaySettings withUpstreamLogin(String host, String login, String passcode) {
        return withUpstreamConnect(upstreamConnect.withHost(host).withLogin(login, passcode));
    }

    /** The heart-beats asked of the upstream ({@link HeartBeat#NONE}: a half-open connection goes unnoticed). */
    public RelaySettings withUpstreamHeartBeat(HeartBeat heartBeat) {
        return withUpstreamConnect(upstreamConnect.withHeartBeat(heartBeat));
    }

    public RelaySettings withUpstreamConnect(ClientConnectOptions connect) {
        return new RelaySettings(initialBackoff, maxBackoff, attemptTimeout, giveUpAfter, maxBufferedSends,
                maxBufferedBytes, connect);
    }
}
