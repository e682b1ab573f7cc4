package org.wslab.lab.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wslab.handshake.http.HeaderField;
import org.wslab.handshake.http.Headers;

/**
 * One line of an HTTP head as it was on the wire (RFC 9112 §2.1), with the field it parsed to
 * (none for the start line), so a report can print the exact bytes next to their meaning.
 *
 * @param raw   the line without its line end, non-printable bytes escaped as {@code \xNN}
 * @param field the parsed field, empty for the start line
 */
public record HeadLine(String raw, Optional<HeaderField> field) {

    /**
     * The lines of the head at the start of {@code bytes}, paired with {@code headers} in order.
     * When the raw lines and the parsed fields do not pair up one to one, the lines are rebuilt
     * from the parsed head instead ({@code startLine} plus each field).
     */
    public static List<HeadLine> of(byte[] bytes, String startLine, Headers headers) {
        List<String> raw = rawLines(bytes);
        List<HeaderField> fields = headers.fields();
        List<HeadLine> out = new ArrayList<>(fields.size() + 1);
        if (raw.size() == fields.size() + 1) {
            out.add(new HeadLine(raw.get(0), Optional.empty()));
            for (int i = 0; i < fields.size(); i++) {
                out.add(new HeadLine(raw.get(i + 1), Optional.of(fields.get(i))));
            }
        } else {
            out.add(new HeadLine(printable(startLine), Optional.empty()));
            for (HeaderField f : fields) {
                out.add(new HeadLine(printable(f.toString()), Optional.of(f)));
            }
        }
        return out;
    }

    /** The lines before the first empty line (leading empty lines skipped), line ends removed. */
    public static List<String> rawLines(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\r' || text.charAt(start) == '\n')) {
            start++;
        }
        List<String> lines = new ArrayList<>();
        int i = start;
        while (i < text.length()) {
            int nl = text.indexOf('\n', i);
            String line = nl < 0 ? text.substring(i) : text.substring(i, nl);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                break;
            }
            lines.add(printable(line));
            if (nl < 0) {
                break;
            }
            i = nl + 1;
        }
        return lines;
    }

    /**
     * Text for a terminal: control characters written as {@code \xNN}, everything else as is
     * (for details and messages, which are Unicode text).
     */
    public static String safeText(String s) {
        return org.wslab.lab.common.WireText.safe(s);
    }

    /** {@code s} (bytes as ISO-8859-1 chars) with control characters and bytes above 0x7E written as {@code \xNN}. */
    public static String printable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 0x20 && c < 0x7F) || c == '\t') {
                out.append(c);
            } else {
                out.append(String.format("\\x%02X", (int) c & 0xFF));
            }
        }
        return out.toString();
    }
}
