package org.wslab.lab.server.jetty;

import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.wslab.lab.server.jetty.http.NoStoreAnswer;
import org.wslab.lab.server.jetty.updates.ReadResult;
import org.wslab.lab.server.jetty.updates.Update;

/**
 * The polling endpoints' answers (RFC 9110): 200 with one {@link Update#line()} per update, 204
 * when there is none (yet), 410 when the asked ones are no longer retained, 400 for a bad
 * {@code after}, 503 when the subscriber limit is reached. Never cached ({@code Cache-Control:
 * no-store}, RFC 9111 §5.2.2.5): every poll must reach the server.
 */
final class JettyUpdateAnswers {
    private JettyUpdateAnswers() {}

    /** The answer to a read: 200 with the updates, 204 with none, 410 when gone. */
    static void read(Response response, Callback callback, ReadResult result) {
        if (result instanceof ReadResult.Gone g) {
            text(response, callback, HttpStatus.GONE_410,
                    "updates before " + g.oldest() + " are no longer kept; poll with after=" + (g.oldest() - 1) + "\n");
            return;
        }
        List<Update> updates = ((ReadResult.Updates) result).updates();
        if (updates.isEmpty()) {
            empty(response, callback);
            return;
        }
        StringBuilder body = new StringBuilder();
        updates.forEach(x -> body.append(x.line()));
        text(response, callback, HttpStatus.OK_200, body.toString());
    }

    /** 204 No Content: no update (yet). */
    static void empty(Response response, Callback callback) {
        NoStoreAnswer.empty(response, callback, HttpStatus.NO_CONTENT_204);
    }

    /** A plain-text answer. */
    static void text(Response response, Callback callback, int status, String body) {
        NoStoreAnswer.write(response, callback, status, "text/plain; charset=utf-8", body);
    }

    /** 503 with {@code Retry-After: 1}: the subscriber limit is reached, or the server stops. */
    static void busy(Response response, Callback callback, String why) {
        response.getHeaders().put(HttpHeader.RETRY_AFTER, 1);
        text(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, why + "\n");
    }
}
