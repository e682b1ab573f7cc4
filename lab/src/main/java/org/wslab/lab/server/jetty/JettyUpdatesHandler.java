package org.wslab.lab.server.jetty;

import java.util.OptionalLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.wslab.lab.server.jetty.updates.UpdateFeed;

/**
 * The update feed over plain HTTP, three ways a browser can wait for a server-side update (RFC 6202
 * compares them): {@code GET /updates/poll?after=N} answers at once (200 with the updates after N,
 * 204 without), {@code GET /updates/long-poll?after=N} holds the request until there is one
 * ({@link JettyLongPoll}), {@code GET /updates/events} streams them as server-sent events
 * ({@link JettyEventStream}, {@code Last-Event-ID} or {@code ?after=N} to catch up; without either
 * only new ones). Another method is 405, a bad {@code after} 400; any other path goes on to the
 * wrapped handler. The WebSocket way is {@link JettyUpdatesEndpoint}.
 */
final class JettyUpdatesHandler extends Handler.Wrapper {
    /** The paths, for the index and the README. */
    static final String POLL = "/updates/poll";
    static final String LONG_POLL = "/updates/long-poll";
    static final String EVENTS = "/updates/events";

    private final UpdateFeed feed;

    JettyUpdatesHandler(UpdateFeed feed, Handler next) {
        super(next);
        this.feed = feed;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (!POLL.equals(path) && !LONG_POLL.equals(path) && !EVENTS.equals(path)) {
            return super.handle(request, response, callback);
        }
        if (!HttpMethod.GET.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET");
            JettyUpdateAnswers.text(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "only GET\n");
            return true;
        }
        String asked = Request.extractQueryParameters(request).getValue("after");
        if (asked == null && EVENTS.equals(path)) {
            asked = request.getHeaders().get("Last-Event-ID");
        }
        OptionalLong after = asked == null ? OptionalLong.of(EVENTS.equals(path) ? Long.MAX_VALUE : 0) : parse(asked);
        if (after.isEmpty()) {
            JettyUpdateAnswers.text(response, callback, HttpStatus.BAD_REQUEST_400,
                    "after is a sequence number, 0 or more: " + asked.substring(0, Math.min(asked.length(), 40)) + "\n");
            return true;
        }
        switch (path) {
            case POLL -> JettyUpdateAnswers.read(response, callback, feed.read(after.getAsLong()));
            case LONG_POLL -> JettyLongPoll.serve(feed, after.getAsLong(), request, response, callback);
            default -> JettyEventStream.serve(feed, after.getAsLong(), request, response, callback);
        }
        return true;
    }

    /** A sequence number: 0 or more, at most 18 digits. */
    static OptionalLong parse(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(text));
    }
}
