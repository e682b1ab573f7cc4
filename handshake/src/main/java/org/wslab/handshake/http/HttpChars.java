package org.wslab.handshake.http;

/** Character classes of RFC 9110 §5.6.2 (token) and §5.5 (field values). Package-private helpers. */
final class HttpChars {
    private HttpChars() {}

    private static final boolean[] TCHAR = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TCHAR[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TCHAR[c] = true;
            TCHAR[c - 32] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TCHAR[c] = true;
        }
    }

    /** tchar of RFC 9110 §5.6.2. */
    static boolean isTchar(int c) {
        return c >= 0 && c < 128 && TCHAR[c];
    }

    /** A non-empty token. */
    static boolean isToken(CharSequence s) {
        if (s.length() == 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTchar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** field-vchar / SP / HTAB: VCHAR, obs-text (0x80-0xFF), SP, HTAB. */
    static boolean isFieldValueChar(int c) {
        return c == '\t' || (c >= 0x20 && c <= 0x7E) || (c >= 0x80 && c <= 0xFF);
    }

    static boolean isOws(int c) {
        return c == ' ' || c == '\t';
    }

    /** Index of the first character that is not allowed in a field value, or -1. */
    static int firstInvalidValueChar(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isFieldValueChar(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The string without leading and trailing SP / HTAB (OWS, RFC 9110 §5.6.3). */
    static String trimOws(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isOws(s.charAt(from))) {
            from++;
        }
        while (to > from && isOws(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }
}
