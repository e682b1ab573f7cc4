package org.wslab.lab.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.framing.engine.Event;

/**
 * What one {@code wslab echo} run found: the negotiated session (RFC 6455 §4.2.2 sub-protocol,
 * §9.1 extensions), how many messages went out and came back, the first mismatch, the round
 * trips, and how the connection closed (§7.1.5 close code).
 *
 * @param subprotocol    the sub-protocol the server chose, if any
 * @param extensions     the server's {@code Sec-WebSocket-Extensions} value, empty when none
 * @param sent           messages sent
 * @param received       data messages received back
 * @param mismatches     echoes that differ from what was sent (type or bytes)
 * @param firstMismatch  what differed first, empty when nothing did
 * @param roundTripNanos send-to-echo time of each matched or mismatched echo, in order
 * @param closed         how the connection ended
 */
public record EchoResult(Optional<String> subprotocol, String extensions, int sent, int received, int mismatches,
                         Optional<String> firstMismatch, List<Long> roundTripNanos, Event.Closed closed,
                         Optional<TlsFacts> tls) {
    public EchoResult {
        Objects.requireNonNull(subprotocol, "subprotocol");
        Objects.requireNonNull(extensions, "extensions");
        Objects.requireNonNull(firstMismatch, "firstMismatch");
        roundTripNanos = List.copyOf(roundTripNanos);
        Objects.requireNonNull(closed, "closed");
    }

    /**
     * Whether the connection ended with an error: any close other than a clean 1000 (normal
     * closure, §7.4.1), e.g. 1009 from a server whose limit the message crossed, or 1006 when it
     * ended without a closing handshake.
     */
    public boolean closedWithError() {
        return !(closed.clean() && closed.code() == 1000);
    }

    /** Whether every message came back byte for byte and the connection closed normally. */
    public boolean allMatched() {
        return mismatches == 0 && received == sent && !closedWithError();
    }

    /** Why the run failed, in one line naming the rule or close code; empty when it did not. */
    public Optional<String> failure() {
        if (firstMismatch.isPresent()) {
            return Optional.of(mismatches + " of " + received + " echoes differ; first: " + firstMismatch.get());
        }
        if (closedWithError()) {
            String rule = closed.error().map(e -> "; " + e).orElse("");
            return Optional.of("the connection closed with " + closed.describe() + (closed.clean() ? "" : " (not clean)")
                    + rule + " after " + received + " of " + sent + " echoes");
        }
        if (received < sent) {
            return Optional.of("only " + received + " of " + sent + " echoes came back");
        }
        return Optional.empty();
    }

    /** Shortest round trip in nanoseconds; 0 when none. */
    public long minNanos() {
        return roundTripNanos.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    /** Mean round trip in nanoseconds; 0 when none. */
    public long avgNanos() {
        return (long) roundTripNanos.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    /** Longest round trip in nanoseconds; 0 when none. */
    public long maxNanos() {
        return roundTripNanos.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}
