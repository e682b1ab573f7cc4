package org.wslab.handshake.http;

import java.util.Objects;

/**
 * The answer of an incremental head parser (RFC 9112 §2–§5) to each {@code feed}: need more
 * bytes, a parsed head, or a typed failure naming its {@link HttpRule}. Nothing else — malformed input of any shape ends in {@link Failed}.
 *
 * @param <T> {@link RequestHead} or {@link ResponseHead}
 */
public sealed interface ParseResult<T> {

    /** The header section has not ended yet; feed more bytes. */
    record NeedMore<T>() implements ParseResult<T> {}

    /**
     * The head is complete.
     *
     * @param head     the parsed head
     * @param consumed how many bytes of the <em>last</em> {@code feed} call's input belong to the head;
     *                 bytes after them (from {@code offset + consumed}) are the first bytes after the
     *                 handshake (WebSocket frames) and belong to the caller
     */
    record Parsed<T>(T head, int consumed) implements ParseResult<T> {
        public Parsed {
            Objects.requireNonNull(head, "head");
        }
    }

    /** The bytes break a rule; the parser stays failed and answers the same failure to later feeds. */
    record Failed<T>(HttpParseFailure failure) implements ParseResult<T> {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
