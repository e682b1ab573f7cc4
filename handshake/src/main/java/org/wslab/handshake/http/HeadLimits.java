package org.wslab.handshake.http;

/**
 * Limits a head parser enforces so that no input can make it allocate without bound
 * (RFC 9110 §5.4: a server may reject a header section larger than it wishes to process).
 *
 * @param maxHeadBytes  bytes of the whole head: start line, field lines and the final empty line
 *                      (default {@value #DEFAULT_MAX_HEAD_BYTES}); leading blank lines count too
 * @param maxFieldLines number of field lines (default {@value #DEFAULT_MAX_FIELD_LINES})
 */
public record HeadLimits(int maxHeadBytes, int maxFieldLines) {
    /** 8 KiB, the size most servers (Jetty, nginx) accept for a request head. */
    public static final int DEFAULT_MAX_HEAD_BYTES = 8 * 1024;
    /** More field lines than any real browser sends. */
    public static final int DEFAULT_MAX_FIELD_LINES = 100;

    public HeadLimits {
        if (maxHeadBytes < 16) {
            throw new IllegalArgumentException("maxHeadBytes must be at least 16, was " + maxHeadBytes);
        }
        if (maxFieldLines < 0) {
            throw new IllegalArgumentException("maxFieldLines must be >= 0, was " + maxFieldLines);
        }
    }

    /** 8 KiB and 100 field lines. */
    public static HeadLimits defaults() {
        return new HeadLimits(DEFAULT_MAX_HEAD_BYTES, DEFAULT_MAX_FIELD_LINES);
    }
}
