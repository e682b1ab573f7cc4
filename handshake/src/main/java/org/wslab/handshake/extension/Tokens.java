package org.wslab.handshake.extension;

/** The token rule of RFC 9110 §5.6.2 (RFC 2616 §2.2 in RFC 6455 §9.1). Package-private. */
final class Tokens {
    private Tokens() {}

    static boolean isTchar(char c) {
        if (c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTchar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
