package org.wslab.lab.server.jetty;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.wslab.lab.server.jetty.http.UnreadBody;
import org.wslab.lab.server.jetty.updates.PublishResult;
import org.wslab.lab.server.jetty.updates.UpdateFeed;

/**
 * The update feed over plain HTTP, three ways a browser can wait for a server-side update (RFC 6202
 * compares them): {@code GET /updates/poll?after=N} answers at once (200 with the updates after N,
 * 204 without), {@code GET /updates/long-poll?after=N} holds the request until there is one
 * ({@link JettyLongPoll}), {@code GET /updates/events} streams them as server-sent events
 * ({@link JettyEventStream}, {@code Last-Event-ID} or {@code ?after=N} to catch up; without either
 * only new ones). Another method is 405, a bad {@code after} 400; any other path goes on to the
 * wrapped handler. The WebSocket way is {@link JettyUpdatesEndpoint}. {@code POST /updates/publish}
 * with one line of text publishes it to all four (201 with its sequence number; 413 over
 * {@link org.wslab.lab.server.jetty.updates.UpdateLimits#maxUpdateBytes()}, 400 not one line), so
 * a reader of {@code wslab serve} can drive the feed with curl.
 */
final class JettyUpdatesHandler extends Handler.Wrapper {
    /** The paths, for the index and the README. */
    static final String POLL = "/updates/poll";
    static final String LONG_POLL = "/updates/long-poll";
    static final String EVENTS = "/updates/events";
    static final String PUBLISH = "/updates/publish";

    private final UpdateFeed feed;

    JettyUpdatesHandler(UpdateFeed feed, Handler next) {
        super(next);
        this.feed = feed;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (PUBLISH.equals(path)) {
            publish(request, response, callback);
            return true;
        }
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

    private void publish(Request request, Response response, Callback callback) throws IOException {
        if (!HttpMethod.POST.is(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, "POST");
            JettyUpdateAnswers.text(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "only POST\n");
            return;
        }
        int limit = feed.limits().maxUpdateBytes();
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(limit + 2); // one line and its LF, or what proves it too long
        }
        int end = body.length;
        if (end > 0 && body[end - 1] == '\n') {
            end--; // curl --data-binary @file and echo both end the line with LF
        }
        PublishResult result = end > limit
                ? new PublishResult.TooLarge(end, limit)
                : feed.publish(new String(body, 0, end, StandardCharsets.UTF_8));
        if (result instanceof PublishResult.Published p) {
            JettyUpdateAnswers.text(response, callback, HttpStatus.CREATED_201, "published " + p.update().seq() + "\n");
        } else if (result instanceof PublishResult.TooLarge t) {
            if (body.length == limit + 2) { // more may follow, unread: the connection ends (RFC 9112 §9.6)
                UnreadBody.closesConnection(response);
            }
            JettyUpdateAnswers.text(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                    "an update is at most " + t.limit() + " bytes of UTF-8\n");
        } else if (result instanceof PublishResult.NotOneLine) {
            JettyUpdateAnswers.text(response, callback, HttpStatus.BAD_REQUEST_400, "an update is one line, without CR or LF\n");
        } else {
            JettyUpdateAnswers.busy(response, callback, "the server is stopping");
        }
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
