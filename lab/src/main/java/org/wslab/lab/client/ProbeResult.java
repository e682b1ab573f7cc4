package org.wslab.lab.client;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.ServerJudgement;
import org.wslab.handshake.http.HttpParseFailure;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.spec.RuleCheck;
import org.wslab.lab.common.ConnectFailure;

/**
 * What one opening handshake against a live server came to (RFC 6455 §4.1). Every case carries
 * the handshake (so the request as sent can be shown), the bytes received and, under
 * {@code wss://}, what the TLS handshake agreed (RFC 8446 §4).
 */
public sealed interface ProbeResult {

    /** The handshake that was sent. */
    ClientHandshake handshake();

    /** Every byte received of the response head (or all received, when there was none). */
    byte[] received();

    /** What the TLS handshake agreed; empty for {@code ws://}. */
    Optional<TlsFacts> tls();

    /**
     * The server answered a complete HTTP response head, judged.
     *
     * @param received  the response head's octets
     * @param body      the start of the body of a status other than 101 (none for a 101)
     * @param judgement the request and response rules and what the server's answer comes to
     * @param findings  facts with no verdict (the sub-protocol picked, permessage-deflate, obsolete fields)
     */
    record Answered(ClientHandshake handshake, byte[] received, ResponseHead response, ResponseBody body,
                    ServerJudgement judgement, List<RuleCheck> findings, Optional<TlsFacts> tls,
                    ProbeTimings timings) implements ProbeResult {
        public Answered {
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(judgement, "judgement");
            findings = List.copyOf(findings);
            Objects.requireNonNull(timings, "timings");
        }
    }

    /**
     * The answer began as HTTP ({@code HTTP/}) but breaks HTTP/1.1 syntax or a limit before its
     * head ends (RFC 9112; the parser's typed failure names the rule).
     */
    record BrokenHttp(ClientHandshake handshake, byte[] received, HttpParseFailure failure,
                      Optional<TlsFacts> tls, ProbeTimings timings) implements ProbeResult {
        public BrokenHttp {
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(timings, "timings");
        }
    }

    /**
     * No HTTP response to judge: nothing came in time, the server closed before a complete head,
     * or sent bytes that are not HTTP at all (a TLS server behind {@code ws://} among them).
     *
     * @param failure what went wrong, shown after what did arrive
     */
    record NoHttp(ClientHandshake handshake, byte[] received, ConnectFailure failure, Optional<TlsFacts> tls)
            implements ProbeResult {
        public NoHttp {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
