package org.wslab.conformance.handshake;

import java.util.Objects;
import org.wslab.handshake.http.ResponseHead;

/** What a server did with a case's request: answered a response head, closed TCP, stayed silent, or sent no HTTP. */
public sealed interface ServerAnswer {
    /** A response head (RFC 9112 §4, §6). */
    record Response(ResponseHead head) implements ServerAnswer {
        public Response {
            Objects.requireNonNull(head, "head");
        }

        @Override
        public String toString() {
            return "HTTP/1.1 " + head.status() + " " + head.reason();
        }
    }

    /** The server closed (or reset) TCP before a whole response head. */
    record Closed(String how) implements ServerAnswer {
        @Override
        public String toString() {
            return "the server closed the connection without a response (" + how + ")";
        }
    }

    /** Nothing before the case's deadline. */
    record Silent(long waitedMillis) implements ServerAnswer {
        @Override
        public String toString() {
            return "no response within " + waitedMillis + " ms";
        }
    }

    /** Bytes that are not an HTTP response head (RFC 9112 §4). */
    record Malformed(String detail) implements ServerAnswer {
        @Override
        public String toString() {
            return "a response that is not HTTP: " + detail;
        }
    }
}
