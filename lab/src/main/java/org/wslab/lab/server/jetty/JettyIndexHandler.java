package org.wslab.lab.server.jetty;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.wslab.framing.engine.OpeningRule;

/**
 * Serves the {@link org.wslab.lab.server.IndexPage} at {@code /} for requests that are not a
 * WebSocket upgrade; anything else is 404. A watched server ({@code serve --log}) logs the page as
 * {@link OpeningRule#PLAIN_HTTP_PAGE} and a path with nothing there as {@link OpeningRule#NO_RESOURCE},
 * as our engine does; a WebSocket endpoint's path that Jetty did not upgrade is left to be logged as
 * Jetty's own answer.
 */
final class JettyIndexHandler extends Handler.Abstract.NonBlocking {
    private final Supplier<String> page;
    private final Set<String> endpointPaths;

    JettyIndexHandler(Supplier<String> page, Set<String> endpointPaths) {
        this.page = page;
        this.endpointPaths = Set.copyOf(endpointPaths);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod();
        boolean get = HttpMethod.GET.is(method) || HttpMethod.HEAD.is(method);
        String path = Request.getPathInContext(request);
        if (!get || !"/".equals(path)) {
            if (!endpointPaths.contains(path)) {
                JettyWatchHandler.watchOf(request).ifPresent(w -> w.answered(JettyWatchHandler.requestLine(request),
                        HttpStatus.NOT_FOUND_404, OpeningRule.NO_RESOURCE, path));
            }
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        JettyWatchHandler.watchOf(request).ifPresent(w -> w.answered(JettyWatchHandler.requestLine(request),
                HttpStatus.OK_200, OpeningRule.PLAIN_HTTP_PAGE, ""));
        byte[] body = page.get().getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpStatus.OK_200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, HttpMethod.HEAD.is(method) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(body), callback);
        return true;
    }
}
