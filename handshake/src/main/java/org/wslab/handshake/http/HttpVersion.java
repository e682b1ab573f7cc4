package org.wslab.handshake.http;

/**
 * An HTTP-version as written on a start line (RFC 9112 §2.3): {@code HTTP/major.minor}, one digit each.
 *
 * @param major 0..9
 * @param minor 0..9
 */
public record HttpVersion(int major, int minor) implements Comparable<HttpVersion> {
    /** {@code HTTP/1.1}, the version every WebSocket handshake uses (RFC 6455 §4.1). */
    public static final HttpVersion HTTP_1_1 = new HttpVersion(1, 1);

    public HttpVersion {
        if (major < 0 || major > 9 || minor < 0 || minor > 9) {
            throw new IllegalArgumentException("HTTP version digits must be 0..9: " + major + "." + minor);
        }
    }

    /** At least the given version, e.g. {@code atLeast(HTTP_1_1)} for RFC 6455 §4.2.1 (1). */
    public boolean atLeast(HttpVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(HttpVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    /** {@code HTTP/1.1}. */
    @Override
    public String toString() {
        return "HTTP/" + major + "." + minor;
    }
}
