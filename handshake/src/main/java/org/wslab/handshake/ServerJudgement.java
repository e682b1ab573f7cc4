package org.wslab.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.spec.HandshakeRule;
import org.wslab.handshake.spec.RuleCheck;
import org.wslab.handshake.spec.SpecRule;

/**
 * A server judged by its answer to one request (RFC 6455 §4): the request checked as a server must
 * check it (§4.2.1, {@link RequestRules}), the response as a client checks it (§4.1,
 * {@link ResponseRules}) or, for a refusal, as {@link RefusalRule} says a refusal must be, and the
 * {@link ServerConduct} they add up to. A response rule that can only hold on a 101 is not checked
 * on any other status: it is a consequence of the refusal, not a further failure.
 *
 * @param requestChecks  the request's rules, in RFC order; {@link HandshakeRule#ORIGIN_ALLOWED} is the
 *                       server's policy, so it passes only on a 101 and is a finding otherwise
 * @param responseChecks the response's rules that apply to its status
 * @param notChecked     the response rules that hold only on a 101, not checked on another status
 * @param conduct        what the server did, judged
 * @param clientVerdict  the client's own verdict (§4.1): whether a WebSocket is open
 */
public record ServerJudgement(List<RuleCheck> requestChecks, List<RuleCheck> responseChecks,
                              List<SpecRule> notChecked, ServerConduct conduct, ClientVerdict clientVerdict) {
    public ServerJudgement {
        requestChecks = List.copyOf(requestChecks);
        responseChecks = List.copyOf(responseChecks);
        notChecked = List.copyOf(notChecked);
        Objects.requireNonNull(conduct, "conduct");
        Objects.requireNonNull(clientVerdict, "clientVerdict");
    }

    /** Judges the server that answered {@code response} to {@code request}. */
    public static ServerJudgement of(RequestHead request, ResponseHead response) {
        List<RuleCheck> requestChecks = new ArrayList<>();
        for (RuleCheck c : RequestRules.check(request, OriginPolicy.any())) {
            requestChecks.add(c.rule() == HandshakeRule.ORIGIN_ALLOWED ? origin(request, response) : c);
        }
        Optional<RuleCheck> broken = requestChecks.stream().filter(RuleCheck::failed).findFirst();
        ResponseReport report = ResponseRules.check(response, ClientOffer.of(request));
        ClientVerdict client = report.verdict();
        if (response.status() == 101) {
            ServerConduct conduct = broken.<ServerConduct>map(ServerConduct.AcceptedBadRequest::new)
                    .orElseGet(() -> client instanceof ClientVerdict.Accepted a ? new ServerConduct.Opened(a)
                            : new ServerConduct.BadUpgrade(report.checks().stream().filter(RuleCheck::failed)
                                    .findFirst().orElseThrow()));
            return new ServerJudgement(requestChecks, report.checks(), List.of(), conduct, client);
        }
        RuleCheck status = report.checks().get(0); // STATUS_101, always first
        List<SpecRule> notChecked = report.checks().stream().map(RuleCheck::rule)
                .filter(r -> r != HandshakeRule.STATUS_101).toList();
        if (broken.isEmpty()) {
            return new ServerJudgement(requestChecks, List.of(status), notChecked,
                    new ServerConduct.NotOpened(response), client);
        }
        List<RuleCheck> responseChecks = new ArrayList<>();
        responseChecks.add(RuleCheck.info(HandshakeRule.STATUS_101, statusText(response)
                + ": no WebSocket, as a request that breaks " + broken.get().rule().name() + " calls for"));
        List<RuleCheck> refusal = refusalChecks(broken.get().rule(), response);
        responseChecks.addAll(refusal);
        ServerConduct conduct = refusal.stream().filter(RuleCheck::failed).findFirst()
                .<ServerConduct>map(r -> new ServerConduct.RefusedImproperly(broken.get(), r))
                .orElseGet(() -> new ServerConduct.RefusedAsRequired(broken.get(), response));
        return new ServerJudgement(requestChecks, responseChecks, notChecked, conduct, client);
    }

    /** Every check, request first. */
    public List<RuleCheck> checks() {
        List<RuleCheck> all = new ArrayList<>(requestChecks);
        all.addAll(responseChecks);
        return all;
    }

    /** {@link RefusalRule}'s checks of a refusal of a request that broke {@code broken}. */
    static List<RuleCheck> refusalChecks(SpecRule broken, ResponseHead response) {
        List<RuleCheck> out = new ArrayList<>();
        int s = response.status();
        String status = statusText(response);
        out.add(s >= 400 && s < 500
                ? RuleCheck.pass(RefusalRule.REFUSED_WITH_CLIENT_ERROR, status
                        + (s == 400 ? "" : " (a client error; §4.2.1 gives 400 Bad Request as the example)"))
                : RuleCheck.fail(RefusalRule.REFUSED_WITH_CLIENT_ERROR, status
                        + " is not a client error (4xx); §4.2.1 asks for an error code such as 400 Bad Request"));
        if (broken == HandshakeRule.VERSION_13) {
            List<String> versions = response.headers().all("Sec-WebSocket-Version");
            out.add(!versions.isEmpty()
                    ? RuleCheck.pass(RefusalRule.VERSION_REFUSAL_LISTS_VERSIONS, "Sec-WebSocket-Version: "
                            + String.join(", ", versions) + (s == 426 ? " with 426"
                            : " with " + s + " (§4.2.2 (4) suggests 426 Upgrade Required)"))
                    : RuleCheck.fail(RefusalRule.VERSION_REFUSAL_LISTS_VERSIONS, status
                            + " has no Sec-WebSocket-Version field: §4.4 requires one listing the versions the server speaks"
                            + (s == 426 ? "" : ", and §4.2.2 (4) suggests 426 Upgrade Required")));
        }
        return out;
    }

    private static RuleCheck origin(RequestHead request, ResponseHead response) {
        Optional<String> origin = request.headers().first("Origin");
        if (response.status() == 101) {
            return RuleCheck.pass(HandshakeRule.ORIGIN_ALLOWED,
                    origin.map(o -> "Origin " + o + " accepted (the server answered 101)").orElse("no Origin (not a browser)"));
        }
        return RuleCheck.info(HandshakeRule.ORIGIN_ALLOWED, origin.map(o -> "Origin " + o
                + " sent; which Origins a server accepts is its policy (§4.2.2 (4)), and it answered " + statusText(response))
                .orElse("no Origin sent (not a browser)"));
    }

    private static String statusText(ResponseHead response) {
        return response.status() + (response.reason().isEmpty() ? "" : " " + response.reason());
    }
}
