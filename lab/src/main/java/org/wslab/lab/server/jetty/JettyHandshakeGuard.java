package org.wslab.lab.server.jetty;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.wslab.handshake.OriginPolicy;
import org.wslab.handshake.RequestRules;
import org.wslab.handshake.ServerDecision;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.ServerPolicy;
import org.wslab.handshake.deflate.DeflateNegotiation;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.http.HeaderField;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.spec.Outcome;
import org.wslab.handshake.spec.RuleCheck;

/**
 * Our server side of the opening handshake (RFC 6455 §4.2.1, §4.2.2 (4), RFC 7692 §7.1) in front of
 * Jetty's {@code WebSocketUpgradeHandler}, so the Jetty engine refuses what our engine refuses: every
 * request carrying {@code Upgrade: websocket} to a WebSocket endpoint's path (a {@code HEAD} aside,
 * which our engine never routes to an endpoint either) is rebuilt as a {@link RequestHead}
 * ({@link JettyRequestHead}) and judged by {@link ServerHandshake} with the server's
 * {@link OriginPolicy}. A broken rule is answered here — 400, 426 with {@code Sec-WebSocket-Version: 13}
 * (§4.4) or 403, with the same head fields and one-line body naming the rule and its section as our
 * engine sends — and Jetty never sees the request. Jetty by itself would accept a key that is not
 * base64 of 16 bytes or comes twice, and answer another version with 404 (it takes it for no upgrade).
 *
 * <p>An accepted request goes on to Jetty with its {@code Sec-WebSocket-Extensions} narrowed to the
 * one permessage-deflate offer our negotiator accepted, or removed when it accepted none, and its 101
 * carries our negotiator's answer to that offer ({@code AgreedExtensions}): Jetty by
 * itself accepts offers RFC 7692 §7.1 says to decline (a window size out of 8..15, a parameter twice)
 * and fails the whole upgrade on an unknown parameter. Extensions other than permessage-deflate are
 * dropped, as our engine supports none.
 *
 * <p>Over HTTP/2 (h2c on the plain port, h2 by ALPN on the TLS one) the handshake is RFC 8441's extended CONNECT: no key, no
 * {@code Upgrade}, a 200 for a 101. It is judged by what RFC 8441 §5 keeps of RFC 6455 — the version and
 * the Origin — before Jetty's own RFC 8441 support takes it.
 *
 * <p>Any other request (the index page, the notes board, {@code /updates/…}, a path with no endpoint)
 * passes untouched. A watched server ({@code serve --log}) logs a refusal with its rule.
 */
final class JettyHandshakeGuard extends Handler.Wrapper {
    private final OriginPolicy origins;
    private final ServerHandshake handshake;
    private final Set<String> endpointPaths;

    /** Judges upgrades to any of {@code endpointPaths} (exact paths) with {@code origins}, then hands them to {@code next}. */
    JettyHandshakeGuard(OriginPolicy origins, Set<String> endpointPaths, Handler next) {
        super(next);
        this.origins = Objects.requireNonNull(origins, "origins");
        this.handshake = new ServerHandshake(ServerPolicy.defaults()
                .withOriginPolicy(this.origins).withPermessageDeflate(true));
        this.endpointPaths = Set.copyOf(endpointPaths);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (extendedConnect(request)) {
            return overHttp2(request, response, callback);
        }
        if (!judged(request)) {
            return super.handle(request, response, callback);
        }
        ParseResult<RequestHead> head = JettyRequestHead.of(request);
        ServerDecision decision = head instanceof ParseResult.Parsed<RequestHead> parsed
                ? handshake.respond(parsed.head())
                : handshake.refuse(((ParseResult.Failed<RequestHead>) head).failure());
        if (decision instanceof ServerDecision.Refuse refusal) {
            refuse(request, response, callback, refusal);
            return true;
        }
        ServerDecision.Accept accept = (ServerDecision.Accept) decision;
        Request offered = new OfferedExtensions(request,
                acceptedOffer(((ParseResult.Parsed<RequestHead>) head).head(), accept));
        return super.handle(offered, accept.extensions().isEmpty() ? response
                : new AgreedExtensions(offered, response, ExtensionHeader.format(accept.extensions())), callback);
    }

    /** Whether {@code request} is RFC 8441 §5's extended CONNECT with {@code :protocol websocket} to one of our endpoints. */
    private boolean extendedConnect(Request request) {
        return HttpMethod.CONNECT.is(request.getMethod()) && HttpVersion.HTTP_2.is(request.getConnectionMetaData().getProtocol())
                && request.getTunnelSupport() != null && "websocket".equals(request.getTunnelSupport().getProtocol())
                && endpointPaths.contains(Request.getPathInContext(request));
    }

    /**
     * The extended CONNECT judged by the rules RFC 8441 §5 keeps from RFC 6455: the version (§4.2.1 (6)),
     * answered 400 with {@code Sec-WebSocket-Version: 13} (§4.4; HTTP/2 has no upgrade for 426 to ask
     * for, RFC 9113 §8.6), and the Origin (§4.2.2 (4)), answered 403. Jetty by itself answers a missing or
     * other version with 404. A request that keeps them goes on to Jetty, whose 200 opens the stream.
     */
    private boolean overHttp2(Request request, Response response, Callback callback) throws Exception {
        RuleCheck version = RequestRules.version(request.getHeaders().getValuesList(HttpHeader.SEC_WEBSOCKET_VERSION));
        RuleCheck origin = RequestRules.origin(origins, Optional.ofNullable(request.getHeaders().get(HttpHeader.ORIGIN)));
        RuleCheck broken = version.outcome() == Outcome.FAIL ? version
                : origin.outcome() == Outcome.FAIL ? origin : null;
        if (broken == null) {
            return super.handle(request, response, callback);
        }
        int status = broken == version ? 400 : RequestRules.statusFor(broken.rule());
        String line = broken.rule().section() + ": " + broken.rule().statement() + " — " + broken.detail() + "\n";
        JettyWatchHandler.watchOf(request).ifPresent(w -> w.answered(JettyWatchHandler.requestLine(request),
                status, broken.rule(), broken.detail()));
        response.setStatus(status);
        if (broken == version) {
            response.getHeaders().put(HttpHeader.SEC_WEBSOCKET_VERSION, "13");
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.write(true, ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /** Whether {@code request} is an upgrade to WebSocket (§4.2.1 (3)) at one of our endpoints. */
    private boolean judged(Request request) {
        if (HttpMethod.HEAD.is(request.getMethod()) || !endpointPaths.contains(Request.getPathInContext(request))) {
            return false;
        }
        for (HttpField upgrade : request.getHeaders().getFields(HttpHeader.UPGRADE)) {
            for (String token : upgrade.getValues()) {
                if ("websocket".equalsIgnoreCase(token.trim())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The refusal as our engine writes it (Jetty adds its Date and Server fields), logged when watched. */
    private static void refuse(Request request, Response response, Callback callback, ServerDecision.Refuse refusal) {
        JettyWatchHandler.watchOf(request).ifPresent(w -> w.answered(JettyWatchHandler.requestLine(request),
                refusal.status(), refusal.rule(), refusal.detail()));
        response.setStatus(refusal.status());
        for (HeaderField f : refusal.response().headers().fields()) {
            response.getHeaders().add(f.name(), f.value());
        }
        response.write(true, ByteBuffer.wrap(refusal.body()), callback);
    }

    /** The {@code Sec-WebSocket-Extensions} value Jetty is to see: the offer accepted, or none. */
    private static String acceptedOffer(RequestHead head, ServerDecision.Accept accept) {
        if (!(accept.deflate() instanceof DeflateNegotiation.Accepted a)) {
            return null;
        }
        // the list ServerHandshake parsed and found valid when it accepted the request
        ExtensionHeader.Result.Parsed offers = (ExtensionHeader.Result.Parsed) ExtensionHeader.parse(
                head.headers().all("Sec-WebSocket-Extensions"));
        return offers.offers().get(a.offerIndex()).toString();
    }

    /**
     * {@code response} whose {@code Sec-WebSocket-Extensions}, when Jetty writes one into its 101, is
     * our negotiator's answer: Jetty runs the offer we let through as asked but leaves out the
     * {@code server_max_window_bits=15} that accepting such an offer must echo (RFC 7692 §7.1.2.1;
     * Jetty's compressor always uses the 15-bit window, so the echo is true).
     */
    private static final class AgreedExtensions extends Response.Wrapper {
        private final HttpFields.Mutable headers;

        AgreedExtensions(Request request, Response response, String agreed) {
            super(request, response);
            headers = new HttpFields.Mutable.Wrapper(response.getHeaders()) {
                @Override
                public HttpField onAddField(HttpField field) {
                    return ours(field);
                }

                @Override
                public HttpField onReplaceField(HttpField old, HttpField field) {
                    return ours(field);
                }

                private HttpField ours(HttpField field) {
                    return field.getHeader() == HttpHeader.SEC_WEBSOCKET_EXTENSIONS
                            ? new HttpField(HttpHeader.SEC_WEBSOCKET_EXTENSIONS, agreed) : field;
                }
            };
        }

        @Override
        public HttpFields.Mutable getHeaders() {
            return headers;
        }
    }

    /** {@code request} with its extension offers replaced by {@code offer} (none when null). */
    private static final class OfferedExtensions extends Request.Wrapper {
        private final HttpFields headers;

        OfferedExtensions(Request request, String offer) {
            super(request);
            HttpFields.Mutable h = HttpFields.build(request.getHeaders()).remove(HttpHeader.SEC_WEBSOCKET_EXTENSIONS);
            if (offer != null) {
                h.add(HttpHeader.SEC_WEBSOCKET_EXTENSIONS, offer);
            }
            headers = h.asImmutable();
        }

        @Override
        public HttpFields getHeaders() {
            return headers;
        }
    }
}
