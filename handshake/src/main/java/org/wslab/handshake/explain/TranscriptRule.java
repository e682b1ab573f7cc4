package org.wslab.handshake.explain;

import org.wslab.handshake.spec.SpecRule;

/**
 * How a pasted transcript was read before its rules were judged: where the file bends the wire
 * format of RFC 9112 §2 (a byte order mark, lone LF line ends, trailing whitespace, a missing final
 * empty line) or is not the wire format at all (a browser DevTools copy, RFC 9113 §8.3 pseudo-header
 * fields, Markdown fences). Each is reported as an {@code info} finding naming what was tolerated.
 */
public enum TranscriptRule implements SpecRule {
    BYTE_ORDER_MARK("RFC 9112 §2.2 / RFC 3629 §6",
            "an HTTP message begins with its start line; a byte order mark before it is no part of HTTP (skipped here)"),
    LINE_ENDS("RFC 9112 §2.2",
            "a line ends in CRLF; a recipient MAY accept a lone LF (accepted here)"),
    TRAILING_WHITESPACE("RFC 9112 §5 / §3",
            "whitespace after a field value is OWS and dropped; after a start line it is not in the grammar, "
                    + "but a recipient MAY parse on whitespace boundaries (accepted here)"),
    FINAL_EMPTY_LINE("RFC 9112 §2.1",
            "a head ends with an empty line (supplied here where the file lacks it)"),
    DEVTOOLS_COPY("RFC 6455 §4.1 / RFC 9113 §8.3",
            "a browser DevTools copy lists the fields, not the bytes: it is rebuilt into HTTP/1.1 heads to judge"),
    MARKDOWN_BLOCKS("CommonMark 0.31 §4.5",
            "in Markdown, the first fenced blocks holding a request and a response are the transcript"),
    ;

    private final String section;
    private final String statement;

    TranscriptRule(String section, String statement) {
        this.section = section;
        this.statement = statement;
    }

    @Override
    public String section() {
        return section;
    }

    @Override
    public String statement() {
        return statement;
    }
}
