package org.wslab.lab.server.socket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.wslab.framing.engine.HandshakeFailure;
import org.wslab.framing.engine.OpeningHandshake;
import org.wslab.framing.engine.OpeningRule;
import org.wslab.framing.engine.ServerOpening;
import org.wslab.handshake.ServerDecision;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.ServerPolicy;
import org.wslab.handshake.http.HeadLimits;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.RequestHeadParser;

/**
 * The socket engine's server side of the opening handshake (RFC 6455 §4.2), routed by path
 * before anything is answered: parses the request head, then
 * <ul>
 *   <li>a path with a WebSocket endpoint gets that endpoint's {@link ServerHandshake} decision —
 *       101 with its sub-protocol and permessage-deflate, or the handshake module's typed
 *       refusal (400 / 426 / 403) naming the broken rule of §4.2.1;</li>
 *   <li>{@code GET /} gets the index page (200);</li>
 *   <li>any other path gets 404 — a WebSocket upgrade included, so no connection opens there;</li>
 *   <li>{@code HEAD} (RFC 9110 §9.3.2) gets the head {@code GET} would get without an upgrade —
 *       the index page's at {@code /}, 404 elsewhere — and no content: it is parsed as a {@code GET}
 *       and never routed to an endpoint;</li>
 *   <li>a head that does not parse gets the handshake module's 400 / 431 — its parser reads
 *       {@code GET} requests only, so {@code POST} gets a 400 naming that rule.</li>
 * </ul>
 * Everything but a 101 ends the connection after the answer is written; the details of a refusal
 * are a {@link HandshakeFailure.Refused} (WebSocket refusals) or a {@link HandshakeFailure.Answered}
 * (the {@link PlainHttpAnswer} sent).
 */
final class RoutingOpening implements OpeningHandshake {
    private static final ServerHandshake UNROUTED = new ServerHandshake(ServerPolicy.defaults());

    private static final byte[] HEAD = "HEAD ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GET = "GET ".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, SocketRoute> routes;
    private final Supplier<String> indexPage;
    private final RequestHeadParser parser = new RequestHeadParser(HeadLimits.defaults());
    private SocketRoute chosen;
    /** The first bytes, until they tell whether the method is HEAD; null once they have. */
    private byte[] prefix = new byte[0];
    private boolean headRequest;

    /** Routes by exact path among {@code routes}; {@code indexPage} is rendered for {@code /}. */
    RoutingOpening(Map<String, SocketRoute> routes, Supplier<String> indexPage) {
        this.routes = Objects.requireNonNull(routes, "routes");
        this.indexPage = Objects.requireNonNull(indexPage, "indexPage");
    }

    /** The route of the accepted connection (after a completed handshake), else null. */
    SocketRoute chosen() {
        return chosen;
    }

    @Override
    public byte[] start() {
        return new byte[0];
    }

    @Override
    public Step receive(ByteBuffer in) {
        ParseResult<RequestHead> r = parser.feed(prefix == null ? in : methodRead(in));
        if (r instanceof ParseResult.Parsed<RequestHead> parsed) {
            return route(parsed.head());
        }
        if (r instanceof ParseResult.Failed<RequestHead> failed) {
            return ServerOpening.step(null, UNROUTED.refuse(failed.failure()));
        }
        return new Step.NeedMore();
    }

    /** Takes bytes until the method is known; a HEAD is fed on as GET. */
    private ByteBuffer methodRead(ByteBuffer in) {
        byte[] seen = Arrays.copyOf(prefix, prefix.length + in.remaining());
        in.get(seen, prefix.length, in.remaining());
        int known = Math.min(seen.length, HEAD.length);
        if (!Arrays.equals(seen, 0, known, HEAD, 0, known)) {
            prefix = null;
            return ByteBuffer.wrap(seen);
        }
        if (known < HEAD.length) {
            prefix = seen;
            return ByteBuffer.allocate(0);
        }
        prefix = null;
        headRequest = true;
        byte[] asGet = Arrays.copyOfRange(seen, HEAD.length - GET.length, seen.length);
        System.arraycopy(GET, 0, asGet, 0, GET.length);
        return ByteBuffer.wrap(asGet);
    }

    private Step route(RequestHead head) {
        String path = pathOf(head);
        SocketRoute route = headRequest ? null : routes.get(path);
        if (route != null) {
            ServerDecision decision = route.handshake().respond(head);
            if (decision instanceof ServerDecision.Accept) {
                chosen = route;
            }
            return ServerOpening.step(head, decision);
        }
        PlainHttpAnswer answer = "/".equals(path)
                ? PlainHttpAnswer.page(head, indexPage.get())
                : PlainHttpAnswer.notFound(head, path);
        if (headRequest) {
            answer = answer.withoutContent();
        }
        OpeningRule rule = answer.status() == 200 ? OpeningRule.PLAIN_HTTP_PAGE : OpeningRule.NO_RESOURCE;
        return new Step.Rejected(answer.bytes(), new HandshakeFailure.Answered(head, answer.status(), rule, path));
    }

    /** The path of the request's /resource name/ (RFC 6455 §3), without the query. */
    static String pathOf(RequestHead head) {
        String resource = head.parsedTarget().resourceName();
        int query = resource.indexOf('?');
        return query < 0 ? resource : resource.substring(0, query);
    }
}
