package org.wslab.handshake.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.wslab.handshake.ClientOffer;
import org.wslab.handshake.OriginPolicy;
import org.wslab.handshake.RequestRules;
import org.wslab.handshake.ResponseRules;
import org.wslab.handshake.deflate.DeflateNegotiation;
import org.wslab.handshake.deflate.DeflateNegotiator;
import org.wslab.handshake.deflate.DeflateOffer;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.http.Headers;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.spec.HandshakeRule;
import org.wslab.handshake.spec.RuleCheck;
import org.wslab.handshake.spec.SpecRule;

/**
 * Explains a recorded opening handshake: classifies every header ({@link HeaderCatalog}) and
 * lists every rule checked on the request (RFC 6455 §4.2.1, as a server would) and on the
 * response (RFC 6455 §4.1, as the client would), plus findings: obsolete hixie-era fields, the
 * target's form, which sub-protocol was picked of how many, and the permessage-deflate outcome.
 * A message that does not parse is itself a failed check. Pure function, no I/O.
 */
/**
 * Explains a recorded opening handshake: classifies every header ({@link HeaderCatalog}) and
 * lists every rule checked on the request (RFC 6455 §4.2.1, as a server would) and on the
 * response (RFC 6455 §4.1, as the client would), each on its side, plus findings: how the file was
 * read ({@link TranscriptRule}), obsolete hixie-era fields, the target's form, which sub-protocol was
 * picked of how many, and the permessage-deflate outcome. Every fault is listed, not just the first:
 * a head whose start line is broken still has its fields judged, and no expected accept is computed
 * from a missing, empty or repeated key (RFC 6455 §4.1 (7), §11.3.1). Pure function, no I/O.
 */
public final class TranscriptExplainer {
    private TranscriptExplainer() {}

    /** Explains a file (a transcript or a DevTools copy); one that is none fails REQUEST_WELL_FORMED with why. */
    public static Explanation explainFile(byte[] file) {
        Transcript.Reading reading = Transcript.read(file);
        if (reading instanceof Transcript.Reading.Invalid inv) {
            return new Explanation(Optional.empty(), Optional.empty(), List.of(), List.of(),
                    List.of(new SidedCheck(RuleCheck.fail(HandshakeRule.REQUEST_WELL_FORMED, inv.detail()), CheckSide.BOTH)));
        }
        return explain((Transcript.Reading.Split) reading);
    }

    /** Explains a request and a response given as bytes (each a head; CRLF or LF). */
    public static Explanation explain(byte[] request, byte[] response) {
        return explain(new Transcript.Reading.Split(new Transcript(request, response)));
    }

    /** Explains a transcript as read, its reading notes first. */
    public static Explanation explain(Transcript.Reading.Split reading) {
        Transcript t = reading.transcript();
        HeadReader.Read<RequestHead> req = HeadReader.request(t.requestLines());
        HeadReader.Read<ResponseHead> resp = HeadReader.response(t.responseLines());
        List<SidedCheck> rules = new ArrayList<>();
        reading.notes().forEach(n -> rules.add(new SidedCheck(n, CheckSide.BOTH)));
        req.faults().forEach(f -> rules.add(new SidedCheck(f, CheckSide.REQUEST)));
        // a broken start line is its own fault: the fields are still judged, on a stand-in head whose
        // start-line rules are left out (they would judge the stand-in, not the file)
        List<RuleCheck> requestRules = RequestRules.check(req.head().orElse(RequestHead.get("/", req.fields())), OriginPolicy.any());
        add(rules, req.head().isPresent() ? requestRules : requestRules.stream().filter(c -> !START_LINE_RULES.contains(c.rule())).toList(),
                CheckSide.REQUEST);
        resp.faults().forEach(f -> rules.add(new SidedCheck(f, CheckSide.RESPONSE)));
        return judge(req.head(), resp.head(), req.fields(), resp.fields(), rules);
    }

    /** The rules that judge a request line or status line (RFC 6455 §4.1 (2)–(3), response (1)). */
    private static final Set<SpecRule> START_LINE_RULES = Set.of(HandshakeRule.METHOD_GET, HandshakeRule.HTTP_VERSION_1_1,
            HandshakeRule.REQUEST_TARGET, HandshakeRule.STATUS_101);

    /** Explains two parsed heads. */
    public static Explanation explain(RequestHead request, ResponseHead response) {
        List<SidedCheck> rules = new ArrayList<>();
        add(rules, RequestRules.check(request, OriginPolicy.any()), CheckSide.REQUEST);
        return judge(Optional.of(request), Optional.of(response), request.headers(), response.headers(), rules);
    }

    private static Explanation judge(Optional<RequestHead> request, Optional<ResponseHead> response,
                                     Headers requestFields, Headers responseFields, List<SidedCheck> rules) {
        List<HeaderAnnotation> reqNotes = HeaderCatalog.request(requestFields);
        List<HeaderAnnotation> respNotes = HeaderCatalog.response(response.map(ResponseHead::status).orElse(101), responseFields);
        ClientOffer offer = ClientOffer.of(request.orElse(RequestHead.get("/", requestFields)));
        Optional<String> noKey = whyNoAccept(requestFields.all("Sec-WebSocket-Key"));
        {
            ResponseHead r = response.orElse(ResponseHead.of(101, "", responseFields));
            for (RuleCheck c : ResponseRules.check(r, offer).checks()) {
                if (response.isEmpty() && START_LINE_RULES.contains(c.rule())) {
                    continue;
                }
                boolean unjudgeable = c.rule() == HandshakeRule.ACCEPT_MATCHES_KEY && noKey.isPresent();
                rules.add(new SidedCheck(unjudgeable ? RuleCheck.info(HandshakeRule.ACCEPT_MATCHES_KEY, "not judged: no expected "
                        + "accept can be computed, because " + noKey.get() + "; the response's Sec-WebSocket-Accept"
                        + (r.headers().has("Sec-WebSocket-Accept") ? " (" + String.join(", ", r.headers().all("Sec-WebSocket-Accept"))
                        + ") is left unchecked" : " is absent too")) : c, CheckSide.RESPONSE));
            }
        }
        obsolete(reqNotes, "request", rules, CheckSide.REQUEST);
        obsolete(respNotes, "response", rules, CheckSide.RESPONSE);
        if (request.isPresent() && response.isPresent()) {
            rules.add(new SidedCheck(subprotocolFinding(offer, response.get()), CheckSide.BOTH));
            rules.add(new SidedCheck(deflateFinding(offer, response.get()), CheckSide.BOTH));
        }
        return new Explanation(request, response, reqNotes, respNotes, rules);
    }

    /** Why the request's keys give no expected accept (RFC 6455 §4.1 (7), §11.3.1), if they do not. */
    private static Optional<String> whyNoAccept(List<String> keys) {
        if (keys.isEmpty()) {
            return Optional.of("the request has no Sec-WebSocket-Key (RFC 6455 §4.1 (7))");
        }
        if (keys.size() > 1) {
            return Optional.of("the request has " + keys.size() + " Sec-WebSocket-Key fields and RFC 6455 §4.1 (7) / §11.3.1 "
                    + "allow exactly one, so there is no one key to hash (a request fault, see KEY_PRESENT_ONCE)");
        }
        return keys.get(0).isEmpty() ? Optional.of("the request's Sec-WebSocket-Key is empty (RFC 6455 §4.1 (7))") : Optional.empty();
    }

    private static void add(List<SidedCheck> rules, List<RuleCheck> checks, CheckSide side) {
        checks.forEach(c -> rules.add(new SidedCheck(c, side)));
    }

    private static void obsolete(List<HeaderAnnotation> notes, String where, List<SidedCheck> checks, CheckSide side) {
        for (HeaderAnnotation a : notes) {
            if (a.role() == HeaderRole.OBSOLETE) {
                checks.add(new SidedCheck(RuleCheck.info(HandshakeRule.OBSOLETE_HIXIE_HEADER, a.field().name() + " in the " + where
                        + " is from " + a.section() + ": " + a.note() + "; RFC 6455 peers ignore it"), side));
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
}
