package org.wslab.framing.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An independent oracle for "first invalid byte", built on the JDK's strict UTF-8 decoder: the
 * first invalid byte is at the shortest prefix that no continuation can turn into valid UTF-8.
 * A prefix is extendable when the JDK decodes it whole, or decodes it after appending one of a
 * set of continuation bytes that covers every range boundary of RFC 3629 §4.
 */
final class Utf8Oracle {
    private static final int[] CONTINUATIONS = {0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF};

    private Utf8Oracle() {}

    static boolean strictlyValid(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length * 2 + 4);
        CoderResult r = d.decode(ByteBuffer.wrap(bytes), out, true);
        if (r.isError()) {
            return false;
        }
        return !d.flush(out).isError();
    }

    /** -1 for valid text; the message length when it is cut short; else the first bad index. */
    static long firstInvalid(byte[] bytes) {
        if (strictlyValid(bytes)) {
            return -1;
        }
        for (int n = 1; n <= bytes.length; n++) {
            if (!extendable(Arrays.copyOf(bytes, n))) {
                return n - 1;
            }
        }
        return bytes.length;
    }

    private static boolean extendable(byte[] prefix) {
        if (strictlyValid(prefix)) {
            return true;
        }
        // only the last ≤3 bytes can be an open sequence; the rest must decode on its own
        for (int tail = 1; tail <= Math.min(3, prefix.length); tail++) {
            byte[] head = Arrays.copyOf(prefix, prefix.length - tail);
            if (!strictlyValid(head)) {
                continue;
            }
            byte[] open = Arrays.copyOfRange(prefix, prefix.length - tail, prefix.length);
            if (completes(open, 4 - tail)) {
                return true;
            }
        }
        return false;
    }

    private static boolean completes(byte[] open, int maxMore) {
        if (strictlyValid(open)) {
            return true;
        }
        if (maxMore == 0) {
            return false;
        }
        for (int c : CONTINUATIONS) {
            byte[] longer = Arrays.copyOf(open, open.length + 1);
            longer[open.length] = (byte) c;
            if (completes(longer, maxMore - 1)) {
                return true;
            }
        }
        return false;
    }
}
