package org.wslab.handshake.explain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wslab.handshake.ClientOffer;
import org.wslab.handshake.OriginPolicy;
import org.wslab.handshake.RequestRules;
import org.wslab.handshake.ResponseRules;
import org.wslab.handshake.deflate.DeflateNegotiation;
import org.wslab.handshake.deflate.DeflateNegotiator;
import org.wslab.handshake.deflate.DeflateOffer;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.http.HttpParseFailure;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.RequestHeadParser;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.http.ResponseHeadParser;
import org.wslab.handshake.spec.HandshakeRule;
import org.wslab.handshake.spec.RuleCheck;

/**
 * Explains a recorded opening handshake: classifies every header ({@link HeaderCatalog}) and
 * lists every rule checked on the request (RFC 6455 §4.2.1, as a server would) and on the
 * response (RFC 6455 §4.1, as the client would), plus findings: obsolete hixie-era fields, the
 * target's form, which sub-protocol was picked of how many, and the permessage-deflate outcome.
 * A message that does not parse is itself a failed check. Pure function, no I/O.
 */
public final class TranscriptExplainer {
    private TranscriptExplainer() {}

    /** Explains a file in the notes' format (request, empty line, response). */
    public static Explanation explainFile(byte[] file) {
        Transcript.Reading reading = Transcript.read(file);
        if (reading instanceof Transcript.Reading.Invalid inv) {
            return new Explanation(Optional.empty(), Optional.empty(), List.of(), List.of(),
                    List.of(RuleCheck.fail(HandshakeRule.REQUEST_WELL_FORMED, inv.detail())));
        }
        Transcript t = ((Transcript.Reading.Split) reading).transcript();
        return explain(t.request(), t.response());
    }

    /**
     * Explains a request and a response given as bytes. A head missing its final empty line
     * (common at the end of a pasted file) is completed before parsing.
     */
    public static Explanation explain(byte[] request, byte[] response) {
        List<RuleCheck> parseFailures = new ArrayList<>();
        Optional<RequestHead> req = Optional.empty();
        ParseResult<RequestHead> rr = complete(new RequestHeadParser()::feed, request);
        if (rr instanceof ParseResult.Parsed<RequestHead> p) {
            req = Optional.of(p.head());
        } else {
            parseFailures.add(failure(HandshakeRule.REQUEST_WELL_FORMED, rr));
        }
        Optional<ResponseHead> resp = Optional.empty();
        ParseResult<ResponseHead> sr = complete(new ResponseHeadParser()::feed, response);
        if (sr instanceof ParseResult.Parsed<ResponseHead> p) {
            resp = Optional.of(p.head());
        } else {
            parseFailures.add(failure(HandshakeRule.RESPONSE_WELL_FORMED, sr));
        }
        return explain(req, resp, parseFailures);
    }

    /** Explains two parsed heads. */
    public static Explanation explain(RequestHead request, ResponseHead response) {
        return explain(Optional.of(request), Optional.of(response), List.of());
    }

    private static Explanation explain(Optional<RequestHead> request, Optional<ResponseHead> response,
                                       List<RuleCheck> parseFailures) {
        List<RuleCheck> checks = new ArrayList<>(parseFailures);
        List<HeaderAnnotation> reqNotes = request.map(r -> HeaderCatalog.request(r.headers())).orElse(List.of());
        List<HeaderAnnotation> respNotes = response.map(r -> HeaderCatalog.response(r.headers())).orElse(List.of());
        request.ifPresent(r -> checks.addAll(RequestRules.check(r, OriginPolicy.any())));
        ClientOffer offer = request.map(ClientOffer::of).orElse(new ClientOffer("", List.of(), List.of()));
        response.ifPresent(r -> checks.addAll(ResponseRules.check(r, offer).checks()));
        obsolete(reqNotes, "request", checks);
        obsolete(respNotes, "response", checks);
        if (request.isPresent() && response.isPresent()) {
            checks.add(subprotocolFinding(offer, response.get()));
            checks.add(deflateFinding(offer, response.get()));
        }
        return new Explanation(request, response, reqNotes, respNotes, checks);
    }

    private static void obsolete(List<HeaderAnnotation> notes, String where, List<RuleCheck> checks) {
        for (HeaderAnnotation a : notes) {
            if (a.role() == HeaderRole.OBSOLETE) {
                checks.add(RuleCheck.info(HandshakeRule.OBSOLETE_HIXIE_HEADER, a.field().name() + " in the " + where
                        + " is from " + a.section() + ": " + a.note() + "; RFC 6455 peers ignore it"));
            }
        }
    }

    private static RuleCheck subprotocolFinding(ClientOffer offer, ResponseHead response) {
        List<String> offered = offer.subprotocols();
        Optional<String> chosen = response.headers().first("Sec-WebSocket-Protocol");
        if (offered.isEmpty()) {
            return RuleCheck.info(HandshakeRule.SUBPROTOCOL_CHOSEN, chosen.isEmpty()
                    ? "no sub-protocol offered, none chosen" : "none offered, yet the server named " + chosen.get());
        }
        if (chosen.isEmpty()) {
            return RuleCheck.info(HandshakeRule.SUBPROTOCOL_CHOSEN, "none of the " + offered.size()
                    + " offered (" + String.join(", ", offered) + ") was chosen");
        }
        int at = offered.indexOf(chosen.get());
        String position = at < 0 ? "not among them"
                : at == 0 ? "the client's first choice, as a client-order policy picks"
                + (offered.size() > 1 ? " (a server-preference policy could have picked another)" : "")
                : "number " + (at + 1) + " in the client's order, so the server applied its own preference";
        return RuleCheck.info(HandshakeRule.SUBPROTOCOL_CHOSEN, "the server picked " + chosen.get() + " of "
                + offered.size() + " offered (" + String.join(", ", offered) + "): " + position);
    }

    private static RuleCheck deflateFinding(ClientOffer offer, ResponseHead response) {
        List<ExtensionOffer> offered = offer.extensions().stream().filter(DeflateOffer::isPermessageDeflate).toList();
        List<ExtensionOffer> accepted = ExtensionHeader.parse(response.headers().all("Sec-WebSocket-Extensions"))
                instanceof ExtensionHeader.Result.Parsed p
                ? p.offers().stream().filter(DeflateOffer::isPermessageDeflate).toList() : List.of();
        if (offered.isEmpty()) {
            return RuleCheck.info(HandshakeRule.PERMESSAGE_DEFLATE_OUTCOME, accepted.isEmpty()
                    ? "permessage-deflate not offered" : "permessage-deflate not offered, yet the response accepts it");
        }
        String offers = ExtensionHeader.format(offered);
        if (!accepted.isEmpty()) {
            return RuleCheck.info(HandshakeRule.PERMESSAGE_DEFLATE_OUTCOME, "permessage-deflate offered (" + offers
                    + ") and accepted (" + ExtensionHeader.format(accepted) + ")");
        }
        DeflateNegotiation ours = DeflateNegotiator.negotiate(offer.extensions());
        String wouldBe = ours instanceof DeflateNegotiation.Accepted a
                ? "; this module's server would have answered: " + a.response() : "";
        return RuleCheck.info(HandshakeRule.PERMESSAGE_DEFLATE_OUTCOME, "permessage-deflate offered (" + offers
                + ") but not accepted: the response has no Sec-WebSocket-Extensions, so messages go uncompressed" + wouldBe);
    }

    private interface Feed<T> {
        ParseResult<T> feed(byte[] data, int off, int len);
    }

    private static <T> ParseResult<T> complete(Feed<T> parser, byte[] bytes) {
        ParseResult<T> r = parser.feed(bytes, 0, bytes.length);
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 2 && r instanceof ParseResult.NeedMore<T>; i++) {
            r = parser.feed(crlf, 0, 2);
        }
        return r;
    }

    private static RuleCheck failure(HandshakeRule rule, ParseResult<?> r) {
        if (r instanceof ParseResult.Failed<?> f) {
            HttpParseFailure failure = f.failure();
            return RuleCheck.fail(failure.rule(), failure.detail() + " (at byte " + failure.offset() + ")");
        }
        return RuleCheck.fail(rule, "the message is empty or incomplete");
    }
}
