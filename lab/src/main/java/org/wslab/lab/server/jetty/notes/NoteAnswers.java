package org.wslab.lab.server.jetty.notes;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.wslab.lab.server.jetty.http.NoStoreAnswer;
import org.wslab.lab.server.jetty.updates.PublishResult;

/**
 * The notes API's answers (RFC 9110): JSON bodies with their length, never cached
 * ({@code Cache-Control: no-store}, RFC 9111 §5.2.2.5), errors as {@code {"error":"…"}} naming the rule.
 */
final class NoteAnswers {
    private NoteAnswers() {}

    /** A JSON answer with {@code status}. */
    static void json(Response response, Callback callback, int status, String body) {
        NoStoreAnswer.write(response, callback, status, "application/json", body);
    }

    /** An error answer: {@code status} and the rule broken. */
    static void error(Response response, Callback callback, int status, String rule) {
        json(response, callback, status, NoteJson.error(rule));
    }

    /** The status of a refused publication: 413 too large, 400 not one line, 503 closed. */
    static int status(PublishResult refused) {
        if (refused instanceof PublishResult.TooLarge) {
            return HttpStatus.PAYLOAD_TOO_LARGE_413;
        }
        return refused instanceof PublishResult.NotOneLine ? HttpStatus.BAD_REQUEST_400 : HttpStatus.SERVICE_UNAVAILABLE_503;
    }

    /** What a refused publication says. */
    static String rule(PublishResult refused) {
        if (refused instanceof PublishResult.TooLarge t) {
            return "a note's text is at most " + t.limit() + " bytes of UTF-8, not " + t.bytes();
        }
        return refused instanceof PublishResult.NotOneLine ? "a note's text is one line, without CR or LF"
                : "the server is stopping";
    }
}
