package org.wslab.lab.server.jetty.notes;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.wslab.lab.server.jetty.http.UnreadBody;
import org.wslab.lab.server.jetty.updates.PublishResult;
import org.wslab.lab.server.jetty.updates.ReadResult;
import org.wslab.lab.server.jetty.updates.Update;
import org.wslab.lab.server.jetty.updates.UpdateFeed;
import org.wslab.lab.server.jetty.updates.UpdateLimits;

/**
 * A tiny notes board over REST (RFC 9110): {@code POST /api/notes} with {@code {"text":"…"}} adds a
 * note and answers 201 with {@code {"id":N,"text":"…"}}; {@code GET /api/notes?since=N} answers 200
 * with the notes after N, oldest first (at most {@link #LIMITS}' {@code retained()}; 410 when some
 * of them are no longer kept). The same board is served over WebSocket by {@link JettyNotesEndpoint}.
 *
 * <p>Bounded, every refusal typed and naming its rule: a body over {@link #MAX_BODY_BYTES} is 413
 * (RFC 9110 §15.5.14) without being read further, a text over the limit 413, a body that is not the
 * note's JSON or a bad {@code since} 400, another method 405 with {@code Allow} (§15.5.6). Any other
 * path goes on to the wrapped handler.
 */
public final class JettyNotesHandler extends Handler.Wrapper {
    /** The REST resource. */
    public static final String PATH = "/api/notes";
    /** The longest request body read. */
    public static final int MAX_BODY_BYTES = 1024;
    /** 100 notes kept, 280 bytes of text each, 1,024 WebSocket readers, 64 pushes queued for each. */
    public static final UpdateLimits LIMITS = new UpdateLimits(100, 280, 1024, 64, Duration.ofSeconds(20));

    private final UpdateFeed board;

    /** Serves {@code board}; the next handler is set by {@code insertHandler} or {@code setHandler}. */
    public JettyNotesHandler(UpdateFeed board) {
        this.board = board;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!PATH.equals(Request.getPathInContext(request))) {
            return super.handle(request, response, callback);
        }
        if (HttpMethod.POST.is(request.getMethod())) {
            post(request, response, callback);
        } else if (HttpMethod.GET.is(request.getMethod())) {
            get(request, response, callback);
        } else {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, POST");
            NoteAnswers.error(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "only GET and POST on " + PATH);
        }
        return true;
    }

    private void post(Request request, Response response, Callback callback) throws IOException {
        long declared = request.getLength();
        if (declared > MAX_BODY_BYTES) {
            UnreadBody.closesConnection(response);
            NoteAnswers.error(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                    "a body is at most " + MAX_BODY_BYTES + " bytes, not " + declared);
            return;
        }
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(MAX_BODY_BYTES + 1); // a chunked body has no declared length
        }
        if (body.length > MAX_BODY_BYTES) {
            UnreadBody.closesConnection(response);
            NoteAnswers.error(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413,
                    "a body is at most " + MAX_BODY_BYTES + " bytes");
            return;
        }
        NoteJson.Posted posted = NoteJson.parse(body);
        if (posted instanceof NoteJson.Posted.Invalid invalid) {
            NoteAnswers.error(response, callback, HttpStatus.BAD_REQUEST_400, invalid.rule());
            return;
        }
        PublishResult result = board.publish(((NoteJson.Posted.Text) posted).text());
        if (result instanceof PublishResult.Published p) {
            response.getHeaders().put(HttpHeader.LOCATION, PATH + "?since=" + (p.update().seq() - 1));
            NoteAnswers.json(response, callback, HttpStatus.CREATED_201, NoteJson.note(p.update()));
        } else {
            NoteAnswers.error(response, callback, NoteAnswers.status(result), NoteAnswers.rule(result));
        }
    }

    private void get(Request request, Response response, Callback callback) {
        String asked = Request.extractQueryParameters(request).getValue("since");
        long since = asked == null ? 0 : sequence(asked);
        if (since < 0) {
            NoteAnswers.error(response, callback, HttpStatus.BAD_REQUEST_400,
                    "since is a note id, 0 or more: " + asked.substring(0, Math.min(asked.length(), 40)));
            return;
        }
        ReadResult read = board.read(since);
        if (read instanceof ReadResult.Gone g) {
            NoteAnswers.error(response, callback, HttpStatus.GONE_410,
                    "notes before " + g.oldest() + " are no longer kept; ask with since=" + (g.oldest() - 1));
            return;
        }
        List<Update> notes = ((ReadResult.Updates) read).updates();
        NoteAnswers.json(response, callback, HttpStatus.OK_200, NoteJson.notes(notes));
    }

    /** A note id of at most 18 digits, or -1. */
    static long sequence(String text) {
        if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(text);
    }
}
