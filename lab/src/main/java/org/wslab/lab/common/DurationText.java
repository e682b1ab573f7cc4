package org.wslab.lab.common;

import java.time.Duration;

/**
 * A duration as a person would type it back into an option such as {@code --timeout}:
 * {@code 300ms}, {@code 10s}, {@code 5m}, {@code 1500ms}. Every wait the lab reports (a handshake
 * timeout, RFC 6455 §4.1; an idle timeout; a STOMP slow-consumer limit) is written this way.
 */
public final class DurationText {
    private DurationText() {
    }

    /** The short form: whole minutes as {@code m}, whole seconds as {@code s}, else {@code ms}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 60_000 == 0) {
            return (ms / 60_000) + "m";
        }
        return ms % 1_000 == 0 ? (ms / 1_000) + "s" : ms + "ms";
    }
}
