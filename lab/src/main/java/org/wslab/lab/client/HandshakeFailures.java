package org.wslab.lab.client;

import java.time.Duration;
import org.wslab.framing.engine.HandshakeFailure;
import org.wslab.framing.engine.Event;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.common.TlsFailureLine;

/**
 * One line saying why a client's opening handshake (RFC 6455 §4.1) did not open a connection; a
 * failed TLS handshake under {@code wss://} (§4.1 (5)) is {@link TlsFailureLine}'s line.
 */
final class HandshakeFailures {
    private HandshakeFailures() {}

    /** The line for the event that ended the handshake ({@code timedOut}: our timeout closed the socket). */
    static String describe(Event last, boolean timedOut, Duration timeout, WebSocketUri uri) {
        if (timedOut) {
            return "timed out after " + timeout.toMillis() + " ms waiting for the opening handshake";
        }
        if (!(last instanceof Event.HandshakeFailed failed)) {
            return "the connection ended during the opening handshake";
        }
        HandshakeFailure failure = failed.failure();
        if (failure instanceof HandshakeFailure.ResponseRejected no) {
            return "the server did not open a WebSocket: HTTP " + no.response().status() + " "
                    + no.response().reason() + " (" + no.rule().cite() + ": " + no.detail() + ")";
        }
        if (failure instanceof HandshakeFailure.TlsFailed tls) {
            return TlsFailureLine.of(tls.failure(), uri.host(), uri.port());
        }
        if (failure instanceof HandshakeFailure.ResponseUnreadable) {
            return "the server's answer is not an HTTP response head: " + failure.reason();
        }
        return failure.reason();
    }
}
