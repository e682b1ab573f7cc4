package org.wslab.handshake.explain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.wslab.handshake.spec.RuleCheck;

/**
 * A pasted file cut into lines the way RFC 9112 §2.2 lets a recipient read them: a UTF-8 byte order
 * mark skipped, CRLF or a lone LF ending a line, trailing SP/HTAB dropped (OWS after a field value,
 * RFC 9112 §5); each liberty taken is named as a {@link TranscriptRule} finding. Bytes are read as
 * ISO-8859-1, as a head's octets are (RFC 9110 §5.5 obs-text). A file of control bytes is binary, not text ({@link #binary}).
 *
 * @param lines the lines, without line ends or trailing whitespace
 * @param notes what was tolerated, as {@code info} checks
 */
public record TranscriptText(List<String> lines, List<RuleCheck> notes) {
    public TranscriptText {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    /**
     * Why {@code file} is binary rather than text, if it is: a NUL byte anywhere, or eight or more
     * control bytes other than HTAB, LF, FF and CR in its first 4 KiB (a single stray control byte in
     * a field value is a typed fault of RFC 9110 §5.5 instead, judged later).
     */
    public static java.util.Optional<String> binary(byte[] file) {
        int controls = 0;
        for (int i = 0; i < file.length; i++) {
            int b = file[i] & 0xFF;
            if (b == 0) {
                return java.util.Optional.of("it holds binary data (a NUL byte at offset " + i + ")");
            }
            if (i < 4096 && (b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r' || b == 0x7F) && ++controls == 8) {
                return java.util.Optional.of("it holds binary data (8 control bytes in the first " + (i + 1) + ")");
            }
        }
        return java.util.Optional.empty();
    }

    /** The lines of {@code file}. */
    public static TranscriptText of(byte[] file) {
        int start = 0;
        List<RuleCheck> notes = new ArrayList<>();
        if (file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF) {
            start = 3;
            notes.add(RuleCheck.info(TranscriptRule.BYTE_ORDER_MARK, "the file starts with a UTF-8 byte order mark (EF BB BF), skipped"));
        }
        String text = new String(file, start, file.length - start, StandardCharsets.ISO_8859_1);
        List<String> lines = new ArrayList<>();
        List<Integer> trailing = new ArrayList<>();
        int lf = 0;
        int crlf = 0;
        int from = 0;
        while (from <= text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            if (nl >= 0) {
                if (end > from && text.charAt(end - 1) == '\r') {
                    crlf++;
                    end--;
                } else {
                    lf++;
                }
            }
            int cut = end;
            while (cut > from && (text.charAt(cut - 1) == ' ' || text.charAt(cut - 1) == '\t')) {
                cut--;
            }
            if (cut < end) {
                trailing.add(lines.size() + 1);
            }
            lines.add(text.substring(from, cut));
            if (nl < 0) {
                break;
            }
            from = nl + 1;
        }
        if (lf > 0) {
            notes.add(RuleCheck.info(TranscriptRule.LINE_ENDS, lf + " line" + (lf == 1 ? " ends" : "s end") + " in a lone LF"
                    + (crlf > 0 ? " and " + crlf + " in CRLF (mixed)" : "") + "; RFC 9112 §2.2 lets a recipient accept that"));
        }
        if (!trailing.isEmpty()) {
            notes.add(RuleCheck.info(TranscriptRule.TRAILING_WHITESPACE, "trailing spaces or tabs on " + lineList(trailing)
                    + ", dropped: after a field value that is allowed OWS (RFC 9112 §5); after a start line or on an "
                    + "empty line it bends RFC 9112 §3 / §2.1"));
        }
        return new TranscriptText(lines, notes);
    }

    /** {@code line 3} or {@code lines 3, 5, 9} (at most ten listed). */
    static String lineList(List<Integer> numbers) {
        List<String> shown = numbers.stream().limit(10).map(String::valueOf).toList();
        return (numbers.size() == 1 ? "line " : "lines ") + String.join(", ", shown)
                + (numbers.size() > shown.size() ? " and " + (numbers.size() - shown.size()) + " more" : "");
    }
}
