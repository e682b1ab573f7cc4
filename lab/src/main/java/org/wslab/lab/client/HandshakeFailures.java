package org.wslab.lab.client;

import java.time.Duration;
import org.wslab.framing.engine.ClientOpening;
import org.wslab.framing.engine.Event;
import org.wslab.handshake.ClientVerdict;

/** One line saying why a client's opening handshake (RFC 6455 §4.1) did not open a connection. */
final class HandshakeFailures {
    private HandshakeFailures() {}

    /** The line for the event that ended the handshake ({@code timedOut}: our timeout closed the socket). */
    static String describe(Event last, boolean timedOut, Duration timeout) {
        if (timedOut) {
            return "timed out after " + timeout.toMillis() + " ms waiting for the opening handshake";
        }
        if (!(last instanceof Event.HandshakeFailed failed)) {
            return "the connection ended during the opening handshake";
        }
        if (failed.details() instanceof ClientOpening.Details d && d.response() != null) {
            String status = "HTTP " + d.response().status() + " " + d.response().reason();
            if (d.verdict() instanceof ClientVerdict.Rejected no) {
                return "the server did not open a WebSocket: " + status + " (" + no.rule().cite() + ": "
                        + no.detail() + ")";
            }
            return "the server did not open a WebSocket: " + status;
        }
        if (failed.details() instanceof ClientOpening.Details d && d.parseFailure() != null) {
            return "the server's answer is not an HTTP response head: " + failed.reason();
        }
        return failed.reason();
    }
}
