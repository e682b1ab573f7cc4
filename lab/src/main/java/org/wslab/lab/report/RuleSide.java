package org.wslab.lab.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wslab.handshake.deflate.DeflateRule;
import org.wslab.handshake.http.HeaderField;
import org.wslab.handshake.spec.HandshakeRule;
import org.wslab.handshake.spec.Outcome;
import org.wslab.handshake.spec.RuleCheck;
import org.wslab.handshake.spec.SpecRule;

/**
 * Which message a rule judges and which line of it, so a printed header line can carry the
 * pass/fail of the rules about it: e.g. {@link HandshakeRule#ACCEPT_MATCHES_KEY} judges the
 * response's {@code Sec-WebSocket-Accept} (RFC 6455 §4.1), {@link HandshakeRule#METHOD_GET} the
 * request line (§4.2.1 (1)).
 *
 * @param request whether the rule judges the request (else the response)
 * @param field   the lower-case field name it judges, or empty for the start line
 */
public record RuleSide(boolean request, Optional<String> field) {

    /** The start line of the request or response. */
    static RuleSide startLine(boolean request) {
        return new RuleSide(request, Optional.empty());
    }

    static RuleSide field(boolean request, String name) {
        return new RuleSide(request, Optional.of(name.toLowerCase(Locale.ROOT)));
    }

    /** Where {@code rule} points, if it points at one line. */
    public static Optional<RuleSide> of(SpecRule rule) {
        if (rule instanceof DeflateRule d) {
            return d.name().startsWith("RESPONSE_")
                    ? Optional.of(field(false, "Sec-WebSocket-Extensions"))
                    : Optional.of(field(true, "Sec-WebSocket-Extensions"));
        }
        if (!(rule instanceof HandshakeRule h)) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (h) {
            case METHOD_GET, HTTP_VERSION_1_1, REQUEST_TARGET -> startLine(true);
            case HOST_PRESENT -> field(true, "Host");
            case UPGRADE_WEBSOCKET -> field(true, "Upgrade");
            case CONNECTION_UPGRADE -> field(true, "Connection");
            case KEY_PRESENT_ONCE, KEY_IS_16_BYTES_BASE64 -> field(true, "Sec-WebSocket-Key");
            case VERSION_13 -> field(true, "Sec-WebSocket-Version");
            case ORIGIN_ALLOWED -> field(true, "Origin");
            case SUBPROTOCOL_LIST -> field(true, "Sec-WebSocket-Protocol");
            case EXTENSIONS_SYNTAX -> field(true, "Sec-WebSocket-Extensions");
            case STATUS_101 -> startLine(false);
            case RESPONSE_UPGRADE_WEBSOCKET -> field(false, "Upgrade");
            case RESPONSE_CONNECTION_UPGRADE -> field(false, "Connection");
            case ACCEPT_MATCHES_KEY -> field(false, "Sec-WebSocket-Accept");
            case RESPONSE_EXTENSIONS_OFFERED -> field(false, "Sec-WebSocket-Extensions");
            case RESPONSE_SUBPROTOCOL_OFFERED -> field(false, "Sec-WebSocket-Protocol");
            default -> null;
        });
    }

    /**
     * The verdict on one printed line: FAIL if any rule about it failed, PASS if rules about it
     * all passed, empty if no rule judges that line.
     */
    public static Optional<Outcome> lineOutcome(List<RuleCheck> checks, boolean request, Optional<HeaderField> field) {
        Optional<String> name = field.map(f -> f.name().toLowerCase(Locale.ROOT));
        Optional<Outcome> result = Optional.empty();
        for (RuleCheck c : checks) {
            if (c.outcome() == Outcome.INFO) {
                continue;
            }
            Optional<RuleSide> side = of(c.rule());
            if (side.isPresent() && side.get().request() == request && side.get().field().equals(name)) {
                if (c.failed()) {
                    return Optional.of(Outcome.FAIL);
                }
                result = Optional.of(Outcome.PASS);
            }
        }
        return result;
    }

    /** Whether {@code rule} judges the request (RFC 6455 §4.2.1, the server's checks). */
    public static boolean judgesRequest(SpecRule rule) {
        if (rule == HandshakeRule.REQUEST_WELL_FORMED) {
            return true;
        }
        return of(rule).map(RuleSide::request).orElse(false);
    }
}
