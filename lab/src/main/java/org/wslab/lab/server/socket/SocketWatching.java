package org.wslab.lab.server.socket;

import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.HandshakeExchange;
import org.wslab.framing.engine.HandshakeFailure;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.http.RequestHead;
import org.wslab.lab.server.watch.ConnectionWatch;

/**
 * Tells a {@link ConnectionWatch} what our engine decided, from its typed values only: the 101 of
 * {@link HandshakeExchange.Server} (RFC 6455 §4.2.2), a {@link HandshakeFailure.Refused} or
 * {@link HandshakeFailure.Answered} with the rule it names (§4.2.1, RFC 9110 §15), a handshake
 * that never finished, and the {@link Event.Closed} of an open connection (§7.1.5).
 */
final class SocketWatching {
    private SocketWatching() {
    }

    static void opened(ConnectionWatch watch, Event.HandshakeCompleted opened) {
        if (opened.exchange() instanceof HandshakeExchange.Server s) {
            watch.accepted(requestLine(s.request()), s.decision().subprotocol(),
                    s.decision().extensions().stream().map(ExtensionOffer::name).toList());
        }
    }

    static void failed(ConnectionWatch watch, HandshakeFailure failure) {
        if (failure instanceof HandshakeFailure.Refused r) {
            watch.answered(r.request().map(SocketWatching::requestLine).orElse("(request unreadable)"),
                    r.decision().status(), r.rule(), r.detail());
        } else if (failure instanceof HandshakeFailure.Answered a) {
            watch.answered(requestLine(a.request()), a.status(), a.rule(), a.detail());
        } else {
            watch.ended(failure.rule(), failure.detail());
        }
    }

    static void closed(ConnectionWatch watch, Event.Closed closed) {
        watch.closed(closed.code(), closed.reason());
    }

    /** {@code GET /websocket/echo}: the request line without its version. */
    static String requestLine(RequestHead head) {
        return head.method() + " " + head.target();
    }
}
