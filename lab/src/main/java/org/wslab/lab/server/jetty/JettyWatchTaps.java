package org.wslab.lab.server.jetty;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.wslab.lab.server.watch.ConnectionWatch;

/**
 * Hands a connection's {@link ConnectionWatch} to the {@link JettyWatchExtension} Jetty creates for
 * it: Jetty makes extensions itself from their configuration (RFC 6455 §9.1 parameters), so the
 * watch travels as a token parameter and is taken from here once. An entry lives from the
 * upgrade's creator until the extension is made, or until the upgrade request completes.
 */
final class JettyWatchTaps {
    private static final Map<Long, ConnectionWatch> WAITING = new ConcurrentHashMap<>();
    private static final AtomicLong TOKENS = new AtomicLong();

    private JettyWatchTaps() {
    }

    /** Leaves {@code watch} for the extension; returns its token. */
    static long put(ConnectionWatch watch) {
        long token = TOKENS.incrementAndGet();
        WAITING.put(token, watch);
        return token;
    }

    /** Takes the watch of {@code token}, if it is still waiting. */
    static Optional<ConnectionWatch> take(long token) {
        return Optional.ofNullable(WAITING.remove(token));
    }
}
