package org.wslab.handshake.http;

import java.util.Objects;
import java.util.Optional;

/**
 * An HTTP/1.1 request head (RFC 9112 §3, §5): request line and field lines, no content.
 * Built to bytes by {@link HeadWriter}, read by {@link RequestHeadParser}; {@code parse(write(x))}
 * equals {@code x}.
 *
 * @param method  a token, e.g. {@code GET}
 * @param target  the request-target as written (origin-form or absolute-form, see {@link #parsedTarget()})
 * @param version e.g. {@link HttpVersion#HTTP_1_1}
 * @param headers field lines in order
 */
public record RequestHead(String method, String target, HttpVersion version, Headers headers) {
    public RequestHead {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(headers, "headers");
        if (!HttpChars.isToken(method)) {
            throw new IllegalArgumentException("method is not a token: \"" + method + "\"");
        }
        if (RequestTarget.parse(target).isEmpty()) {
            throw new IllegalArgumentException("target is neither origin-form nor absolute-form: \"" + target + "\"");
        }
    }

    /** A {@code GET target HTTP/1.1} head with these fields. */
    public static RequestHead get(String target, Headers headers) {
        return new RequestHead("GET", target, HttpVersion.HTTP_1_1, headers);
    }

    /** The target classified as origin-form or absolute-form (always present for a constructed head). */
    public RequestTarget parsedTarget() {
        Optional<RequestTarget> t = RequestTarget.parse(target);
        return t.orElseThrow();
    }

    /** This head with one more field line. */
    public RequestHead with(String name, String value) {
        return new RequestHead(method, target, version, headers.with(name, value));
    }
}
