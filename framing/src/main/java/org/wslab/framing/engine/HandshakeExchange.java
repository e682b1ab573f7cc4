package org.wslab.framing.engine;

import java.util.Objects;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.ClientVerdict;
import org.wslab.handshake.ServerDecision;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.ResponseHead;

/**
 * The opening handshake that opened a connection (RFC 6455 §4.1, §4.2.2), as the
 * {@code handshake} module recorded it: the client's view or the server's.
 */
public sealed interface HandshakeExchange {
    /**
     * Our request and the server's 101 with the verdict of its §4.1 checks.
     *
     * @param handshake the request side
     * @param response  the server's response head
     * @param verdict   every check passed
     */
    record Client(ClientHandshake handshake, ResponseHead response, ClientVerdict.Accepted verdict)
            implements HandshakeExchange {
        public Client {
            Objects.requireNonNull(handshake, "handshake");
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    /**
     * The client's request and our §4.2.2 answer; {@code request().target()} names the resource.
     *
     * @param request  the request head
     * @param decision the 101 sent
     */
    record Server(RequestHead request, ServerDecision.Accept decision) implements HandshakeExchange {
        public Server {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(decision, "decision");
        }
    }
}
