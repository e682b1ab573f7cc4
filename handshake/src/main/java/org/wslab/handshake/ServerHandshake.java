package org.wslab.handshake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wslab.handshake.deflate.DeflateNegotiation;
import org.wslab.handshake.deflate.DeflateNegotiator;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.http.Headers;
import org.wslab.handshake.http.HttpParseFailure;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.spec.RuleCheck;
import org.wslab.handshake.spec.SpecRule;

/**
 * The server side of the opening handshake (RFC 6455 §4.2.1–4.2.2), sans-I/O: a parsed request
 * head in, a {@link ServerDecision} out. Validates every rule of §4.2.1 ({@link RequestRules}),
 * refuses with 400 / 426 / 403 naming the first broken rule, otherwise answers 101 with the
 * accept value, the chosen sub-protocol ({@link SubprotocolPolicy}) and permessage-deflate
 * ({@link DeflateNegotiator}). Stateless and thread-safe.
 *
 * <pre>{@code
 * ServerHandshake server = new ServerHandshake(ServerPolicy.defaults()
 *         .withSubprotocols(SubprotocolPolicy.SERVER_PREFERENCE, "v12.stomp", "v11.stomp", "v10.stomp"));
 * ParseResult<RequestHead> r = parser.feed(bytes, 0, n);
 * ServerDecision d = switch (r) {
 *     case ... Parsed p -> server.respond(p.head());
 *     case ... Failed f -> server.refuse(f.failure());
 * };
 * out.write(d.bytes());
 * }</pre>
 */
public final class ServerHandshake {
    private final ServerPolicy policy;

    public ServerHandshake(ServerPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The policy in force. */
    public ServerPolicy policy() {
        return policy;
    }

    /** Validates the request and answers 101 or a refusal naming the first broken rule. */
    public ServerDecision respond(RequestHead request) {
        for (RuleCheck c : RequestRules.check(request, policy.originPolicy())) {
            if (c.failed()) {
                return refusal(c.rule(), c.detail());
            }
        }
        Headers h = request.headers();
        String key = h.first("Sec-WebSocket-Key").orElseThrow();
        Optional<String> subprotocol = policy.subprotocolPolicy().choose(h.tokens("Sec-WebSocket-Protocol"),
                policy.subprotocols());
        List<ExtensionOffer> offers = ((ExtensionHeader.Result.Parsed) ExtensionHeader.parse(
                h.all("Sec-WebSocket-Extensions"))).offers();
        DeflateNegotiation deflate = policy.permessageDeflate()
                ? DeflateNegotiator.negotiate(offers)
                : new DeflateNegotiation.NoneAccepted(List.of());
        List<ExtensionOffer> accepted = new ArrayList<>();
        if (deflate instanceof DeflateNegotiation.Accepted a) {
            accepted.add(a.response());
        }
        Headers out = Headers.of(
                "Upgrade", "websocket",
                "Connection", "Upgrade",
                "Sec-WebSocket-Accept", AcceptKey.of(key));
        if (subprotocol.isPresent()) {
            out = out.with("Sec-WebSocket-Protocol", subprotocol.get());
        }
        if (!accepted.isEmpty()) {
            out = out.with("Sec-WebSocket-Extensions", ExtensionHeader.format(accepted));
        }
        return new ServerDecision.Accept(ResponseHead.of(101, "Switching Protocols", out), subprotocol, accepted, deflate);
    }

    /** The refusal for a request whose head did not parse: 400, or 431 over the size limit. */
    public ServerDecision.Refuse refuse(HttpParseFailure failure) {
        return refusal(failure.rule(), failure.detail());
    }

    /**
     * A refusal response for {@code rule}: status per {@link RequestRules#statusFor}, a
     * {@code Sec-WebSocket-Version: 13} field on 426 (RFC 6455 §4.4), {@code Connection: close},
     * and a one-line text body citing the rule.
     */
    public static ServerDecision.Refuse refusal(SpecRule rule, String detail) {
        int status = RequestRules.statusFor(rule);
        byte[] body = (rule.section() + " " + rule.name() + ": " + rule.statement() + " (" + detail + ")\n")
                .getBytes(StandardCharsets.UTF_8);
        Headers h = Headers.empty();
        if (status == 426) {
            h = h.with("Sec-WebSocket-Version", "13").with("Upgrade", "websocket");
        }
        h = h.with("Connection", "close")
                .with("Content-Type", "text/plain; charset=utf-8")
                .with("Content-Length", Integer.toString(body.length));
        return new ServerDecision.Refuse(ResponseHead.of(status, reason(status), h), body, rule, detail);
    }

    private static String reason(int status) {
        return switch (status) {
            case 403 -> "Forbidden";
            case 426 -> "Upgrade Required";
            case 431 -> "Request Header Fields Too Large";
            default -> "Bad Request";
        };
    }
}
