package org.wslab.handshake.http;

import java.util.Objects;

/**
 * An HTTP/1.1 response head (RFC 9112 §4, §5): status line and field lines. Built to bytes by
 * {@link HeadWriter}, read by {@link ResponseHeadParser}; {@code parse(write(x))} equals {@code x}.
 *
 * @param version e.g. {@link HttpVersion#HTTP_1_1}
 * @param status  three digits, 100..999 (RFC 9112 §4)
 * @param reason  the reason phrase, possibly empty (HTAB, SP, VCHAR, obs-text; no surrounding whitespace)
 * @param headers field lines in order
 */
public record ResponseHead(HttpVersion version, int status, String reason, Headers headers) {
    public ResponseHead {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(headers, "headers");
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("status must have three digits: " + status);
        }
        if (HttpChars.firstInvalidValueChar(reason) >= 0) {
            throw new IllegalArgumentException("reason phrase has a control character");
        }
        if (!reason.equals(HttpChars.trimOws(reason))) {
            throw new IllegalArgumentException("reason phrase has surrounding whitespace");
        }
    }

    /** An {@code HTTP/1.1} response head. */
    public static ResponseHead of(int status, String reason, Headers headers) {
        return new ResponseHead(HttpVersion.HTTP_1_1, status, reason, headers);
    }

    /** This head with one more field line. */
    public ResponseHead with(String name, String value) {
        return new ResponseHead(version, status, reason, headers.with(name, value));
    }
}
