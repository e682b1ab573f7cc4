package org.wslab.lab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.wslab.handshake.explain.Transcript;
import org.wslab.handshake.explain.TranscriptRule;
import org.wslab.handshake.spec.RuleCheck;
import org.wslab.lab.common.LabFailure;

/**
 * The recorded handshake {@code wslab explain FILE} reads: a plain transcript (the request, an empty
 * line, the response) or a browser DevTools copy ({@link Transcript#read}), or a Markdown file whose
 * fenced code blocks (CommonMark 0.31 §4.5, see {@link MarkdownBlocks}) hold the request and the
 * response — the first block that starts with a request line, then the next that starts with a status
 * line (or one block holding both); shell snippets and other blocks are skipped and the lines used
 * named. A file ending in {@code .md} or {@code .markdown} is read as Markdown; any other file only
 * when its first line is not a request line and it holds a fenced block. Anything else is one
 * {@link LabFailure} line: {@code <file> is not a handshake transcript: <why> (…)}.
 */
final class TranscriptFile {
    /** Largest file read: far above any header section (a server stops at 8 KiB per head). */
    static final long MAX_FILE_BYTES = 1L << 20;

    /** What a transcript looks like, closing every "not a handshake transcript" line. */
    static final String LOOKS_LIKE = "a transcript is the request (\"GET /chat HTTP/1.1\" and its header lines), "
            + "an empty line, then the response (\"HTTP/1.1 101 Switching Protocols\" and its header lines); "
            + "or a browser DevTools copy of both; or Markdown with them in fenced code blocks";

    private TranscriptFile() {}

    /** The transcript in {@code file}, or a {@link LabFailure} with one line saying why there is none. */
    static Transcript.Reading.Split read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new LabFailure(Files.exists(file) ? file + " is not a regular file" : "no such file: " + file);
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new LabFailure(file + " is " + Files.size(file) + " bytes; a transcript is at most 1MiB");
        }
        return parse(Files.readAllBytes(file), file.toString(), file.getFileName().toString());
    }

    /** The transcript on standard input ({@code explain -}): at most {@link #MAX_FILE_BYTES}. */
    static Transcript.Reading.Split read(java.io.InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
        if (bytes.length > MAX_FILE_BYTES) {
            throw new LabFailure("standard input holds more than 1MiB; a transcript is at most 1MiB");
        }
        return parse(bytes, "standard input", "-");
    }

    /** The transcript in {@code bytes} from {@code file} (named in messages; its {@code name} says whether it is Markdown). */
    static Transcript.Reading.Split parse(byte[] bytes, String file, String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        boolean markdown = name.endsWith(".md") || name.endsWith(".markdown")
                || (!Transcript.isRequestLine(firstLine(bytes)) && !MarkdownBlocks.of(bytes).isEmpty());
        Transcript.Reading reading = markdown ? markdown(bytes) : Transcript.read(bytes);
        if (reading instanceof Transcript.Reading.Invalid invalid) {
            throw LabFailure.ofKind("not-a-transcript", file + " is not a handshake transcript: " + invalid.detail() + " (" + LOOKS_LIKE + ")");
        }
        return (Transcript.Reading.Split) reading;
    }

    /** The first line that is not blank (a byte order mark dropped). */
    private static String firstLine(byte[] bytes) {
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            String l = line.replace("\uFEFF", "").strip();
            if (!l.isEmpty()) {
                return l;
            }
        }
        return "";
    }

    /** The request and response in Markdown's fenced blocks, with a note naming the lines used. */
    private static Transcript.Reading markdown(byte[] bytes) {
        List<MarkdownBlocks.Block> blocks = MarkdownBlocks.of(bytes);
        if (blocks.isEmpty()) {
            return new Transcript.Reading.Invalid("it is Markdown with no fenced code block");
        }
        for (int i = 0; i < blocks.size(); i++) {
            MarkdownBlocks.Block request = blocks.get(i);
            if (!Transcript.isRequestLine(request.firstLine())) {
                continue;
            }
            if (Transcript.read(request.body().getBytes(StandardCharsets.UTF_8)) instanceof Transcript.Reading.Split both) {
                return both.withNote(note(blocks, request, null));
            }
            for (int j = i + 1; j < blocks.size(); j++) {
                MarkdownBlocks.Block response = blocks.get(j);
                if (Transcript.isStatusLine(response.firstLine())) {
                    byte[] joined = (request.body() + "\n" + response.body()).getBytes(StandardCharsets.UTF_8);
                    if (Transcript.read(joined) instanceof Transcript.Reading.Split split) {
                        return split.withNote(note(blocks, request, response));
                    }
                }
            }
            return new Transcript.Reading.Invalid("its fenced block at " + request.lines()
                    + " holds a request, but no later block starts with a status line");
        }
        return new Transcript.Reading.Invalid("none of its " + blocks.size() + " fenced code block" + (blocks.size() == 1 ? "" : "s")
                + " starts with an HTTP request line (the first starts \"" + clip(blocks.get(0).firstLine()) + "\")");
    }

    private static RuleCheck note(List<MarkdownBlocks.Block> blocks, MarkdownBlocks.Block request, MarkdownBlocks.Block response) {
        StringBuilder b = new StringBuilder("read from Markdown: the fenced block at ").append(request.lines());
        b.append(response == null ? " (request and response)" : " (the request) and the one at " + response.lines() + " (the response)");
        List<MarkdownBlocks.Block> skipped = blocks.stream().filter(x -> x.start() < request.start()).toList();
        if (!skipped.isEmpty()) {
            b.append("; skipped ").append(skipped.size()).append(skipped.size() == 1 ? " earlier block that starts" : " earlier blocks that start")
                    .append(" with no request line (").append(skipped.get(0).lines())
                    .append(": \"").append(clip(skipped.get(0).firstLine())).append("\")");
        }
        return RuleCheck.info(TranscriptRule.MARKDOWN_BLOCKS, b.toString());
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
