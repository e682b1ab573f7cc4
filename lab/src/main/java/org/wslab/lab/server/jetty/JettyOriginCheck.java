package org.wslab.lab.server.jetty;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.wslab.handshake.OriginPolicy;
import org.wslab.handshake.RequestRules;
import org.wslab.handshake.ServerDecision;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.spec.RuleCheck;

/**
 * The server's Origin check of RFC 6455 §4.2.2 (4) and §10.2 in front of a Jetty endpoint: an upgrade
 * whose {@code Origin} the policy refuses is answered 403 with the same one-line body our engine
 * sends (naming {@code ORIGIN_ALLOWED} and its section) and no endpoint is created; any other goes on
 * to {@code next}. Jetty checks no Origin by itself. A watched server ({@code serve --log}) logs the
 * refusal with its rule.
 */
final class JettyOriginCheck implements WebSocketCreator {
    private final OriginPolicy policy;
    private final WebSocketCreator next;

    JettyOriginCheck(OriginPolicy policy, WebSocketCreator next) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback)
            throws Exception {
        RuleCheck check = RequestRules.origin(policy, Optional.ofNullable(request.getHeaders().get(HttpHeader.ORIGIN)));
        if (!check.failed()) {
            return next.createWebSocket(request, response, callback);
        }
        ServerDecision.Refuse refusal = ServerHandshake.refusal(check.rule(), check.detail());
        JettyWatchHandler.watchOf(request).ifPresent(w -> w.answered(JettyWatchHandler.requestLine(request),
                refusal.status(), refusal.rule(), refusal.detail()));
        response.setStatus(refusal.response().status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, refusal.body().length);
        response.write(true, ByteBuffer.wrap(refusal.body()), callback);
        return null;
    }
}
