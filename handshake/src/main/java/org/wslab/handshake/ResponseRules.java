package org.wslab.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.wslab.handshake.deflate.DeflateOffer;
import org.wslab.handshake.deflate.DeflateParameters;
import org.wslab.handshake.deflate.DeflateResponseValidator;
import org.wslab.handshake.deflate.DeflateRule;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.http.Headers;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.spec.HandshakeRule;
import org.wslab.handshake.spec.RuleCheck;

/**
 * The client's checks of a server's response (RFC 6455 §4.1, the six numbered server-response
 * rules, with RFC 7692 §7.1 for permessage-deflate), each as a {@link RuleCheck}.
 * {@link ClientHandshake} fails on the first; the transcript explainer lists them all.
 */
public final class ResponseRules {
    private ResponseRules() {}

    /** Checks {@code response} against what the client offered. */
    public static ResponseReport check(ResponseHead response, ClientOffer offer) {
        List<RuleCheck> out = new ArrayList<>();
        Headers h = response.headers();
        out.add(response.status() == 101
                ? RuleCheck.pass(HandshakeRule.STATUS_101, "101 " + response.reason())
                : RuleCheck.fail(HandshakeRule.STATUS_101, "status " + response.status() + " " + response.reason()));
        List<String> upgrade = h.tokens("Upgrade");
        out.add(upgrade.size() == 1 && upgrade.get(0).equalsIgnoreCase("websocket")
                ? RuleCheck.pass(HandshakeRule.RESPONSE_UPGRADE_WEBSOCKET, "Upgrade: " + upgrade.get(0)
                        + (upgrade.get(0).equals("websocket") ? "" : " (matches \"websocket\" ignoring case)"))
                : RuleCheck.fail(HandshakeRule.RESPONSE_UPGRADE_WEBSOCKET,
                        upgrade.isEmpty() ? "no Upgrade field" : "Upgrade: " + String.join(", ", upgrade)));
        out.add(h.hasToken("Connection", "Upgrade")
                ? RuleCheck.pass(HandshakeRule.RESPONSE_CONNECTION_UPGRADE, "Connection: " + String.join(", ", h.all("Connection")))
                : RuleCheck.fail(HandshakeRule.RESPONSE_CONNECTION_UPGRADE,
                        h.has("Connection") ? "Connection: " + String.join(", ", h.all("Connection")) : "no Connection field"));
        out.add(accept(h.all("Sec-WebSocket-Accept"), offer.key()));

        List<ExtensionOffer> accepted = List.of();
        Optional<DeflateParameters> deflate = Optional.empty();
        ExtensionHeader.Result ext = ExtensionHeader.parse(h.all("Sec-WebSocket-Extensions"));
        if (ext instanceof ExtensionHeader.Result.Invalid inv) {
            out.add(RuleCheck.fail(HandshakeRule.RESPONSE_EXTENSIONS_OFFERED, "unparsable: " + inv.detail()));
        } else {
            accepted = ((ExtensionHeader.Result.Parsed) ext).offers();
            RuleCheck extCheck = null;
            int deflates = 0;
            for (ExtensionOffer e : accepted) {
                if (offer.extensions().stream().noneMatch(o -> o.name().equalsIgnoreCase(e.name()))) {
                    extCheck = RuleCheck.fail(HandshakeRule.RESPONSE_EXTENSIONS_OFFERED, e.name() + " was not offered");
                    break;
                }
                if (DeflateOffer.isPermessageDeflate(e)) {
                    if (++deflates > 1) {
                        extCheck = RuleCheck.fail(DeflateRule.RESPONSE_ACCEPTS_ONCE, "permessage-deflate accepted twice");
                        break;
                    }
                    var v = DeflateResponseValidator.check(offer.extensions(), e);
                    if (v instanceof DeflateResponseValidator.Verdict.Rejected r) {
                        extCheck = RuleCheck.fail(r.rule(), e + ": " + r.detail());
                        break;
                    }
                    deflate = Optional.of(((DeflateResponseValidator.Verdict.Agreed) v).parameters());
                }
            }
            out.add(extCheck != null ? extCheck : RuleCheck.pass(HandshakeRule.RESPONSE_EXTENSIONS_OFFERED,
                    accepted.isEmpty() ? "no extensions in use" : "in use: " + ExtensionHeader.format(accepted)));
            if (extCheck != null) {
                deflate = Optional.empty();
            }
        }

        List<String> protocolFields = h.all("Sec-WebSocket-Protocol");
        Optional<String> chosen = Optional.empty();
        if (protocolFields.isEmpty()) {
            out.add(RuleCheck.pass(HandshakeRule.RESPONSE_SUBPROTOCOL_OFFERED, "no sub-protocol chosen"));
        } else if (protocolFields.size() > 1 || protocolFields.get(0).contains(",")) {
            out.add(RuleCheck.fail(HandshakeRule.RESPONSE_SUBPROTOCOL_OFFERED,
                    "more than one sub-protocol: " + String.join(", ", protocolFields)));
        } else if (!offer.subprotocols().contains(protocolFields.get(0))) {
            out.add(RuleCheck.fail(HandshakeRule.RESPONSE_SUBPROTOCOL_OFFERED, protocolFields.get(0)
                    + " was not offered" + (offer.subprotocols().isEmpty() ? " (none were)" : " (offered: "
                    + String.join(", ", offer.subprotocols()) + ")")));
        } else {
            chosen = Optional.of(protocolFields.get(0));
            out.add(RuleCheck.pass(HandshakeRule.RESPONSE_SUBPROTOCOL_OFFERED, chosen.get() + " was offered"));
        }
        return new ResponseReport(out, chosen, accepted, deflate);
    }

    private static RuleCheck accept(List<String> accepts, String key) {
        String expected = AcceptKey.of(key);
        if (accepts.size() != 1) {
            return RuleCheck.fail(HandshakeRule.ACCEPT_MATCHES_KEY, accepts.size() + " Sec-WebSocket-Accept fields; expected one: "
                    + expected);
        }
        String got = accepts.get(0);
        return got.equals(expected)
                ? RuleCheck.pass(HandshakeRule.ACCEPT_MATCHES_KEY, got + " matches key " + key)
                : RuleCheck.fail(HandshakeRule.ACCEPT_MATCHES_KEY, "Sec-WebSocket-Accept " + got + " does not match key "
                        + key + "; expected " + expected);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
