package org.wslab.conformance.handshake;

import java.util.List;
import java.util.Optional;
import org.wslab.conformance.Finding;
import org.wslab.conformance.Verdict;
import org.wslab.handshake.ClientOffer;
import org.wslab.handshake.ResponseReport;
import org.wslab.handshake.ResponseRules;
import org.wslab.handshake.deflate.DeflateOffer;
import org.wslab.handshake.deflate.DeflateRule;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.spec.HandshakeRule;
import org.wslab.handshake.spec.RuleCheck;

/**
 * What a conforming server answers to a case's request, and how its answer is judged. A 101 is
 * always checked against every server-response rule of RFC 6455 §4.1 ({@link ResponseRules}: the
 * accept value of §4.2.2 (5.4), a sub-protocol and extensions the client offered, RFC 7692 §7.1).
 */
public sealed interface HandshakeExpectation {
    /** What a conforming server does, in words. */
    String describe();

    /** The finding for {@code answer} to a request that offered {@code offer}. */
    Finding judge(ServerAnswer answer, ClientOffer offer);

    /**
     * A request that meets every rule of §4.2.1 is accepted with a valid 101.
     *
     * @param needsExtension the case tests an extension the server may lack: a 101 without it is UNIMPLEMENTED
     */
    record Accepts(boolean needsExtension) implements HandshakeExpectation {
        @Override
        public String describe() {
            return "101 Switching Protocols with a valid response (RFC 6455 §4.2.2)"
                    + (needsExtension ? " accepting the permessage-deflate offer" : "");
        }

        @Override
        public Finding judge(ServerAnswer answer, ClientOffer offer) {
            if (!(answer instanceof ServerAnswer.Response r) || r.head().status() != 101) {
                return new Finding(Verdict.FAILED, "a request that meets every rule of §4.2.1 was not accepted: " + answer);
            }
            Finding f = upgrade(r.head(), offer, Verdict.OK);
            if (f.verdict() == Verdict.OK && needsExtension && !r.head().headers().has("Sec-WebSocket-Extensions")) {
                return new Finding(Verdict.UNIMPLEMENTED, "101 without permessage-deflate: the offer was declined");
            }
            return f;
        }
    }

    /**
     * Permessage-deflate offers RFC 7692 §5 says a server MUST decline are declined: a 101 without them
     * (a valid offer beside them may be accepted). Refusing the whole handshake keeps the invalid offer
     * out of use but also the client out, so it is NON_STRICT.
     */
    record DeclinesInvalidOffers() implements HandshakeExpectation {
        @Override
        public String describe() {
            return "101 that accepts no invalid permessage-deflate offer (RFC 7692 §5), or a refusal (non-strict)";
        }

        @Override
        public Finding judge(ServerAnswer answer, ClientOffer offer) {
            if (answer instanceof ServerAnswer.Response r && r.head().status() >= 400 && r.head().status() < 500) {
                return new Finding(Verdict.NON_STRICT, "refused the whole handshake (" + answer
                        + ") instead of declining the offer (RFC 7692 §5: decline it, answer without it)");
            }
            if (!(answer instanceof ServerAnswer.Response r) || r.head().status() != 101) {
                return new Finding(Verdict.FAILED, "neither a 101 nor a refusal: " + answer);
            }
            List<ExtensionOffer> valid = offer.extensions().stream()
                    .filter(o -> !DeflateOffer.isPermessageDeflate(o) || DeflateOffer.read(o) instanceof DeflateOffer.Reading.Valid)
                    .toList();
            ResponseReport report = ResponseRules.check(r.head(), new ClientOffer(offer.key(), offer.subprotocols(), valid));
            Optional<RuleCheck> broken = firstFailed(report);
            if (broken.isPresent()) {
                boolean extensions = broken.get().rule() == HandshakeRule.RESPONSE_EXTENSIONS_OFFERED
                        || broken.get().rule() instanceof DeflateRule;
                return new Finding(Verdict.FAILED, extensions ? "101 accepting an offer RFC 7692 §5 says to decline:"
                        + " Sec-WebSocket-Extensions: " + String.join(", ", r.head().headers().all("Sec-WebSocket-Extensions"))
                        : "101, but " + broken.get());
            }
            return new Finding(Verdict.OK, upgraded(r.head(), report)
                    + (report.extensions().isEmpty() ? ", the invalid offer declined" : ", a valid offer accepted"));
        }
    }

    /**
     * A request that breaks a rule of §4.2.1 is refused: no 101 but an error status (§4.2.1: "such as
     * 400 Bad Request"). Closing TCP without any response, or a 5xx, keeps the connection from being
     * upgraded but is not the answer §4.2.1 asks for: NON_STRICT.
     *
     * @param status       the status the rule names (400 for RFC 9112 §3.2's Host rule), or 0 for any 4xx;
     *                     another 4xx is NON_STRICT
     * @param versionField the refusal must carry {@code Sec-WebSocket-Version} naming 13 (§4.4 MUST)
     */
    record Refuses(int status, boolean versionField) implements HandshakeExpectation {
        @Override
        public String describe() {
            String code = status == 0 ? "a 4xx refusal" : "a " + status + " refusal";
            return code + (versionField ? " (such as 426 Upgrade Required) with Sec-WebSocket-Version: 13 (§4.4)" : "")
                    + ", never 101";
        }

        @Override
        public Finding judge(ServerAnswer answer, ClientOffer offer) {
            if (answer instanceof ServerAnswer.Closed) {
                return new Finding(Verdict.NON_STRICT, answer + "; §4.2.1 asks for an HTTP error response");
            }
            if (!(answer instanceof ServerAnswer.Response r)) {
                return new Finding(Verdict.FAILED, "the request was neither refused nor closed: " + answer);
            }
            int got = r.head().status();
            if (got == 101) {
                return new Finding(Verdict.FAILED, "accepted (" + answer + ", Sec-WebSocket-Accept: "
                        + String.join(", ", r.head().headers().all("Sec-WebSocket-Accept"))
                        + ") a request that breaks the rule; §4.2.1: the server MUST stop processing it and answer an error");
            }
            if (got < 400) {
                return new Finding(Verdict.NON_STRICT, answer + ": not an error status, which §4.2.1 asks for");
            }
            List<String> versions = r.head().headers().tokens("Sec-WebSocket-Version");
            String field = versions.isEmpty() ? "" : ", Sec-WebSocket-Version: " + String.join(", ", versions);
            if (versionField && !versions.contains("13")) {
                return new Finding(Verdict.FAILED, answer + field + ": §4.4 MUST send a Sec-WebSocket-Version field"
                        + " naming the versions the server understands (13)");
            }
            if (got >= 500 || status != 0 && got != status) {
                return new Finding(Verdict.NON_STRICT, "refused with " + answer + field + "; expected " + describe());
            }
            return new Finding(Verdict.OK, "refused: " + answer + field);
        }
    }

    /**
     * Bytes a server need not accept (no HTTP, or a head over its limit) end in a 4xx or a closed
     * connection, never in silence: the verdicts for a TCP close and for a (valid) 101 are the case's.
     *
     * @param closed   the verdict for closing TCP without a response
     * @param upgraded the verdict for a valid 101
     */
    record Survives(Verdict closed, Verdict upgraded) implements HandshakeExpectation {
        @Override
        public String describe() {
            return "a 4xx refusal (or closing the connection: " + closed + "), an answer in any case";
        }

        @Override
        public Finding judge(ServerAnswer answer, ClientOffer offer) {
            if (answer instanceof ServerAnswer.Closed) {
                return new Finding(closed, answer.toString());
            }
            if (!(answer instanceof ServerAnswer.Response r)) {
                return new Finding(Verdict.FAILED, answer + " (a server answers or closes, it never hangs on a client)");
            }
            if (r.head().status() == 101) {
                return upgrade(r.head(), offer, upgraded);
            }
            int got = r.head().status();
            return got >= 400 && got < 500 ? new Finding(Verdict.OK, "refused: " + answer)
                    : new Finding(Verdict.NON_STRICT, answer + ": expected a 4xx refusal");
        }
    }

    /** The specification leaves the answer open: it is recorded; only a 101 that breaks §4.1 is judged. */
    record Records() implements HandshakeExpectation {
        @Override
        public String describe() {
            return "any answer, recorded";
        }

        @Override
        public Finding judge(ServerAnswer answer, ClientOffer offer) {
            return answer instanceof ServerAnswer.Response r && r.head().status() == 101
                    ? upgrade(r.head(), offer, Verdict.OK) : new Finding(Verdict.OK, answer.toString());
        }
    }

    /** A 101 judged by every server-response rule of §4.1: FAILED naming the first it breaks, else {@code ifValid}. */
    private static Finding upgrade(ResponseHead head, ClientOffer offer, Verdict ifValid) {
        ResponseReport report = ResponseRules.check(head, offer);
        Optional<RuleCheck> broken = firstFailed(report);
        return broken.isPresent() ? new Finding(Verdict.FAILED, "101, but " + broken.get())
                : new Finding(ifValid, upgraded(head, report));
    }

    private static Optional<RuleCheck> firstFailed(ResponseReport report) {
        return report.checks().stream().filter(RuleCheck::failed).findFirst();
    }

    /** {@code 101 Switching Protocols, accept …, sub-protocol …, extensions …}. */
    private static String upgraded(ResponseHead head, ResponseReport report) {
        StringBuilder b = new StringBuilder("101 ").append(head.reason()).append(", Sec-WebSocket-Accept ")
                .append(String.join(", ", head.headers().all("Sec-WebSocket-Accept")));
        report.subprotocol().ifPresent(p -> b.append(", sub-protocol ").append(p));
        if (!report.extensions().isEmpty()) {
            b.append(", Sec-WebSocket-Extensions: ").append(String.join(", ", head.headers().all("Sec-WebSocket-Extensions")));
        }
        return b.toString();
    }
}
