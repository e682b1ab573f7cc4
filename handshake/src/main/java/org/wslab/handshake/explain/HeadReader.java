package org.wslab.handshake.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wslab.handshake.http.HeadLimits;
import org.wslab.handshake.http.HeaderField;
import org.wslab.handshake.http.Headers;
import org.wslab.handshake.http.HttpRule;
import org.wslab.handshake.http.HttpVersion;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.RequestTarget;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.spec.RuleCheck;

/**
 * Reads a recorded head far enough to judge it, listing every fault instead of stopping at the first
 * (RFC 9112 §3–§5): a start line split on whitespace (RFC 9112 §3 lets a recipient), any method and
 * any HTTP version (RFC 6455 §4.1 judges them afterwards), each field line that does not parse named
 * and skipped, the size limits and a request body named. Unlike the wire parsers of
 * {@code org.wslab.handshake.http}, which refuse on the first fault, this reader is for explaining.
 */
final class HeadReader {
    private static final Pattern VERSION = Pattern.compile("HTTP/(\\d)\\.(\\d)");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");
    private static final HeadLimits LIMITS = HeadLimits.defaults();

    private HeadReader() {}

    /**
     * What was read of one head.
     *
     * @param head   the head, when its start line could be read
     * @param fields every field line that parsed, even when the start line did not
     * @param faults every fault found, in line order
     */
    record Read<T>(Optional<T> head, Headers fields, List<RuleCheck> faults) {}

    /** Reads a request head from its lines (the request line first, no empty line). */
    static Read<RequestHead> request(List<String> lines) {
        List<RuleCheck> faults = new ArrayList<>();
        Headers fields = fields(lines, faults);
        String[] parts = lines.isEmpty() ? new String[0] : lines.get(0).strip().split("[ \t]+");
        Optional<RequestHead> head = Optional.empty();
        if (parts.length != 3) {
            faults.add(0, RuleCheck.fail(HttpRule.REQUEST_LINE_SYNTAX, "expected method, target and version in \""
                    + shown(lines.isEmpty() ? "" : lines.get(0)) + "\""));
        } else if (!TOKEN.matcher(parts[0]).matches()) {
            faults.add(0, RuleCheck.fail(HttpRule.REQUEST_LINE_SYNTAX, "method \"" + shown(parts[0]) + "\" is not a token"));
        } else if (RequestTarget.parse(parts[1]).isEmpty()) {
            faults.add(0, RuleCheck.fail(HttpRule.REQUEST_TARGET_FORM, "target \"" + shown(parts[1])
                    + "\" is neither origin-form nor absolute-form"));
        } else {
            spacing(lines.get(0), String.join(" ", parts), HttpRule.REQUEST_LINE_SYNTAX, faults);
            Optional<HttpVersion> version = version(parts[2], faults);
            head = version.map(v -> new RequestHead(parts[0], parts[1], v, fields));
        }
        if (fields.has("Transfer-Encoding")) {
            faults.add(RuleCheck.fail(HttpRule.NO_REQUEST_BODY, "Transfer-Encoding: " + fields.first("Transfer-Encoding").orElseThrow()));
        }
        for (String length : fields.all("Content-Length")) {
            if (!length.equals("0")) {
                faults.add(RuleCheck.fail(HttpRule.NO_REQUEST_BODY, "Content-Length: " + length));
            }
        }
        return new Read<>(head, fields, faults);
    }

    /** Reads a response head from its lines (the status line first, no empty line). */
    static Read<ResponseHead> response(List<String> lines) {
        List<RuleCheck> faults = new ArrayList<>();
        Headers fields = fields(lines, faults);
        String line = lines.isEmpty() ? "" : lines.get(0).strip();
        String[] parts = line.split("[ \t]+", 3);
        Optional<ResponseHead> head = Optional.empty();
        if (parts.length < 2 || !parts[1].matches("\\d{3}")) {
            faults.add(0, RuleCheck.fail(HttpRule.STATUS_LINE_SYNTAX, "expected version, three-digit status and reason in \""
                    + shown(line) + "\""));
        } else {
            String reason = parts.length == 3 ? parts[2] : "";
            spacing(line, String.join(" ", parts), HttpRule.STATUS_LINE_SYNTAX, faults);
            if (reason.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7F)) {
                faults.add(0, RuleCheck.fail(HttpRule.STATUS_LINE_SYNTAX, "the reason phrase holds a control character"));
            } else {
                head = version(parts[0], faults).map(v -> new ResponseHead(v, Integer.parseInt(parts[1]), reason, fields));
            }
        }
        return new Read<>(head, fields, faults);
    }

    /** An {@code info} when the start line's parts are not separated by single spaces (RFC 9112 §3 lets a recipient accept that). */
    private static void spacing(String line, String single, HttpRule rule, List<RuleCheck> faults) {
        if (!line.strip().equals(single)) {
            faults.add(0, RuleCheck.info(rule, "the parts of \"" + shown(line) + "\" are not separated by single spaces;"
                    + " read on whitespace boundaries, as RFC 9112 §3 lets a recipient"));
        }
    }

    private static Optional<HttpVersion> version(String text, List<RuleCheck> faults) {
        Matcher m = VERSION.matcher(text);
        if (!m.matches()) {
            faults.add(0, RuleCheck.fail(HttpRule.HTTP_VERSION_SYNTAX, "\"" + shown(text) + "\" is not HTTP/d.d"));
            return Optional.empty();
        }
        return Optional.of(new HttpVersion(m.group(1).charAt(0) - '0', m.group(2).charAt(0) - '0'));
    }

    /** The field lines after the start line that parse (RFC 9112 §5); a fault for each that does not. */
    private static Headers fields(List<String> lines, List<RuleCheck> faults) {
        List<HeaderField> fields = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            bytes += line.length() + 2L;
            if (i == 0) {
                continue;
            }
            String where = " (head line " + (i + 1) + ")";
            int colon = line.indexOf(':');
            if (line.startsWith(" ") || line.startsWith("\t")) {
                faults.add(RuleCheck.fail(HttpRule.OBSOLETE_LINE_FOLDING, "\"" + shown(line) + "\" continues the line before" + where));
            } else if (colon < 0) {
                faults.add(RuleCheck.fail(HttpRule.FIELD_LINE_SYNTAX, "no colon in \"" + shown(line) + "\"" + where));
            } else if (!TOKEN.matcher(line.substring(0, colon)).matches()) {
                faults.add(RuleCheck.fail(HttpRule.FIELD_NAME_TOKEN, "field name \"" + shown(line.substring(0, colon)) + "\"" + where));
            } else {
                String value = trimOws(line.substring(colon + 1));
                int bad = firstControl(value);
                if (bad >= 0) {
                    faults.add(RuleCheck.fail(HttpRule.FIELD_VALUE_CHARACTERS, String.format("value of %s holds 0x%02x%s",
                            line.substring(0, colon), (int) value.charAt(bad), where)));
                } else {
                    fields.add(new HeaderField(line.substring(0, colon), value));
                }
            }
        }
        if (bytes + 2 > LIMITS.maxHeadBytes()) {
            faults.add(RuleCheck.fail(HttpRule.HEADER_SECTION_LIMIT, "the head is " + (bytes + 2) + " bytes; a server here stops at "
                    + LIMITS.maxHeadBytes()));
        }
        if (fields.size() > LIMITS.maxFieldLines()) {
            faults.add(RuleCheck.fail(HttpRule.FIELD_COUNT_LIMIT, fields.size() + " field lines; a server here stops at "
                    + LIMITS.maxFieldLines()));
        }
        return new Headers(fields);
    }

    private static String trimOws(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }

    private static int firstControl(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7F) {
                return i;
            }
        }
        return -1;
    }

    /** At most 60 characters of {@code s}, controls escaped, for a detail. */
    static String shown(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length() && i < 60; i++) {
            char c = s.charAt(i);
            out.append(c < 0x20 || c == 0x7F || c > 0x7E ? String.format("\\x%02X", (int) c & 0xFF) : String.valueOf(c));
        }
        return s.length() > 60 ? out + "…" : out.toString();
    }
}
