package org.wslab.handshake.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The incremental engine under both head parsers: accumulates bytes up to the limit, cuts them
 * into lines (CRLF, or a lone LF which RFC 9112 §2.2 lets a recipient accept), rejects a bare CR
 * the moment it is seen, and hands each complete line to the start-line or field-line rules.
 * Leading empty lines before the start line are skipped (RFC 9112 §2.2). Not thread-safe.
 *
 * <p>The buffer grows with the bytes received (from {@value #INITIAL_BUFFER} bytes, doubling, never
 * past {@link HeadLimits#maxHeadBytes()}), so a generous limit costs memory only for heads that use it.
 */
final class HeadScanner<T> {

    /** What the owning parser does with the start line and the finished fields. */
    interface Grammar<T> {
        /** Parses the start line; returns a failure or null, keeping what it parsed. */
        HttpParseFailure startLine(String line, long offset);

        /** Builds the head from the fields once the empty line arrives; returns it or a failure. */
        Object finish(Headers headers, long endOffset);
    }

    private final HeadLimits limits;
    private final Grammar<T> grammar;
    /** First buffer size; a typical browser request head fits in 512–1024 bytes. */
    static final int INITIAL_BUFFER = 1024;

    private byte[] buf;
    private int size;
    private int lineStart;
    private boolean startLineSeen;
    private final List<HeaderField> fields = new ArrayList<>();
    private ParseResult<T> terminal;

    HeadScanner(HeadLimits limits, Grammar<T> grammar) {
        this.limits = limits;
        this.grammar = grammar;
        this.buf = new byte[Math.min(INITIAL_BUFFER, limits.maxHeadBytes())];
    }

    @SuppressWarnings("unchecked")
    ParseResult<T> feed(byte[] data, int off, int len) {
        if (off < 0 || len < 0 || off > data.length - len) {
            throw new IndexOutOfBoundsException("off=" + off + " len=" + len + " length=" + data.length);
        }
        if (terminal instanceof ParseResult.Failed<T>) {
            return terminal;
        }
        if (terminal instanceof ParseResult.Parsed<T> parsed) {
            return new ParseResult.Parsed<>(parsed.head(), 0);
        }
        for (int i = 0; i < len; i++) {
            byte b = data[off + i];
            if (size > 0 && buf[size - 1] == '\r' && b != '\n') {
                return fail(new HttpParseFailure(HttpRule.BARE_CR, size - 1, "CR followed by 0x"
                        + String.format("%02x", b & 0xFF) + " instead of LF"));
            }
            if (size == buf.length && size < limits.maxHeadBytes()) {
                buf = java.util.Arrays.copyOf(buf, (int) Math.min(limits.maxHeadBytes(), 2L * size));
            }
            if (size == buf.length) {
                return fail(new HttpParseFailure(HttpRule.HEADER_SECTION_LIMIT, size,
                        "head exceeds " + limits.maxHeadBytes() + " bytes without ending in an empty line"));
            }
            buf[size++] = b;
            if (b != '\n') {
                continue;
            }
            int end = size - 1;
            if (end > lineStart && buf[end - 1] == '\r') {
                end--;
            }
            String line = new String(buf, lineStart, end - lineStart, StandardCharsets.ISO_8859_1);
            long lineOffset = lineStart;
            lineStart = size;
            if (!startLineSeen) {
                if (line.isEmpty()) {
                    continue; // RFC 9112 §2.2: ignore empty lines before the start line
                }
                startLineSeen = true;
                HttpParseFailure f = grammar.startLine(line, lineOffset);
                if (f != null) {
                    return fail(f);
                }
                continue;
            }
            if (line.isEmpty()) {
                Object done = grammar.finish(new Headers(fields), size);
                if (done instanceof HttpParseFailure f) {
                    return fail(f);
                }
                terminal = new ParseResult.Parsed<>((T) done, i + 1);
                return terminal;
            }
            HttpParseFailure f = fieldLine(line, lineOffset);
            if (f != null) {
                return fail(f);
            }
        }
        return new ParseResult.NeedMore<>();
    }

    private HttpParseFailure fieldLine(String line, long offset) {
        char first = line.charAt(0);
        if (first == ' ' || first == '\t') {
            return new HttpParseFailure(HttpRule.OBSOLETE_LINE_FOLDING, offset,
                    fields.isEmpty() ? "whitespace before the first field line" : "continuation line after " + fields.get(fields.size() - 1).name());
        }
        if (fields.size() == limits.maxFieldLines()) {
            return new HttpParseFailure(HttpRule.FIELD_COUNT_LIMIT, offset,
                    "more than " + limits.maxFieldLines() + " field lines");
        }
        int colon = line.indexOf(':');
        if (colon < 0) {
            return new HttpParseFailure(HttpRule.FIELD_LINE_SYNTAX, offset, "no colon in \"" + printable(line) + "\"");
        }
        String name = line.substring(0, colon);
        if (!HttpChars.isToken(name)) {
            return new HttpParseFailure(HttpRule.FIELD_NAME_TOKEN, offset, "field name \"" + printable(name) + "\"");
        }
        String value = HttpChars.trimOws(line.substring(colon + 1));
        int bad = value.indexOf('\r');
        if (bad >= 0) {
            return new HttpParseFailure(HttpRule.BARE_CR, offset, "CR inside the value of " + name);
        }
        bad = HttpChars.firstInvalidValueChar(value);
        if (bad >= 0) {
            return new HttpParseFailure(HttpRule.FIELD_VALUE_CHARACTERS, offset,
                    String.format("value of %s holds 0x%02x", name, (int) value.charAt(bad)));
        }
        fields.add(new HeaderField(name, value));
        return null;
    }

    /** Bytes of buffer held (grows with the head received, at most the limit). */
    int capacity() {
        return buf.length;
    }

    private ParseResult<T> fail(HttpParseFailure f) {
        terminal = new ParseResult.Failed<>(f);
        return terminal;
    }

    /** The line with control characters shown as \xNN, cut to 60 characters, for failure details. */
    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && out.length() < 60; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c >= 0x7F) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return s.length() > 60 ? out + "…" : out.toString();
    }
}
