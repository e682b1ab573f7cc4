package org.wslab.lab.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.wslab.handshake.explain.Transcript;
import org.wslab.lab.common.LabFailure;

/**
 * The recorded handshake {@code wslab explain FILE} reads, in one of two forms: a plain transcript
 * (the request, an empty line, the response), or a Markdown file — such as the source notes —
 * whose first two fenced code blocks (CommonMark "Fenced code blocks": three or more backticks or
 * tildes, closed by the same character at least as many times) are the request and the response.
 * A file ending in {@code .md} or {@code .markdown} is read as Markdown; any other file is read as
 * Markdown only when its first line is not a request line but it holds two fenced blocks.
 */
final class TranscriptFile {
    /** Largest file read: far above any header section (the parsers stop at 8 KiB per head). */
    static final long MAX_FILE_BYTES = 1L << 20;

    /** The start of a request line (RFC 9112 §3): method, target, HTTP version. */
    private static final Pattern REQUEST_LINE = Pattern.compile("[A-Z]+ \\S+ HTTP/");

    private TranscriptFile() {}

    /** The first line that is not empty, as text. */
    private static String firstLine(byte[] bytes) {
        for (String line : new String(bytes, StandardCharsets.ISO_8859_1).split("\n")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return "";
    }

    /** The transcript in {@code file}, or a {@link LabFailure} with one line saying why there is none. */
    static Transcript read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new LabFailure(Files.exists(file) ? file + " is not a regular file" : "no such file: " + file);
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new LabFailure(file + " is " + Files.size(file) + " bytes; a transcript is at most 1MiB");
        }
        return parse(Files.readAllBytes(file), file.toString(), file.getFileName().toString());
    }

    /** The transcript on standard input ({@code explain -}): at most {@link #MAX_FILE_BYTES}, Markdown when it holds two fenced blocks. */
    static Transcript read(java.io.InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw new LabFailure("standard input holds more than 1MiB; a transcript is at most 1MiB");
        }
        return parse(bytes, "standard input", "-");
    }

    /** The transcript in {@code bytes} from {@code file} (named in messages; its {@code name} says whether it is Markdown). */
    private static Transcript parse(byte[] bytes, String file, String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        boolean markdown = name.endsWith(".md") || name.endsWith(".markdown")
                || (!REQUEST_LINE.matcher(firstLine(bytes)).lookingAt() && fencedBlocks(bytes).size() >= 2);
        if (!markdown) {
            Transcript.Reading plain = Transcript.read(bytes);
            if (plain instanceof Transcript.Reading.Invalid invalid) {
                throw new LabFailure(file + " is not a transcript: " + invalid.detail()
                        + " (expected a request, an empty line, then a response)");
            }
            return ((Transcript.Reading.Split) plain).transcript();
        }
        List<String> blocks = fencedBlocks(bytes);
        if (blocks.size() < 2) {
            throw new LabFailure(file + " holds " + blocks.size() + " fenced code block" + (blocks.size() == 1 ? "" : "s")
                    + "; explain wants two: the request, then the response");
        }
        Transcript.Reading reading = Transcript.read(joined(blocks.get(0), blocks.get(1)));
        if (reading instanceof Transcript.Reading.Invalid invalid) {
            throw new LabFailure(file + ": its first two fenced code blocks are not a request and a response: "
                    + invalid.detail());
        }
        return ((Transcript.Reading.Split) reading).transcript();
    }

    /** The request block, an empty line, the response block: the plain transcript form. */
    private static byte[] joined(String request, String response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = request.getBytes(StandardCharsets.UTF_8);
        out.write(head, 0, head.length);
        out.write('\n');
        byte[] tail = response.getBytes(StandardCharsets.UTF_8);
        out.write(tail, 0, tail.length);
        return out.toByteArray();
    }

    /**
     * The contents of every closed fenced code block in {@code bytes} (UTF-8), in order, each line
     * ending in LF (a CR before it kept, so a CRLF transcript stays CRLF); an unclosed block is not one.
     */
    static List<String> fencedBlocks(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        List<String> blocks = new ArrayList<>();
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
            blocks.add(body.toString());
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
