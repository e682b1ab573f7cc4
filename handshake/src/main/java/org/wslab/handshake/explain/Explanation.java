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
 * and every rule checked in order (RFC 6455 §4.1, §4.2.1–4.2.2; RFC 7692 §7.1), each with its
 * outcome and detail.
 *
 * @param request         the request head, if it parsed
 * @param response        the response head, if it parsed
 * @param requestHeaders  each request header line, annotated
 * @param responseHeaders each response header line, annotated
 * @param checks          every rule checked, in order
 */
public record Explanation(Optional<RequestHead> request, Optional<ResponseHead> response,
                          List<HeaderAnnotation> requestHeaders, List<HeaderAnnotation> responseHeaders,
                          List<RuleCheck> checks) {
    public Explanation {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        requestHeaders = List.copyOf(requestHeaders);
        responseHeaders = List.copyOf(responseHeaders);
        checks = List.copyOf(checks);
    }

    /** The failed checks. */
    public List<RuleCheck> failures() {
        return checks.stream().filter(RuleCheck::failed).toList();
    }

    /** Whether no check failed (the handshake would succeed as recorded). */
    public boolean passed() {
        return failures().isEmpty();
    }

    /** The checks of one rule (usually one; obsolete-header findings may be several). */
    public List<RuleCheck> checksOf(SpecRule rule) {
        return checks.stream().filter(c -> c.rule() == rule).toList();
    }
}
