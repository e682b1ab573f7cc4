package org.wslab.lab.client;

import java.util.Objects;
import java.util.Optional;
import org.wslab.framing.engine.Event;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.lab.common.ConnectFailure;
import org.wslab.lab.common.ConnectFailures;

/**
 * What one {@code wslab echo} run found: the negotiated session (RFC 6455 §4.2.2 sub-protocol,
 * §9.1 extensions), how many messages and pings went out and came back (§5.6, §5.5.2–§5.5.3), the
 * first mismatch, the round trips, what compression did (RFC 7692), and how the connection closed
 * (§7.1.5 close code).
 *
 * @param where          {@code host:port}, for the lines
 * @param subprotocol    the sub-protocol the server chose, if any
 * @param extensions     the server's {@code Sec-WebSocket-Extensions} value, if any
 * @param handshakeNanos from starting to connect to the opening handshake's end
 * @param sent           messages sent
 * @param received       data messages received back
 * @param mismatches     echoes that differ from what was sent (type or bytes)
 * @param firstMismatch  what differed first, empty when nothing did
 * @param roundTrips     send-to-echo time of each echo
 * @param pingsSent      pings sent
 * @param pongsMatched   pongs that carried a ping's payload back
 * @param pingRoundTrips ping-to-pong time of each matched pong
 * @param compression    message against wire octets, when permessage-deflate was agreed
 * @param noEcho         an echo or pong that did not come back within the timeout: which, and any
 *                       evidence of what the endpoint is instead ({@link StompEvidence})
 * @param stopped        whether a stop request (a signal) ended the run early
 * @param closed         how the connection ended
 * @param tls            what TLS agreed, for {@code wss://}
 */
public record EchoResult(String where, Optional<String> subprotocol, Optional<String> extensions, long handshakeNanos,
                         int sent, int received, int mismatches, Optional<String> firstMismatch, RoundTrips roundTrips,
                         int pingsSent, int pongsMatched, RoundTrips pingRoundTrips,
                         Optional<EchoCompression> compression, Optional<String> noEcho, boolean stopped,
                         Event.Closed closed, Optional<TlsFacts> tls) {
    public EchoResult {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(subprotocol, "subprotocol");
        Objects.requireNonNull(extensions, "extensions");
        Objects.requireNonNull(firstMismatch, "firstMismatch");
        Objects.requireNonNull(roundTrips, "roundTrips");
        Objects.requireNonNull(pingRoundTrips, "pingRoundTrips");
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(noEcho, "noEcho");
        Objects.requireNonNull(closed, "closed");
        Objects.requireNonNull(tls, "tls");
    }

    /** Whether the connection ended other than with a clean 1000 (normal closure, §7.4.1). */
    public boolean closedWithError() {
        return !(closed.clean() && closed.code() == 1000);
    }

    /** Whether every message and ping came back as sent and the connection closed normally. */
    public boolean allMatched() {
        return failure().isEmpty();
    }

    /**
     * Why the run failed, the first of: an echo that differed, a rule the peer broke (our engine
     * failed the connection, e.g. 1002), an echo that did not come back in time, a close other
     * than 1000 (the vocabulary's {@link ConnectFailure} line), echoes or pongs missing; empty when
     * nothing failed.
     */
    public Optional<EchoFinding> failure() {
        if (firstMismatch.isPresent()) {
            return Optional.of(new EchoFinding(EchoRule.ECHO_MATCHES,
                    mismatches + " of " + received + " echoes differ; first: " + firstMismatch.get()));
        }
        ConnectFailure end = ConnectFailures.closed(closed, where);
        if (end instanceof ConnectFailure.Violation v) {
            return Optional.of(new EchoFinding(v.rule(), v.line() + " " + counts()));
        }
        if (noEcho.isPresent()) {
            return Optional.of(new EchoFinding(EchoRule.ECHO_RETURNED, noEcho.get()));
        }
        if (closedWithError()) {
            return Optional.of(new EchoFinding(EchoRule.NORMAL_CLOSURE, end.line() + " " + counts()));
        }
        if (received < sent) {
            return Optional.of(new EchoFinding(EchoRule.ECHO_RETURNED,
                    "only " + received + " of " + sent + " echoes came back before " + end.line()));
        }
        if (pongsMatched < pingsSent) {
            return Optional.of(new EchoFinding(EchoRule.PONG_ANSWERS_PING,
                    "only " + pongsMatched + " of " + pingsSent + " pings were answered by a pong with their payload"));
        }
        return Optional.empty();
    }

    private String counts() {
        return "(after " + received + " of " + sent + " echoes" + (pingsSent > 0 ? ", " + pongsMatched + " of "
                + pingsSent + " pongs" : "") + ")";
    }
}
