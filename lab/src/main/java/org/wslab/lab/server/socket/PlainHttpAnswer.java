package org.wslab.lab.server.socket;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.wslab.handshake.http.HeadWriter;
import org.wslab.handshake.http.Headers;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.ResponseHead;

/**
 * A plain HTTP answer of the socket engine to a request that is not for a WebSocket endpoint:
 * the index page at {@code /} (200, RFC 9110 §15.3.1) or 404 Not Found for any other path
 * (RFC 9110 §15.5.5). Each closes the connection ({@code Connection: close}, RFC 9112 §9.6).
 *
 * @param request  the request answered
 * @param response the response head
 * @param body     the content sent after the head
 */
public record PlainHttpAnswer(RequestHead request, ResponseHead response, byte[] body) {
    public PlainHttpAnswer {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(response, "response");
        body = body.clone();
    }

    /** 200 with {@code html}. */
    public static PlainHttpAnswer page(RequestHead request, String html) {
        byte[] content = html.getBytes(StandardCharsets.UTF_8);
        return answer(request, 200, "OK", "text/html; charset=utf-8", content);
    }

    /** 404: nothing is served at the request's path. */
    public static PlainHttpAnswer notFound(RequestHead request, String path) {
        byte[] content = ("404 Not Found (RFC 9110 §15.5.5): no page or WebSocket endpoint at " + path + "\n")
                .getBytes(StandardCharsets.UTF_8);
        return answer(request, 404, "Not Found", "text/plain; charset=utf-8", content);
    }

    private static PlainHttpAnswer answer(RequestHead request, int status, String reason, String type, byte[] content) {
        Headers h = Headers.of("Content-Type", type, "Content-Length", Integer.toString(content.length),
                "Connection", "close");
        return new PlainHttpAnswer(request, ResponseHead.of(status, reason, h), content);
    }

    /**
     * This answer to a HEAD request: the same head, Content-Length included, and no content
     * (RFC 9110 §9.3.2).
     */
    public PlainHttpAnswer withoutContent() {
        return new PlainHttpAnswer(request, response, new byte[0]);
    }

    /** The HTTP status. */
    public int status() {
        return response.status();
    }

    /** The head and body as written to the wire. */
    public byte[] bytes() {
        byte[] head = HeadWriter.write(response);
        byte[] all = Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlainHttpAnswer a && a.request.equals(request) && a.response.equals(response)
                && Arrays.equals(a.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(request, response, Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "PlainHttpAnswer[" + response.status() + " " + request.method() + " " + request.target() + "]";
    }
}
