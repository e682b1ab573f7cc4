package org.wslab.lab.server.jetty;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.wslab.lab.server.watch.ConnectionWatch;
import org.wslab.lab.server.watch.ServeWatch;

/**
 * The first handler of a watched Jetty lab server ({@code serve --log} / {@code --trace}): gives
 * each request a {@link ConnectionWatch} (a request attribute, so the Origin check, the endpoint's
 * creator and the index page can say their decision with its rule) and, when the response is done
 * and nobody said, logs what Jetty answered by itself — status and reason, no rule invented (Jetty's
 * own refusals of RFC 6455 §4.2.1 name none). It also drops a watch left for an extension that an
 * upgrade failing late never made, so {@link JettyWatchTaps} holds nothing past its request.
 */
final class JettyWatchHandler extends Handler.Wrapper {
    private static final String ATTRIBUTE = ConnectionWatch.class.getName();
    private static final String TOKEN = JettyWatchTaps.class.getName();

    private final ServeWatch watch;

    JettyWatchHandler(ServeWatch watch, Handler next) {
        super(next);
        this.watch = Objects.requireNonNull(watch, "watch");
    }

    /** The watch of {@code request}, when the server is watched. */
    static Optional<ConnectionWatch> watchOf(Request request) {
        return request.getAttribute(ATTRIBUTE) instanceof ConnectionWatch w ? Optional.of(w) : Optional.empty();
    }

    /** Notes the {@link JettyWatchTaps} token of {@code request}'s watch, so that it is dropped if no extension took it. */
    static void tokenIs(Request request, long token) {
        request.setAttribute(TOKEN, token);
    }

    /** {@code GET /websocket/echo}: method and target as the client sent them. */
    static String requestLine(Request request) {
        return request.getMethod() + " " + request.getHttpURI().getPathQuery();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!watch.active()) {
            return super.handle(request, response, callback);
        }
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        ConnectionWatch w = watch.connection(remote instanceof InetSocketAddress a ? a : null);
        request.setAttribute(ATTRIBUTE, w);
        String line = requestLine(request);
        Runnable decided = () -> {
            if (request.getAttribute(TOKEN) instanceof Long token) {
                JettyWatchTaps.take(token); // taken already by the extension of an upgrade, else dropped here
            }
            w.answeredByJetty(line, response.getStatus(), HttpStatus.getMessage(response.getStatus()));
        };
        return super.handle(request, response, new Callback() {
            @Override
            public void succeeded() {
                decided.run();
                callback.succeeded();
            }

            @Override
            public void failed(Throwable x) {
                decided.run();
                callback.failed(x);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        });
    }
}
