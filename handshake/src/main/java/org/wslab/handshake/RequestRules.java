package org.wslab.handshake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.http.HttpVersion;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.RequestTarget;
import org.wslab.handshake.spec.HandshakeRule;
import org.wslab.handshake.spec.RuleCheck;
import org.wslab.handshake.spec.SpecRule;

/**
 * Every server-side rule of RFC 6455 §4.2.1 (and §4.2.2 (4) for Origin and version) checked on a request
 * head, each as a {@link RuleCheck}. {@link ServerHandshake} refuses on the first failure; the
 * transcript explainer lists them all.
 */
public final class RequestRules {
    private RequestRules() {}

    /** The checks in RFC order (version before key, so an old client gets its 426). */
    public static List<RuleCheck> check(RequestHead request, OriginPolicy originPolicy) {
        List<RuleCheck> out = new ArrayList<>();
        var h = request.headers();
        out.add(request.method().equals("GET")
                ? RuleCheck.pass(HandshakeRule.METHOD_GET, "GET")
                : RuleCheck.fail(HandshakeRule.METHOD_GET, "method is " + request.method()));
        out.add(request.version().atLeast(HttpVersion.HTTP_1_1)
                ? RuleCheck.pass(HandshakeRule.HTTP_VERSION_1_1, request.version().toString())
                : RuleCheck.fail(HandshakeRule.HTTP_VERSION_1_1, request.version() + " is below HTTP/1.1"));
        out.add(target(request.parsedTarget()));
        int hosts = h.count("Host");
        out.add(hosts == 1
                ? RuleCheck.pass(HandshakeRule.HOST_PRESENT, "Host: " + h.first("Host").orElseThrow())
                : RuleCheck.fail(HandshakeRule.HOST_PRESENT, hosts == 0 ? "no Host field" : hosts + " Host fields"));
        out.add(h.hasToken("Upgrade", "websocket")
                ? RuleCheck.pass(HandshakeRule.UPGRADE_WEBSOCKET, "Upgrade: " + String.join(", ", h.all("Upgrade")))
                : RuleCheck.fail(HandshakeRule.UPGRADE_WEBSOCKET, h.has("Upgrade")
                        ? "Upgrade: " + String.join(", ", h.all("Upgrade")) : "no Upgrade field"));
        out.add(h.hasToken("Connection", "Upgrade")
                ? RuleCheck.pass(HandshakeRule.CONNECTION_UPGRADE, "Connection: " + String.join(", ", h.all("Connection")))
                : RuleCheck.fail(HandshakeRule.CONNECTION_UPGRADE, h.has("Connection")
                        ? "Connection: " + String.join(", ", h.all("Connection")) : "no Connection field"));
        out.add(version(h.all("Sec-WebSocket-Version")));
        List<String> keys = h.all("Sec-WebSocket-Key");
        out.add(keys.size() == 1
                ? RuleCheck.pass(HandshakeRule.KEY_PRESENT_ONCE, "one Sec-WebSocket-Key")
                : RuleCheck.fail(HandshakeRule.KEY_PRESENT_ONCE, keys.size() + " Sec-WebSocket-Key fields"));
        if (keys.size() == 1) {
            String key = keys.get(0);
            out.add(AcceptKey.isValidKey(key)
                    ? RuleCheck.pass(HandshakeRule.KEY_IS_16_BYTES_BASE64, key + " decodes to 16 bytes")
                    : RuleCheck.fail(HandshakeRule.KEY_IS_16_BYTES_BASE64, "\"" + key + "\" is not base64 of 16 bytes"));
        }
        Optional<String> origin = h.first("Origin");
        out.add(origin(originPolicy, origin));
        out.add(subprotocols(h.tokens("Sec-WebSocket-Protocol")));
        ExtensionHeader.Result ext = ExtensionHeader.parse(h.all("Sec-WebSocket-Extensions"));
        out.add(ext instanceof ExtensionHeader.Result.Invalid inv
                ? RuleCheck.fail(HandshakeRule.EXTENSIONS_SYNTAX, inv.detail())
                : RuleCheck.pass(HandshakeRule.EXTENSIONS_SYNTAX, h.has("Sec-WebSocket-Extensions")
                        ? ((ExtensionHeader.Result.Parsed) ext).offers().size() + " extension offer(s)" : "no extensions offered"));
        return out;
    }

    /**
     * The {@link HandshakeRule#ORIGIN_ALLOWED} check alone (§4.2.2 (4)), for a server that reads the
     * Origin field itself (an engine other than ours): {@code origin} is empty when the request has none.
     */
    public static RuleCheck origin(OriginPolicy originPolicy, Optional<String> origin) {
        return originPolicy.allows(origin)
                ? RuleCheck.pass(HandshakeRule.ORIGIN_ALLOWED, origin.map(o -> "Origin " + o + " accepted").orElse("no Origin (not a browser)"))
                : RuleCheck.fail(HandshakeRule.ORIGIN_ALLOWED, "Origin " + origin.orElse("(none)") + " is not accepted");
    }

    /**
     * The status a failed rule is answered with: 426 for the version (with
     * {@code Sec-WebSocket-Version: 13}, §4.4), 403 for the Origin (§4.2.2 (4)), 431 for a head over
     * the size limit (RFC 6585 §5), 400 for everything else.
     */
    public static int statusFor(SpecRule rule) {
        if (rule == HandshakeRule.VERSION_13) {
            return 426;
        }
        if (rule == HandshakeRule.ORIGIN_ALLOWED) {
            return 403;
        }
        if (rule == org.wslab.handshake.http.HttpRule.HEADER_SECTION_LIMIT
                || rule == org.wslab.handshake.http.HttpRule.FIELD_COUNT_LIMIT) {
            return 431;
        }
        return 400;
    }

    private static RuleCheck target(RequestTarget t) {
        if (t instanceof RequestTarget.AbsoluteForm a) {
            Set<String> schemes = Set.of("http", "https", "ws", "wss");
            if (!schemes.contains(a.scheme())) {
                return RuleCheck.fail(HandshakeRule.REQUEST_TARGET, "absolute-form with scheme " + a.scheme());
            }
            String note = a.scheme().startsWith("ws")
                    ? " (RFC 6455 §4.1 (3) names http/https here; a ws: target is what browser dev tools display)" : "";
            return RuleCheck.pass(HandshakeRule.REQUEST_TARGET, "absolute-form " + a.raw()
                    + ", resource name " + a.resourceName() + note);
        }
        return RuleCheck.pass(HandshakeRule.REQUEST_TARGET, "origin-form " + t.raw());
    }

    /**
     * The {@link HandshakeRule#VERSION_13} check alone (§4.2.1 (6)) of the {@code Sec-WebSocket-Version}
     * values a request carries, for a handshake that is not an HTTP/1.1 upgrade: RFC 8441 §5 keeps the field
     * as RFC 6455 defines it in the extended CONNECT of HTTP/2.
     */
    public static RuleCheck version(List<String> values) {
        if (values.size() == 1 && values.get(0).equals("13")) {
            return RuleCheck.pass(HandshakeRule.VERSION_13, "Sec-WebSocket-Version: 13");
        }
        if (values.isEmpty()) {
            return RuleCheck.fail(HandshakeRule.VERSION_13, "no Sec-WebSocket-Version field (a pre-RFC 6455 client?)");
        }
        return RuleCheck.fail(HandshakeRule.VERSION_13, "Sec-WebSocket-Version: " + String.join(", ", values));
    }

    private static RuleCheck subprotocols(List<String> offered) {
        if (offered.isEmpty()) {
            return RuleCheck.pass(HandshakeRule.SUBPROTOCOL_LIST, "no sub-protocols offered");
        }
        Set<String> seen = new HashSet<>();
        for (String p : offered) {
            if (!isToken(p)) {
                return RuleCheck.fail(HandshakeRule.SUBPROTOCOL_LIST, "\"" + p + "\" is not a token");
            }
            if (!seen.add(p)) {
                return RuleCheck.fail(HandshakeRule.SUBPROTOCOL_LIST, p + " offered twice");
            }
        }
        return RuleCheck.pass(HandshakeRule.SUBPROTOCOL_LIST, offered.size() + " offered: " + String.join(", ", offered));
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean alnum = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
