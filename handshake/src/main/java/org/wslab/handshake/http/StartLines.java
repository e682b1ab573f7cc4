package org.wslab.handshake.http;

/** HTTP-version syntax shared by request and status lines (RFC 9112 §2.3). Package-private. */
final class StartLines {
    private StartLines() {}

    /** Parses {@code HTTP/d.d}; null when the text is not one. */
    static HttpVersion version(String s) {
        if (s.length() != 8 || !s.startsWith("HTTP/") || s.charAt(6) != '.') {
            return null;
        }
        char major = s.charAt(5);
        char minor = s.charAt(7);
        if (major < '0' || major > '9' || minor < '0' || minor > '9') {
            return null;
        }
        return new HttpVersion(major - '0', minor - '0');
    }
}
