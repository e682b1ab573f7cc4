package org.wslab.lab.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fenced code blocks of a Markdown file (CommonMark 0.31 §4.5: three or more backticks or
 * tildes, indented at most three spaces, closed by the same character at least as many times; an
 * unclosed fence is no block), each with the file lines its contents span, so {@code explain} can say
 * which lines it used.
 */
final class MarkdownBlocks {
    private MarkdownBlocks() {}

    /**
     * One closed fenced block.
     *
     * @param start the file line (1-based) of its first content line
     * @param end   the file line of its last content line ({@code start - 1} when empty)
     * @param body  its contents, each line ending in LF (a CR before it kept, so CRLF stays CRLF)
     */
    record Block(int start, int end, String body) {
        /** {@code lines 12–19}, or {@code line 4} for a one-line block. */
        String lines() {
            return end <= start ? "line " + start : "lines " + start + "–" + end;
        }

        /** Its first non-blank line, stripped. */
        String firstLine() {
            for (String line : body.split("\n")) {
                if (!line.isBlank()) {
                    return line.replace("\uFEFF", "").strip();
                }
            }
            return "";
        }
    }

    /** Every closed fenced block of {@code bytes} (UTF-8), in order. */
    static List<Block> of(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        List<Block> blocks = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            Fence open = Fence.of(lines[i]);
            if (open == null) {
                i++;
                continue;
            }
            StringBuilder body = new StringBuilder();
            int j = i + 1;
            while (j < lines.length && !open.closedBy(lines[j])) {
                body.append(open.unindent(lines[j])).append('\n');
                j++;
            }
            if (j == lines.length) {
                break; // never closed: not a block, and nothing after it is one either
            }
            blocks.add(new Block(i + 2, j, body.toString()));
            i = j + 1;
        }
        return blocks;
    }

    /** An opening fence: its character, its length and its indent (at most three spaces). */
    private record Fence(char mark, int length, int indent) {
        static Fence of(String line) {
            String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            int indent = 0;
            while (indent < l.length() && indent < 4 && l.charAt(indent) == ' ') {
                indent++;
            }
            if (indent > 3 || indent >= l.length() || (l.charAt(indent) != '`' && l.charAt(indent) != '~')) {
                return null;
            }
            char mark = l.charAt(indent);
            int end = indent;
            while (end < l.length() && l.charAt(end) == mark) {
                end++;
            }
            int length = end - indent;
            if (length < 3 || (mark == '`' && l.indexOf('`', end) >= 0)) {
                return null; // an info string may not hold a backtick
            }
            return new Fence(mark, length, indent);
        }

        boolean closedBy(String line) {
            String l = (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).stripTrailing();
            String t = l.stripLeading();
            if (l.length() - t.length() > 3 || t.length() < length) {
                return false;
            }
            for (int k = 0; k < t.length(); k++) {
                if (t.charAt(k) != mark) {
                    return false;
                }
            }
            return true;
        }

        String unindent(String line) {
            int k = 0;
            while (k < indent && k < line.length() && line.charAt(k) == ' ') {
                k++;
            }
            return line.substring(k);
        }
    }
}
