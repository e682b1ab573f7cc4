package org.wslab.lab.client;

import java.util.Objects;
import java.util.Optional;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.ClientVerdict;
import org.wslab.handshake.explain.Explanation;
import org.wslab.handshake.http.HttpParseFailure;
import org.wslab.handshake.http.ResponseHead;

/**
 * What one opening handshake against a live server came to (RFC 6455 §4.1). Every case carries
 * the handshake (so the request as sent can be shown), the bytes received and, under
 * {@code wss://}, what the TLS handshake agreed (RFC 8446 §4).
 */
public sealed interface ProbeResult {

    /** The handshake that was sent. */
    ClientHandshake handshake();

    /** Every byte received (possibly a few past the response head). */
    byte[] received();

    /** What the TLS handshake agreed; empty for {@code ws://}. */
    Optional<TlsFacts> tls();

    /**
     * The server answered a complete HTTP response head; {@code verdict} is the client's judgement.
     *
     * @param explanation every header annotated and every rule checked, request and response
     */
    record Answered(ClientHandshake handshake, byte[] received, ResponseHead response,
                    Explanation explanation, ClientVerdict verdict, Optional<TlsFacts> tls) implements ProbeResult {
        public Answered {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(explanation, "explanation");
            Objects.requireNonNull(verdict, "verdict");
        }
    }

    /**
     * The answer began as HTTP ({@code HTTP/}) but breaks HTTP/1.1 syntax or a limit before its
     * head ends (RFC 9112; the parser's typed failure names the rule).
     */
    record BrokenHttp(ClientHandshake handshake, byte[] received, HttpParseFailure failure,
                      Optional<TlsFacts> tls) implements ProbeResult {
        public BrokenHttp {
            Objects.requireNonNull(failure, "failure");
        }
    }

    /**
     * No HTTP response to judge: the server closed before a complete head, or sent bytes that are
     * not HTTP at all.
     *
     * @param reason one line saying which
     */
    record NoHttp(ClientHandshake handshake, byte[] received, String reason, Optional<TlsFacts> tls) implements ProbeResult {
        public NoHttp {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
