package org.wslab.handshake.explain;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.wslab.handshake.spec.RuleCheck;

/**
 * A handshake copied from a browser's developer tools rather than from the wire: Chrome's and
 * Firefox's header panes ("Request URL: …", "Request Method: GET", "Status Code: 101 Switching
 * Protocols", "Response Headers" / "Request Headers" headings, then {@code name: value} lines, often
 * lower-case, RFC 9110 §5.1), and their HTTP/2-style pseudo-header fields ({@code :method},
 * {@code :path}, {@code :authority}, {@code :status}, RFC 9113 §8.3). The request line, Host and
 * status line are rebuilt from them into HTTP/1.1 heads (RFC 6455 §4.1) and a note says so.
 */
final class DevToolsCopy {
    private static final Pattern HEADING = Pattern.compile("(?i)(general|request headers|response headers)\\b.*");
    private static final Set<String> GENERAL = Set.of("request url", "request method", "status code", "status", "version",
            "remote address", "referrer policy", "transferred", "request priority", "scheme", "filename", "address");
    private static final Set<String> NOISE = Set.of("raw", "view source", "view parsed", "provisional headers are shown",
            "learn more", "headers", "filter headers");
    private static final Pattern FIELD_START = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+:( .*)?");

    private DevToolsCopy() {}

    /**
     * Whether {@code lines} look like a DevTools copy: a heading, a General-pane key or a pseudo-header
     * field anywhere, or only {@code name: value} lines that include a Sec-WebSocket-Key or -Accept.
     */
    static boolean recognises(List<String> lines) {
        boolean onlyFields = true;
        boolean websocket = false;
        for (String line : lines) {
            String l = line.strip();
            onlyFields &= l.isEmpty() || FIELD_START.matcher(l).matches();
            websocket |= name(l).equals("sec-websocket-key") || name(l).equals("sec-websocket-accept");
        }
        if (onlyFields && websocket) {
            return true;
        }
        for (String line : lines) {
            String l = line.strip();
            if (HEADING.matcher(l).matches() || l.startsWith(":") && l.indexOf(':', 1) > 1
                    || GENERAL.contains(name(l)) && !name(l).equals("status") && !name(l).equals("version")) {
                return true;
            }
        }
        return false;
    }

    /** The rebuilt transcript, or why the copy holds no handshake. */
    static Transcript.Reading read(List<String> lines) {
        Map<String, String> general = new LinkedHashMap<>();
        List<String[]> request = new ArrayList<>();
        List<String[]> response = new ArrayList<>();
        List<List<String[]>> loose = new ArrayList<>();
        List<String[]> section = null;
        boolean pseudo = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty()) {
                if (section != null && section != request && section != response) {
                    section = null; // a blank line ends a loose group
                }
                continue;
            }
            if (HEADING.matcher(l).matches()) {
                String h = l.toLowerCase(Locale.ROOT);
                section = h.startsWith("request") ? request : h.startsWith("response") ? response : null;
                continue;
            }
            if (NOISE.contains(l.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (Transcript.isRequestLine(l) || Transcript.isStatusLine(l)) {
                boolean isRequest = Transcript.isRequestLine(l);
                general.put(isRequest ? "request line" : "status line", l); // a pane's raw ("view source") head
                section = isRequest ? request : response;
                continue;
            }
            String[] field = split(l);
            if (field[1].isEmpty() && i + 1 < lines.size() && !lines.get(i + 1).isBlank()
                    && !startsField(lines.get(i + 1).strip())) {
                field[1] = lines.get(++i).strip(); // Chrome's copy of a selection: the name, then the value on the next line
            }
            String key = field[0].toLowerCase(Locale.ROOT);
            if (section != request && section != response && GENERAL.contains(key)) {
                general.put(key, field[1]);
                continue;
            }
            pseudo |= key.startsWith(":");
            if (section == null) {
                section = new ArrayList<>();
                loose.add(section);
            }
            section.add(field);
        }
        for (List<String[]> group : loose) {
            boolean isResponse = group.stream().anyMatch(f -> f[0].equalsIgnoreCase(":status")
                    || f[0].equalsIgnoreCase("sec-websocket-accept"));
            (isResponse ? response : request).addAll(group);
        }
        return rebuild(general, request, response, pseudo);
    }

    private static Transcript.Reading rebuild(Map<String, String> general, List<String[]> request, List<String[]> response,
                                              boolean pseudo) {
        String url = general.get("request url");
        String method = first(request, ":method", general.get("request method"));
        String target = first(request, ":path", url == null ? null : resourceName(url));
        String authority = first(request, ":authority", url == null ? null : authority(url));
        String status = first(response, ":status", general.getOrDefault("status code", general.get("status")));
        if (general.containsKey("request line") && general.containsKey("status line")) {
            return new Transcript.Reading.Split(Transcript.of(raw(general.get("request line"), request),
                    raw(general.get("status line"), response)), List.of(RuleCheck.info(TranscriptRule.DEVTOOLS_COPY,
                    "read as a browser DevTools copy of the raw heads (\"view source\"), in the panes' order; "
                    + "its headings and General lines are no part of either head")));
        }
        if (request.isEmpty() && method == null) {
            return new Transcript.Reading.Invalid("it reads as a browser DevTools copy but holds no request headers");
        }
        if (status == null) {
            return new Transcript.Reading.Invalid("it reads as a browser DevTools copy but holds no status code "
                    + "(\"Status Code: 101 Switching Protocols\" or :status)");
        }
        List<String> rebuilt = new ArrayList<>();
        StringBuilder note = new StringBuilder("read as a browser DevTools copy");
        note.append(pseudo ? " with HTTP/2-style pseudo-header fields (RFC 9113 §8.3)" : " (\"name: value\" lines)");
        note.append(": the request line ");
        String version = general.getOrDefault("version", "HTTP/1.1").matches("HTTP/1\\.\\d") ? general.getOrDefault("version", "HTTP/1.1") : "HTTP/1.1";
        String line = (method == null ? "GET" : method) + " " + (target == null ? "/" : target) + " " + version;
        rebuilt.add(line);
        note.append('"').append(line).append('"');
        if (method == null) {
            note.append(" (no method in the copy: taken as GET, the method a browser's WebSocket sends)");
        }
        if (target == null) {
            note.append(" (no URL or :path in the copy: taken as /)");
        }
        boolean hasHost = request.stream().anyMatch(f -> f[0].equalsIgnoreCase("host"));
        if (!hasHost && authority != null) {
            rebuilt.add("Host: " + authority);
            note.append(", Host: ").append(authority).append(" from ").append(url != null && first(request, ":authority", null) == null
                    ? "the Request URL" : ":authority");
        }
        request.stream().filter(f -> !f[0].startsWith(":")).forEach(f -> rebuilt.add(f[0] + ": " + f[1]));
        List<String> answer = new ArrayList<>();
        answer.add(version + " " + status);
        note.append(" and the status line \"").append(version).append(' ').append(status).append('"');
        response.stream().filter(f -> !f[0].startsWith(":")).forEach(f -> answer.add(f[0] + ": " + f[1]));
        note.append(" were rebuilt; field names in any case are the same fields (RFC 9110 §5.1)");
        if (pseudo && "CONNECT".equalsIgnoreCase(method)) {
            note.append("; a CONNECT with :protocol is WebSocket over HTTP/2 (RFC 8441), which RFC 6455 §4 does not cover");
        }
        return new Transcript.Reading.Split(Transcript.of(rebuilt, answer),
                List.of(RuleCheck.info(TranscriptRule.DEVTOOLS_COPY, note.toString())));
    }

    private static boolean startsField(String line) {
        return FIELD_START.matcher(line).matches() || line.startsWith(":") || HEADING.matcher(line).matches();
    }

    /** A raw head: its start line as copied, then its fields. */
    private static List<String> raw(String startLine, List<String[]> fields) {
        List<String> lines = new ArrayList<>();
        lines.add(startLine);
        fields.forEach(f -> lines.add(f[0] + ": " + f[1]));
        return lines;
    }

    /** {@code name: value} split at the first colon after the name (a pseudo-header's own colon kept). */
    private static String[] split(String line) {
        int colon = line.indexOf(':', line.startsWith(":") ? 1 : 0);
        return colon < 0 ? new String[] {line, ""} : new String[] {line.substring(0, colon).strip(), line.substring(colon + 1).strip()};
    }

    private static String name(String line) {
        return split(line)[0].toLowerCase(Locale.ROOT);
    }

    private static String first(List<String[]> fields, String name, String otherwise) {
        return fields.stream().filter(f -> f[0].equalsIgnoreCase(name)).map(f -> f[1]).findFirst().orElse(otherwise);
    }

    private static String resourceName(String url) {
        try {
            URI u = new URI(url);
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return u.getRawQuery() == null ? path : path + "?" + u.getRawQuery();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String authority(String url) {
        try {
            return new URI(url).getRawAuthority();
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
