package org.wslab.handshake.explain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.wslab.handshake.spec.RuleCheck;

/**
 * A recorded handshake: the request head and the response head, each held as CRLF lines ending in
 * the empty line (RFC 9112 §2.1), however the file wrote them. {@link #read} takes the notes' form
 * (request, empty line, response; LF or CRLF; a BOM, trailing spaces or a missing final empty line
 * tolerated and named, RFC 9112 §2.2) and browser DevTools copies ({@link DevToolsCopy}).
 *
 * @param request  the request's bytes up to and including the empty line
 * @param response the response's bytes up to and including the empty line
 */
public record Transcript(byte[] request, byte[] response) {
    /** A request line's shape (RFC 9112 §3): token, target, HTTP-version, split on whitespace. */
    static final Pattern REQUEST_LINE = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+[ \\t]+\\S+[ \\t]+HTTP/\\S*");
    /** A status line's shape (RFC 9112 §4). */
    static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\S*[ \\t]+\\d{3}([ \\t].*)?");

    /** Whether {@code line} has the shape of a request line (RFC 9112 §3), whatever its method and version. */
    public static boolean isRequestLine(String line) {
        return REQUEST_LINE.matcher(line.strip()).matches();
    }

    /** Whether {@code line} has the shape of a status line (RFC 9112 §4). */
    public static boolean isStatusLine(String line) {
        return STATUS_LINE.matcher(line.strip()).matches();
    }

    public Transcript {
        request = request.clone();
        response = response.clone();
    }

    /** The outcome of reading a file as a transcript. */
    public sealed interface Reading {
        /**
         * Read as a transcript.
         *
         * @param transcript the two heads
         * @param notes      how the file was read, as {@link TranscriptRule} {@code info} checks
         */
        record Split(Transcript transcript, List<RuleCheck> notes) implements Reading {
            public Split {
                Objects.requireNonNull(transcript, "transcript");
                notes = List.copyOf(notes);
            }

            public Split(Transcript transcript) {
                this(transcript, List.of());
            }

            /** This reading with one more note first (e.g. which Markdown blocks were used). */
            public Split withNote(RuleCheck note) {
                List<RuleCheck> all = new ArrayList<>(notes.size() + 1);
                all.add(note);
                all.addAll(notes);
                return new Split(transcript, all);
            }
        }

        /** Not a transcript at all; {@code detail} says why ("it is empty", "it looks like JSON", …). */
        record Invalid(String detail) implements Reading {
            public Invalid {
                Objects.requireNonNull(detail, "detail");
            }
        }
    }

    /** Reads a file (a plain transcript or a DevTools copy). */
    public static Reading read(byte[] file) {
        if (file.length == 0) {
            return new Reading.Invalid("it is empty");
        }
        java.util.Optional<String> binary = TranscriptText.binary(file);
        if (binary.isPresent()) {
            return new Reading.Invalid(binary.get());
        }
        TranscriptText text = TranscriptText.of(file);
        List<String> lines = text.lines();
        int first = 0;
        while (first < lines.size() && lines.get(first).isEmpty()) {
            first++;
        }
        if (first == lines.size()) {
            return new Reading.Invalid("it holds only empty lines");
        }
        Reading reading = REQUEST_LINE.matcher(lines.get(first)).matches() ? plain(lines, first)
                : DevToolsCopy.recognises(lines) ? DevToolsCopy.read(lines) : new Reading.Invalid(why(lines.get(first), first));
        if (reading instanceof Reading.Split split) {
            List<RuleCheck> notes = new ArrayList<>(text.notes());
            notes.addAll(split.notes());
            return new Reading.Split(split.transcript(), notes);
        }
        return reading;
    }

    private static String why(String line, int index) {
        if (line.startsWith("{") || line.startsWith("[")) {
            return "it looks like JSON (it starts with \"" + line.charAt(0) + "\")";
        }
        if (STATUS_LINE.matcher(line).matches()) {
            return "it starts with a response (\"" + HeadReader.shown(line) + "\"); the request comes first";
        }
        return "its first line (line " + (index + 1) + ", \"" + HeadReader.shown(line) + "\") is no HTTP request line";
    }

    /** The request from line {@code first} to the empty line (or the status line), then the response. */
    private static Reading plain(List<String> lines, int first) {
        List<RuleCheck> notes = new ArrayList<>();
        int end = first;
        while (end < lines.size() && !lines.get(end).isEmpty() && (end == first || !STATUS_LINE.matcher(lines.get(end)).matches())) {
            end++;
        }
        if (end < lines.size() && !lines.get(end).isEmpty()) {
            notes.add(RuleCheck.info(TranscriptRule.FINAL_EMPTY_LINE, "no empty line between the request and the status line"
                    + " (line " + (end + 1) + "); the request was taken to end there"));
        }
        int start = end;
        while (start < lines.size() && lines.get(start).isEmpty()) {
            start++;
        }
        if (start == lines.size()) {
            return new Reading.Invalid("it holds a request (line " + (first + 1) + ") but no response after it");
        }
        int stop = start;
        while (stop < lines.size() && !lines.get(stop).isEmpty()) {
            stop++;
        }
        if (stop == lines.size()) {
            notes.add(RuleCheck.info(TranscriptRule.FINAL_EMPTY_LINE, "the file ends without the response's empty line; supplied"));
        }
        return new Reading.Split(of(lines.subList(first, end), lines.subList(start, stop)), notes);
    }

    /** The transcript of two heads given as lines (start line first, no line ends, no empty line). */
    static Transcript of(List<String> request, List<String> response) {
        return new Transcript(bytes(request), bytes(response));
    }

    private static byte[] bytes(List<String> lines) {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l).append("\r\n"));
        return b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The request's lines, start line first, without the empty line. */
    public List<String> requestLines() {
        return lines(request);
    }

    /** The response's lines, status line first, without the empty line. */
    public List<String> responseLines() {
        return lines(response);
    }

    private static List<String> lines(byte[] head) {
        List<String> out = new ArrayList<>();
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(from, end > from && text.charAt(end - 1) == '\r' ? end - 1 : end);
            if (line.isEmpty() && !out.isEmpty()) {
                break;
            }
            if (!line.isEmpty()) {
                out.add(line);
            }
            from = end + 1;
        }
        return out;
    }

    @Override
    public byte[] request() {
        return request.clone();
    }

    @Override
    public byte[] response() {
        return response.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transcript t && Arrays.equals(t.request, request) && Arrays.equals(t.response, response);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(request) + Arrays.hashCode(response);
    }

    @Override
    public String toString() {
        return "Transcript[request=" + request.length + " bytes, response=" + response.length + " bytes]";
    }
}
