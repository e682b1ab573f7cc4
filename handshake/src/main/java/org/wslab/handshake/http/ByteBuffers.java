package org.wslab.handshake.http;

import java.nio.ByteBuffer;

/** Adapts a ByteBuffer to the parsers' array feed. Package-private. */
final class ByteBuffers {
    private ByteBuffers() {}

    interface ArrayFeed<T> {
        ParseResult<T> feed(byte[] data, int off, int len);
    }

    static <T> ParseResult<T> feed(ByteBuffer data, ArrayFeed<T> feed) {
        int start = data.position();
        int len = data.remaining();
        ParseResult<T> result;
        if (data.hasArray()) {
            result = feed.feed(data.array(), data.arrayOffset() + start, len);
        } else {
            byte[] copy = new byte[len];
            data.duplicate().get(copy);
            result = feed.feed(copy, 0, len);
        }
        if (result instanceof ParseResult.Parsed<T> p) {
            data.position(start + p.consumed());
        } else {
            data.position(start + len);
        }
        return result;
    }
}
