package org.wslab.handshake.http;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Reads the head of a WebSocket opening handshake request (RFC 6455 §4.1, RFC 9112 §3, §5)
 * incrementally: feed any prefix of the bytes, get {@link ParseResult.NeedMore} until the empty
 * line, then {@link ParseResult.Parsed} with the head and how many bytes of the last chunk it used.
 *
 * <p>Typed failures ({@link HttpRule}): start-line and field syntax, obs-fold, bare CR, the head
 * size and field-count limits ({@link HeadLimits}), a method other than GET, a missing or repeated
 * Host, and a body announced by Transfer-Encoding or a non-zero Content-Length. Origin-form and
 * absolute-form targets both parse. One parser reads one head; it is not thread-safe.
 */
public final class RequestHeadParser {
    private final HeadScanner<RequestHead> scanner;
    private String method;
    private String target;
    private HttpVersion version;

    /** A parser with {@link HeadLimits#defaults()} (8 KiB). */
    public RequestHeadParser() {
        this(HeadLimits.defaults());
    }

    /** A parser with the given limits. */
    public RequestHeadParser(HeadLimits limits) {
        this.scanner = new HeadScanner<>(limits, new Grammar());
    }

    /** Parses a whole buffer in one go with default limits. */
    public static ParseResult<RequestHead> parse(byte[] bytes) {
        return new RequestHeadParser().feed(bytes, 0, bytes.length);
    }

    /**
     * Feeds {@code len} bytes from {@code data[off]}. Once the head is parsed, further feeds answer
     * the same head with {@code consumed} 0; once failed, the same failure.
     */
    public ParseResult<RequestHead> feed(byte[] data, int off, int len) {
        return scanner.feed(data, off, len);
    }

    /** Feeds all of {@code data}. */
    public ParseResult<RequestHead> feed(byte[] data) {
        return feed(data, 0, data.length);
    }

    /**
     * Feeds the remaining bytes of {@code data}; on {@link ParseResult.Parsed} the buffer's position
     * is left just after the head, otherwise at its limit.
     */
    public ParseResult<RequestHead> feed(ByteBuffer data) {
        return ByteBuffers.feed(data, this::feed);
    }

    private final class Grammar implements HeadScanner.Grammar<RequestHead> {
        @Override
        public HttpParseFailure startLine(String line, long offset) {
            String[] parts = line.split(" ", -1);
            if (parts.length != 3) {
                return new HttpParseFailure(HttpRule.REQUEST_LINE_SYNTAX, offset,
                        "expected 3 parts separated by single spaces in \"" + HeadScanner.printable(line) + "\"");
            }
            if (!HttpChars.isToken(parts[0])) {
                return new HttpParseFailure(HttpRule.REQUEST_LINE_SYNTAX, offset,
                        "method \"" + HeadScanner.printable(parts[0]) + "\" is not a token");
            }
            HttpVersion v = StartLines.version(parts[2]);
            if (v == null) {
                return new HttpParseFailure(HttpRule.HTTP_VERSION_SYNTAX, offset,
                        "\"" + HeadScanner.printable(parts[2]) + "\" is not HTTP/d.d");
            }
            if (!parts[0].equals("GET")) {
                return new HttpParseFailure(HttpRule.METHOD_GET, offset, "method is " + parts[0]);
            }
            Optional<RequestTarget> t = RequestTarget.parse(parts[1]);
            if (t.isEmpty()) {
                return new HttpParseFailure(HttpRule.REQUEST_TARGET_FORM, offset,
                        "target \"" + HeadScanner.printable(parts[1]) + "\"");
            }
            method = parts[0];
            target = parts[1];
            version = v;
            return null;
        }

        @Override
        public Object finish(Headers headers, long endOffset) {
            int hosts = headers.count("Host");
            if (hosts != 1) {
                return new HttpParseFailure(HttpRule.HOST_PRESENT, endOffset,
                        hosts == 0 ? "no Host field" : hosts + " Host fields");
            }
            if (headers.has("Transfer-Encoding")) {
                return new HttpParseFailure(HttpRule.NO_REQUEST_BODY, endOffset,
                        "Transfer-Encoding: " + headers.first("Transfer-Encoding").orElse(""));
            }
            for (String cl : headers.all("Content-Length")) {
                if (!cl.equals("0")) {
                    return new HttpParseFailure(HttpRule.NO_REQUEST_BODY, endOffset, "Content-Length: " + cl);
                }
            }
            return new RequestHead(method, target, version, headers);
        }
    }
}
