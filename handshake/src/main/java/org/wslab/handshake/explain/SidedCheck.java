package org.wslab.handshake.explain;

import java.util.Objects;
import org.wslab.handshake.spec.RuleCheck;

/**
 * A rule checked on one message of a transcript (RFC 6455 §4.1 for the response, §4.2.1 for the
 * request), so a fault in the request is never filed under the response's rules.
 *
 * @param check the rule, its outcome and detail
 * @param side  which message it judges
 */
public record SidedCheck(RuleCheck check, CheckSide side) {
    public SidedCheck {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(side, "side");
    }
}
