package org.wslab.handshake.explain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.spec.RuleCheck;
import org.wslab.handshake.spec.SpecRule;

/**
 * What the transcript explainer found: both heads (when they parsed), every header annotated,
 * and every rule checked in order (RFC 6455 §4.1, §4.2.1–4.2.2; RFC 7692 §7.1; RFC 9112 for the
 * heads' syntax), each with its outcome, detail and the message it judges.
 *
 * @param request         the request head, if it parsed
 * @param response        the response head, if it parsed
 * @param requestHeaders  each request header line, annotated
 * @param responseHeaders each response header line, annotated
 * @param rules           every rule checked, in order, each with its side
 */
public record Explanation(Optional<RequestHead> request, Optional<ResponseHead> response,
                          List<HeaderAnnotation> requestHeaders, List<HeaderAnnotation> responseHeaders,
                          List<SidedCheck> rules) {
    public Explanation {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        requestHeaders = List.copyOf(requestHeaders);
        responseHeaders = List.copyOf(responseHeaders);
        rules = List.copyOf(rules);
    }

    /** Every check, in order, without its side. */
    public List<RuleCheck> checks() {
        return rules.stream().map(SidedCheck::check).toList();
    }

    /** The checks judging one side, in order. */
    public List<RuleCheck> checks(CheckSide side) {
        return rules.stream().filter(r -> r.side() == side).map(SidedCheck::check).toList();
    }

    /** The failed checks. */
    public List<RuleCheck> failures() {
        return checks().stream().filter(RuleCheck::failed).toList();
    }

    /** Whether no check failed (the handshake would succeed as recorded). */
    public boolean passed() {
        return failures().isEmpty();
    }

    /** The checks of one rule (usually one; obsolete-header findings may be several). */
    public List<RuleCheck> checksOf(SpecRule rule) {
        return checks().stream().filter(c -> c.rule() == rule).toList();
    }
}
