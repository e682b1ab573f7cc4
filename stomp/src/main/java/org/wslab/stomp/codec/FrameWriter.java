package org.wslab.stomp.codec;

import java.util.List;
import org.wslab.stomp.StompVersion;

/**
 * The common case of {@link StompEncoder#encode}: a frame whose header text is ASCII and needs no
 * refusal (STOMP 1.2 "Value Encoding", "Header content-length"), written in two passes — one
 * measuring, one writing — into an array of exactly the frame's size, the body copied once. The
 * body goes in first, while the array is fresh, so the JIT may skip zeroing what the copy fills.
 * Anything else (non-ASCII text, a frame {@link StompEncoder#check} refuses) is left to the
 * general path, which writes the same octets or gives the same refusal.
 */
final class FrameWriter {
    private FrameWriter() {}

    /** The frame's octets, or null when the general path must write (or refuse) it. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): ASCII text copied without a char loop
    static byte[] encode(StompFrame frame, StompVersion version) {
        StompCommand command = frame.command();
        byte[] body = frame.body();
        if (body.length > 0 && !command.allowsBody()) {
            return null;
        }
        boolean escaped = version.escapes() && command.escapesHeaders();
        boolean cr = version == StompVersion.V1_2;
        List<StompHeader> headers = frame.headers();
        int count = headers.size();
        byte[] cmd = command.ascii();
        int size = cmd.length + 2 + body.length + 1;
        String contentLength = null;
        for (int i = 0; i < count; i++) {
            StompHeader h = headers.get(i);
            int name = length(h.name(), escaped, cr, true);
            int value = length(h.value(), escaped, cr, false);
            if (name < 0 || value < 0) {
                return null;
            }
            size += name + value + 2;
            if (contentLength == null && h.name().equals("content-length")) {
                contentLength = h.value();
            }
        }
        if (contentLength != null ? !spells(contentLength, body.length) : ByteScan.indexOf(body, 0, body.length, (byte) 0) >= 0) {
            return null;
        }
        byte[] out = new byte[size];
        System.arraycopy(body, 0, out, size - 1 - body.length, body.length);
        System.arraycopy(cmd, 0, out, 0, cmd.length);
        int p = cmd.length;
        out[p++] = '\n';
        for (int i = 0; i < count; i++) {
            StompHeader h = headers.get(i);
            p = write(h.name(), escaped, cr, out, p);
            out[p++] = ':';
            p = write(h.value(), escaped, cr, out, p);
            out[p++] = '\n';
        }
        out[p] = '\n';
        out[size - 1] = 0;
        return out;
    }

    /** The chars a header is escaped for ({@code \\n}, {@code \\r}, {@code \\c}, {@code \\\\}); ASCII only. */
    private static final boolean[] SPECIAL = new boolean[128];

    static {
        SPECIAL['\n'] = true;
        SPECIAL['\r'] = true;
        SPECIAL[':'] = true;
        SPECIAL['\\'] = true;
    }

    /**
     * The octets {@code s} takes, or -1 when the general path must handle it: a non-ASCII char, or
     * unescaped text the encoder refuses (a ':' in a name, an LF, a value's trailing CR). One pass.
     */
    private static int length(String s, boolean escaped, boolean cr, boolean name) {
        int n = s.length();
        int len = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                return -1;
            }
            if (SPECIAL[c]) {
                if (escaped) {
                    len += c != '\r' || cr ? 1 : 0;
                } else if (c == '\n' || (c == ':' && name)) {
                    return -1;
                }
            }
        }
        return !escaped && !name && n > 0 && s.charAt(n - 1) == '\r' ? -1 : len;
    }

    /**
     * Writes measured ASCII text at {@code p}: copied in bulk, then, if escaping applies and the
     * copy holds a char to escape, written again char by char. Returns the position after it.
     */
    @SuppressWarnings("deprecation")
    private static int write(String s, boolean escaped, boolean cr, byte[] out, int p) {
        int n = s.length();
        s.getBytes(0, n, out, p);
        if (!escaped || !ByteScan.anyOf(out, p, p + n, cr)) {
            return p + n;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            byte escape = c == '\\' ? (byte) '\\' : c == '\n' ? (byte) 'n' : c == ':' ? (byte) 'c'
                    : c == '\r' && cr ? (byte) 'r' : 0;
            if (escape != 0) {
                out[p++] = '\\';
                out[p++] = escape;
            } else {
                out[p++] = (byte) c;
            }
        }
        return p;
    }

    /** True when {@code s} is {@code n} in decimal, as {@link Integer#toString(int)} spells it (no allocation). */
    static boolean spells(String s, int n) {
        int len = s.length();
        if (len == 0 || len > 10 || (len > 1 && s.charAt(0) == '0')) {
            return false;
        }
        long v = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            v = v * 10 + (c - '0');
        }
        return v == n;
    }
}
