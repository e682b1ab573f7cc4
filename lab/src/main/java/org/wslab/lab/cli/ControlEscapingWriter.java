package org.wslab.lab.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * What every command writes goes through this: control characters (C0 but tab and line feed — a CR
 * only before a line feed —, DEL, C1) come out as {@code \xNN}, so a peer's bytes in a header, a
 * reason, a STOMP body or a trace can never move the cursor, retitle the terminal or hide text with
 * an escape sequence (ECMA-48 §5, §8.3; {@code \x1b} is ESC). Everything else passes as it is; JSON
 * output has already escaped its control characters (RFC 8259 §7) and is unchanged.
 */
final class ControlEscapingWriter extends Writer {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Writer out;

    ControlEscapingWriter(Writer out) {
        this.out = out;
    }

    /** Whether {@code c} at {@code i} of {@code text} is written as it is. */
    private static boolean passes(char c, char[] text, int i, int end) {
        if (c >= 0x20 && c < 0x7F || c > 0x9F) {
            return true;
        }
        return c == '\n' || c == '\t' || c == '\r' && i + 1 < end && text[i + 1] == '\n';
    }

    @Override
    public void write(char[] text, int offset, int length) throws IOException {
        int end = offset + length;
        int start = offset;
        for (int i = offset; i < end; i++) {
            char c = text[i];
            if (!passes(c, text, i, end)) {
                out.write(text, start, i - start);
                out.write(new char[] {'\\', 'x', HEX[(c >> 4) & 0xF], HEX[c & 0xF]});
                start = i + 1;
            }
        }
        out.write(text, start, end - start);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
