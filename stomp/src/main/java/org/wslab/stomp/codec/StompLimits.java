package org.wslab.stomp.codec;

/**
 * Size limits a decoder enforces (STOMP 1.2 "Size Limits": a server MAY limit the number of
 * headers, the length of header lines and the size of a body, and answers with an ERROR frame).
 *
 * @param maxHeaders    headers per frame (default 64)
 * @param maxLineLength octets in one command or header line, excluding the EOL (default 8 KiB)
 * @param maxBodySize   octets in one body (default 1 MiB)
 */
public record StompLimits(int maxHeaders, int maxLineLength, int maxBodySize) {
    /** The defaults: 64 headers, 8 KiB lines, 1 MiB bodies. */
    public static final StompLimits DEFAULT = new StompLimits(64, 8 * 1024, 1024 * 1024);

    public StompLimits {
        if (maxHeaders < 1 || maxLineLength < 16 || maxBodySize < 0 || maxBodySize > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("limits out of range");
        }
    }

    public StompLimits withMaxHeaders(int n) {
        return new StompLimits(n, maxLineLength, maxBodySize);
    }

    public StompLimits withMaxLineLength(int n) {
        return new StompLimits(maxHeaders, n, maxBodySize);
    }

    public StompLimits withMaxBodySize(int n) {
        return new StompLimits(maxHeaders, maxLineLength, n);
    }
}
