package org.wslab.framing.engine;

import java.util.Objects;
import java.util.Optional;
import org.wslab.framing.tls.TlsFailure;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.ClientVerdict;
import org.wslab.handshake.ServerDecision;
import org.wslab.handshake.http.HttpParseFailure;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.spec.SpecRule;

/**
 * Why an opening handshake ended without a WebSocket connection (RFC 6455 §4.1 "_Fail the
 * WebSocket Connection_", §4.2.1 refusals): always a rule value with its cite, and what was found.
 */
public sealed interface HandshakeFailure {
    /** The rule that ended the handshake. */
    SpecRule rule();

    /** What was found, for humans. */
    String detail();

    /** {@code cite (detail)}: the rule with its section, for one-line messages. */
    default String reason() {
        return detail().isEmpty() ? rule().cite() : rule().cite() + " (" + detail() + ")";
    }

    /**
     * Client: the server's response head broke a §4.1 rule (a status other than 101 included).
     *
     * @param handshake our request side
     * @param response  the server's response head
     * @param verdict   the first rule it broke
     * @param bodyStart the octets after the head that came with it (a refusal's body often says why),
     *                  at most {@link #MAX_BODY_START}; empty when none did
     */
    record ResponseRejected(ClientHandshake handshake, ResponseHead response, ClientVerdict.Rejected verdict,
                            byte[] bodyStart) implements HandshakeFailure {
        /** The most octets of a refusal's body kept for showing. */
        public static final int MAX_BODY_START = 1024;

        public ResponseRejected {
            Objects.requireNonNull(handshake, "handshake");
            Objects.requireNonNull(response, "response");
            Objects.requireNonNull(verdict, "verdict");
            bodyStart = bodyStart.clone();
        }

        /** The octets after the head that came with it; a copy. */
        @Override
        public byte[] bodyStart() {
            return bodyStart.clone();
        }

        @Override
        public SpecRule rule() {
            return verdict.rule();
        }

        @Override
        public String detail() {
            return verdict.detail();
        }
    }

    /**
     * Client: the server's answer is not an HTTP response head (RFC 9112).
     *
     * @param handshake our request side
     * @param failure   the parser's typed failure
     * @param first     the answer's first octets (at most {@link #MAX_FIRST}), to show what came instead
     */
    record ResponseUnreadable(ClientHandshake handshake, HttpParseFailure failure, byte[] first) implements HandshakeFailure {
        /** The most octets of the answer kept for showing. */
        public static final int MAX_FIRST = 64;

        public ResponseUnreadable {
            Objects.requireNonNull(handshake, "handshake");
            Objects.requireNonNull(failure, "failure");
            first = first.clone();
        }

        /** The answer's first octets; a copy. */
        @Override
        public byte[] first() {
            return first.clone();
        }

        @Override
        public SpecRule rule() {
            return failure.rule();
        }

        @Override
        public String detail() {
            return failure.detail() + " at byte " + failure.offset();
        }
    }

    /**
     * Server: the request was refused (400 / 426 / 403 / 431, §4.2.1, §4.4).
     *
     * @param request  the request head; empty when it did not parse
     * @param decision the refusal sent
     */
    record Refused(Optional<RequestHead> request, ServerDecision.Refuse decision) implements HandshakeFailure {
        public Refused {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(decision, "decision");
        }

        @Override
        public SpecRule rule() {
            return decision.rule();
        }

        @Override
        public String detail() {
            return decision.detail();
        }
    }

    /**
     * Server: a plain HTTP request was answered (an index page, a 404), no WebSocket involved.
     *
     * @param request the request head
     * @param status  the HTTP status sent
     * @param rule    why: {@link OpeningRule#PLAIN_HTTP_PAGE}, {@link OpeningRule#NO_RESOURCE}
     * @param detail  e.g. the path asked for
     */
    record Answered(RequestHead request, int status, SpecRule rule, String detail) implements HandshakeFailure {
        public Answered {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * Either side: the handshake never finished (timeout, the transport ended).
     *
     * @param rule   {@link OpeningRule#HANDSHAKE_TIMEOUT}, {@link OpeningRule#CLOSED_DURING_HANDSHAKE}, or a
     *               {@code CONNECT_…} rule when the TCP connection could not be opened
     * @param detail what was found
     */
    record Ended(OpeningRule rule, String detail) implements HandshakeFailure {
        public Ended {
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * Either side: the TLS handshake under {@code wss://} failed (RFC 6455 §4.1 (5), §10.6), or a
     * {@code ws://} client found TLS records where the response should be.
     *
     * @param failure the TLS rule and what was found
     */
    record TlsFailed(TlsFailure failure) implements HandshakeFailure {
        public TlsFailed {
            Objects.requireNonNull(failure, "failure");
        }

        @Override
        public SpecRule rule() {
            return failure.problem();
        }

        @Override
        public String detail() {
            return failure.detail();
        }
    }
}
