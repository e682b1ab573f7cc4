package org.wslab.stomp.session;

import java.util.EnumSet;
import java.util.Set;
import org.wslab.stomp.broker.MailboxLimits;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.StompVersion;

/**
 * How a server session behaves.
 *
 * @param versions          versions offered (default all three)
 * @param heartBeat         the server's own {@code heart-beat}: it can send every {@code canSend} ms and
 *                          wants beats every {@code wantsEvery} ms (default {@code 10000,10000})
 * @param silenceTolerance  a client that promised beats every N ms is dropped after
 *                          {@code N × silenceTolerance} ms without any octet (default 2.0)
 * @param limits            decoder limits (STOMP 1.2 "Size Limits")
 * @param authenticator     login check (default none)
 * @param serverName        the CONNECTED {@code server} header
 * @param sessionLimits     what one session may hold: subscriptions, open transactions and their size
 * @param mailbox           the session's broker mailbox: flow-control and slow-consumer limits
 *                          (wslab policy, default {@link MailboxLimits#DEFAULT})
 * @param defaultPrefetch   unacknowledged messages in flight per {@code client} / {@code client-individual}
 *                          subscription without a {@code prefetch-count} header (default
 *                          {@link #DEFAULT_PREFETCH}; at most {@link #MAX_PREFETCH})
 */
public record StompServerConfig(Set<StompVersion> versions, HeartBeat heartBeat, double silenceTolerance,
                                StompLimits limits, Authenticator authenticator, String serverName,
                                SessionLimits sessionLimits, MailboxLimits mailbox, int defaultPrefetch) {
    /** A window of 100 unacknowledged messages per client-ack subscription. */
    public static final int DEFAULT_PREFETCH = 100;
    /** The largest {@code prefetch-count} a SUBSCRIBE may ask for. */
    public static final int MAX_PREFETCH = 65_536;

    /** The defaults: 1.0–1.2, heart-beat 10000,10000, tolerance ×2, default limits, no login, "wslab/0.1". */
    public static final StompServerConfig DEFAULT = new StompServerConfig(EnumSet.allOf(StompVersion.class),
            new HeartBeat(10_000, 10_000), 2.0, StompLimits.DEFAULT, Authenticator.NONE, "wslab/0.1");

    public StompServerConfig {
        versions = Set.copyOf(versions);
        if (versions.isEmpty() || silenceTolerance < 1.0) {
            throw new IllegalArgumentException("need a version and a tolerance of at least 1.0");
        }
        if (sessionLimits == null || mailbox == null) {
            throw new IllegalArgumentException("sessionLimits and mailbox limits are required");
        }
        if (defaultPrefetch < 1 || defaultPrefetch > MAX_PREFETCH) {
            throw new IllegalArgumentException("defaultPrefetch must be 1.." + MAX_PREFETCH);
        }
    }

    /** A config with {@link SessionLimits#DEFAULT}, {@link MailboxLimits#DEFAULT} and {@link #DEFAULT_PREFETCH}. */
    public StompServerConfig(Set<StompVersion> versions, HeartBeat heartBeat, double silenceTolerance,
                             StompLimits limits, Authenticator authenticator, String serverName) {
        this(versions, heartBeat, silenceTolerance, limits, authenticator, serverName, SessionLimits.DEFAULT,
                MailboxLimits.DEFAULT, DEFAULT_PREFETCH);
    }

    public StompServerConfig withSessionLimits(SessionLimits s) {
        return new StompServerConfig(versions, heartBeat, silenceTolerance, limits, authenticator, serverName, s, mailbox, defaultPrefetch);
    }

    public StompServerConfig withVersions(Set<StompVersion> v) {
        return new StompServerConfig(v, heartBeat, silenceTolerance, limits, authenticator, serverName, sessionLimits, mailbox, defaultPrefetch);
    }

    public StompServerConfig withHeartBeat(HeartBeat h) {
        return new StompServerConfig(versions, h, silenceTolerance, limits, authenticator, serverName, sessionLimits, mailbox, defaultPrefetch);
    }

    public StompServerConfig withLimits(StompLimits l) {
        return new StompServerConfig(versions, heartBeat, silenceTolerance, l, authenticator, serverName, sessionLimits, mailbox, defaultPrefetch);
    }

    public StompServerConfig withAuthenticator(Authenticator a) {
        return new StompServerConfig(versions, heartBeat, silenceTolerance, limits, a, serverName, sessionLimits, mailbox, defaultPrefetch);
    }

    public StompServerConfig withMailbox(MailboxLimits m) {
        return new StompServerConfig(versions, heartBeat, silenceTolerance, limits, authenticator, serverName, sessionLimits, m, defaultPrefetch);
    }

    public StompServerConfig withDefaultPrefetch(int n) {
        return new StompServerConfig(versions, heartBeat, silenceTolerance, limits, authenticator, serverName, sessionLimits, mailbox, n);
    }
}
