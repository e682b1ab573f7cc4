package org.wslab.stomp.jetty;

import java.time.Duration;
import org.eclipse.jetty.websocket.api.Session;

/**
 * Keeps Jetty's WebSocket idle timeout from cutting a STOMP connection whose negotiated heart-beats
 * (STOMP 1.2 "Heart-beating") are slower than it: after CONNECTED the idle timeout becomes at least
 * twice the longer of the send interval and the tolerated silence, so beats keep the connection
 * alive and STOMP's own silence check fires first. Used by both endpoints.
 */
final class HeartBeatIdleTimeout {
    private HeartBeatIdleTimeout() {}

    /**
     * The idle timeout for a connection that negotiated {@code heartBeatMillis} ({send, expect},
     * 0 = off): at least twice the longer of the send interval and the tolerated silence, never below
     * {@code base}.
     */
    static Duration fitted(Duration base, long[] heartBeatMillis, double silenceTolerance) {
        long longest = Math.max(heartBeatMillis[0], (long) Math.ceil(heartBeatMillis[1] * silenceTolerance));
        Duration needed = Duration.ofMillis(2 * longest);
        return needed.compareTo(base) > 0 ? needed : base;
    }

    /** Raises {@code ws}'s idle timeout to {@link #fitted} its current one, when that is longer. */
    static void fit(Session ws, long[] heartBeatMillis, double silenceTolerance) {
        Duration current = ws.getIdleTimeout();
        Duration fitted = fitted(current, heartBeatMillis, silenceTolerance);
        if (fitted.compareTo(current) > 0) {
            ws.setIdleTimeout(fitted);
        }
    }
}
