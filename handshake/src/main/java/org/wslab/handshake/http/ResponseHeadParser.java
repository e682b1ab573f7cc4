package org.wslab.handshake.http;

import java.nio.ByteBuffer;

/**
 * Reads an HTTP/1.1 response head (RFC 9112 §4, §5) incrementally, any status: the client needs
 * the head of a 101 as well as of a 400 or a 200 that refuses the upgrade. Feed any prefix; get
 * {@link ParseResult.NeedMore} until the empty line, then {@link ParseResult.Parsed} with the head
 * and how many bytes of the last chunk it used (the rest are frames, or the refusal's body).
 *
 * <p>Typed failures ({@link HttpRule}): status-line and field syntax, obs-fold, bare CR, and the
 * {@link HeadLimits}. Garbage fails at its first line end, or at the size limit. Not thread-safe.
 */
public final class ResponseHeadParser {
    private final HeadScanner<ResponseHead> scanner;
    private HttpVersion version;
    private int status;
    private String reason;

    /** A parser with {@link HeadLimits#defaults()} (8 KiB). */
    public ResponseHeadParser() {
        this(HeadLimits.defaults());
    }

    /** A parser with the given limits. */
    public ResponseHeadParser(HeadLimits limits) {
        this.scanner = new HeadScanner<>(limits, new Grammar());
    }

    /** Parses a whole buffer in one go with default limits. */
    public static ParseResult<ResponseHead> parse(byte[] bytes) {
        return new ResponseHeadParser().feed(bytes, 0, bytes.length);
    }

    /**
     * Feeds {@code len} bytes from {@code data[off]}. Once the head is parsed, further feeds answer
     * the same head with {@code consumed} 0; once failed, the same failure.
     */
    public ParseResult<ResponseHead> feed(byte[] data, int off, int len) {
        return scanner.feed(data, off, len);
    }

    /** Feeds all of {@code data}. */
    public ParseResult<ResponseHead> feed(byte[] data) {
        return feed(data, 0, data.length);
    }

    /**
     * Feeds the remaining bytes of {@code data}; on {@link ParseResult.Parsed} the buffer's position
     * is left just after the head, otherwise at its limit.
     */
    public ParseResult<ResponseHead> feed(ByteBuffer data) {
        return ByteBuffers.feed(data, this::feed);
    }

    private final class Grammar implements HeadScanner.Grammar<ResponseHead> {
        @Override
        public HttpParseFailure startLine(String line, long offset) {
            // HTTP-version SP 3DIGIT SP [reason]; a missing final SP is tolerated (RFC 9112 §4)
            if (line.length() < 12 || line.charAt(8) != ' ' || (line.length() > 12 && line.charAt(12) != ' ')) {
                return new HttpParseFailure(HttpRule.STATUS_LINE_SYNTAX, offset,
                        "\"" + HeadScanner.printable(line) + "\"");
            }
            HttpVersion v = StartLines.version(line.substring(0, 8));
            if (v == null) {
                return new HttpParseFailure(HttpRule.HTTP_VERSION_SYNTAX, offset,
                        "\"" + HeadScanner.printable(line.substring(0, 8)) + "\" is not HTTP/d.d");
            }
            int code = 0;
            for (int i = 9; i < 12; i++) {
                char c = line.charAt(i);
                if (c < '0' || c > '9') {
                    return new HttpParseFailure(HttpRule.STATUS_LINE_SYNTAX, offset,
                            "status \"" + HeadScanner.printable(line.substring(9, 12)) + "\" is not 3 digits");
                }
                code = code * 10 + (c - '0');
            }
            if (code < 100) {
                return new HttpParseFailure(HttpRule.STATUS_LINE_SYNTAX, offset, "status " + code + " is below 100");
            }
            String r = line.length() > 13 ? HttpChars.trimOws(line.substring(13)) : "";
            if (HttpChars.firstInvalidValueChar(r) >= 0) {
                return new HttpParseFailure(HttpRule.STATUS_LINE_SYNTAX, offset, "reason phrase holds a control character");
            }
            version = v;
            status = code;
            reason = r;
            return null;
        }

        @Override
        public Object finish(Headers headers, long endOffset) {
            return new ResponseHead(version, status, reason, headers);
        }
    }
}
