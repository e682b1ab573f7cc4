package org.wslab.lab.server.jetty.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A whole HTTP answer of the lab's Jetty endpoints (RFC 9110 §15, §8.6): status, Content-Type, the
 * body's Content-Length, and {@code Cache-Control: no-store} (RFC 9111 §5.2.2.5), because every
 * answer describes the server's state at that moment and a cached one would be wrong the next.
 */
public final class NoStoreAnswer {
    private NoStoreAnswer() {}

    /** Writes {@code body} (UTF-8) as the whole answer, with {@code status} and {@code contentType}. */
    public static void write(Response response, Callback callback, int status, String contentType, String body) {
        byte[] octets = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, octets.length);
        response.write(true, ByteBuffer.wrap(octets), callback);
    }

    /** An answer without a body ({@code 204 No Content}, say). */
    public static void empty(Response response, Callback callback, int status) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, null, callback);
    }
}
