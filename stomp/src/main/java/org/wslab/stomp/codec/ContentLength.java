package org.wslab.stomp.codec;

import java.util.List;

/**
 * The body length a frame's headers give (STOMP 1.2 "Header content-length": octets, in decimal;
 * when the header repeats the first entry counts, "Repeated Header Entries"). Read without
 * allocating, once per frame.
 */
final class ContentLength {
    /** No content-length entry: the body ends at the first NUL. */
    static final long ABSENT = -1;
    /** The first entry is not a non-empty run of ASCII digits. */
    static final long NOT_A_NUMBER = -2;

    private ContentLength() {}

    /** The first content-length entry's value, or null. */
    static String text(List<StompHeader> headers) {
        for (int i = 0, n = headers.size(); i < n; i++) {
            StompHeader h = headers.get(i);
            if (h.name().equals("content-length")) {
                return h.value();
            }
        }
        return null;
    }

    /** The length the headers give, {@link #ABSENT} or {@link #NOT_A_NUMBER}; over 12 digits reads as {@link Long#MAX_VALUE}. */
    static long of(List<StompHeader> headers) {
        String v = text(headers);
        if (v == null) {
            return ABSENT;
        }
        long n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_A_NUMBER;
            }
            n = i < 12 ? n * 10 + (c - '0') : Long.MAX_VALUE;
        }
        return v.isEmpty() ? NOT_A_NUMBER : n;
    }
}
