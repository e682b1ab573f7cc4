package org.wslab.lab.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A recorded handshake as people write it down (the source notes' format): the request's lines,
 * one blank line, the response's lines. Line ends may be LF or CRLF; this rebuilds each message
 * with the CRLF line ends and the empty line that end an HTTP header section (RFC 7230 §3), so the
 * handshake parsers see what went over the wire.
 *
 * <p>Because line ends are normalised, a transcript cannot show bare-CR or mixed line-end faults;
 * {@code wslab handshake} shows those on live bytes.
 *
 * @param request   the request's bytes, CRLF line ends, ending in an empty line
 * @param response  the response's bytes, likewise
 */
public record TranscriptFile(byte[] request, byte[] response) {

    /** Largest transcript accepted: far above any header section, small enough to read whole. */
    public static final int MAX_BYTES = 1 << 20;

    /** Why a file is not a transcript; the message is one line for a person. */
    public static final class NotATranscript extends Exception {
        private static final long serialVersionUID = 1L;

        NotATranscript(String message) {
            super(message);
        }
    }

    /** Splits {@code content} into request and response. */
    public static TranscriptFile parse(byte[] content) throws NotATranscript {
        if (content.length > MAX_BYTES) {
            throw new NotATranscript("is " + content.length + " bytes; a transcript is at most " + MAX_BYTES);
        }
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (text.startsWith("\u00ef\u00bb\u00bf")) {
            text = text.substring(3); // a UTF-8 byte order mark from an editor
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        int blank = first;
        while (blank < lines.size() && !lines.get(blank).isEmpty()) {
            blank++;
        }
        int responseStart = blank;
        while (responseStart < lines.size() && lines.get(responseStart).isBlank()) {
            responseStart++;
        }
        int end = lines.size();
        while (end > responseStart && lines.get(end - 1).isBlank()) {
            end--;
        }
        if (first == lines.size()) {
            throw new NotATranscript("is empty; expected a request, a blank line, then a response");
        }
        if (responseStart >= end) {
            throw new NotATranscript("has no response: expected a request, a blank line, then a response");
        }
        return new TranscriptFile(message(lines.subList(first, blank)), message(lines.subList(responseStart, end)));
    }

    private static byte[] message(List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            b.append(line).append("\r\n");
        }
        return b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
