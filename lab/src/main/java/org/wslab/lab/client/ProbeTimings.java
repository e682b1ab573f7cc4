package org.wslab.lab.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long the steps of one probe took: the TCP connect (RFC 9293 §3.5), the TLS handshake under
 * {@code wss://} (RFC 8446 §4; empty for {@code ws://}), and the opening handshake from the
 * request's first byte sent to the response head's last byte read (RFC 6455 §4.1).
 */
public record ProbeTimings(Duration connect, Optional<Duration> tls, Duration handshake) {
    public ProbeTimings {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(handshake, "handshake");
    }

    /** {@code d} in milliseconds, to the microsecond. */
    public static double millis(Duration d) {
        return Math.round(d.toNanos() / 1_000.0) / 1_000.0;
    }
}
