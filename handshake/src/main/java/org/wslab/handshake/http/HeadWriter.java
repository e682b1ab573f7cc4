package org.wslab.handshake.http;

import java.nio.charset.StandardCharsets;

/**
 * Writes heads to their exact wire bytes (RFC 9112 §3, §4, §5): start line, each field as
 * {@code Name: value} in order and case as given, CRLF line ends, and the empty line.
 * The inverse of the parsers: {@code parse(write(x)).head()} equals {@code x}.
 */
public final class HeadWriter {
    private HeadWriter() {}

    /** The request head's bytes. */
    public static byte[] write(RequestHead head) {
        return text(head).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The response head's bytes. */
    public static byte[] write(ResponseHead head) {
        return text(head).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The request head as text with CRLF line ends (ISO-8859-1 characters). */
    public static String text(RequestHead head) {
        StringBuilder out = new StringBuilder(256);
        out.append(head.method()).append(' ').append(head.target()).append(' ').append(head.version()).append("\r\n");
        return fields(out, head.headers());
    }

    /** The response head as text with CRLF line ends (ISO-8859-1 characters). */
    public static String text(ResponseHead head) {
        StringBuilder out = new StringBuilder(256);
        out.append(head.version()).append(' ').append(String.format("%03d", head.status()));
        out.append(' ').append(head.reason()).append("\r\n");
        return fields(out, head.headers());
    }

    private static String fields(StringBuilder out, Headers headers) {
        for (HeaderField f : headers.fields()) {
            out.append(f.name()).append(": ").append(f.value()).append("\r\n");
        }
        return out.append("\r\n").toString();
    }
}
