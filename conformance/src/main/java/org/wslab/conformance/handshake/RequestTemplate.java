package org.wslab.conformance.handshake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.wslab.handshake.WebSocketUri;

/**
 * An opening-handshake request as a case writes it (RFC 6455 §4.1): a start line and field lines,
 * filled with the target's authority and resource name when played, then edited field by field —
 * replaced, removed, repeated — so that a case can break exactly one rule of §4.2.1. Field lines are
 * written as given (any spacing, any case, any value), never normalised, so the server sees the
 * departure itself. {@code {path}} in the start line and {@code {host}} in a value are filled in.
 *
 * @param startLine the request line, e.g. {@code GET {path} HTTP/1.1}
 * @param fields    the field lines in order
 * @param after     bytes written right after the head's empty line (a body, or frames), usually none
 * @param raw       when not null, the whole request instead of a head (garbage, for instance)
 */
public record RequestTemplate(String startLine, List<Line> fields, byte[] after, String raw) {
    /** The key of RFC 6455 §1.3, whose accept value is {@code s3pPLMBiTxaQ9kYGzzhZRbK+xOo=}. */
    public static final String SAMPLE_KEY = "dGhlIHNhbXBsZSBub25jZQ==";

    /**
     * One field line as written: {@code name + ":" + " " + value}.
     *
     * @param name  the field name, as sent (any case)
     * @param value the value, as sent (surrounding whitespace kept)
     */
    public record Line(String name, String value) {
        public Line {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        /** Whether this line's name is {@code other}, ignoring ASCII case (RFC 9110 §5.1). */
        boolean is(String other) {
            return name.equalsIgnoreCase(other);
        }
    }

    public RequestTemplate {
        Objects.requireNonNull(startLine, "startLine");
        fields = List.copyOf(fields);
        after = after.clone();
    }

    /**
     * The request a conforming client sends (§4.1): {@code GET}, HTTP/1.1, Host, {@code Upgrade: websocket},
     * {@code Connection: Upgrade}, the sample key of §1.3 and {@code Sec-WebSocket-Version: 13}.
     */
    public static RequestTemplate standard() {
        return new RequestTemplate("GET {path} HTTP/1.1", List.of(
                new Line("Host", "{host}"),
                new Line("Upgrade", "websocket"),
                new Line("Connection", "Upgrade"),
                new Line("Sec-WebSocket-Key", SAMPLE_KEY),
                new Line("Sec-WebSocket-Version", "13")), new byte[0], null);
    }

    /** Bytes that are no HTTP request at all, written as given. */
    public static RequestTemplate raw(String text) {
        return new RequestTemplate("", List.of(), new byte[0], text);
    }

    /** This request with another start line. */
    public RequestTemplate startLine(String line) {
        return new RequestTemplate(line, fields, after, raw);
    }

    /** This request with every {@code name} line replaced by one {@code name: value} where the first was (or added at the end). */
    public RequestTemplate with(String name, String value) {
        List<Line> out = new ArrayList<>();
        boolean placed = false;
        for (Line l : fields) {
            if (!l.is(name)) {
                out.add(l);
            } else if (!placed) {
                out.add(new Line(l.name(), value));
                placed = true;
            }
        }
        if (!placed) {
            out.add(new Line(name, value));
        }
        return new RequestTemplate(startLine, out, after, raw);
    }

    /** This request with another {@code name: value} line added at the end (a repeated field, if one is there). */
    public RequestTemplate plus(String name, String value) {
        List<Line> out = new ArrayList<>(fields);
        out.add(new Line(name, value));
        return new RequestTemplate(startLine, out, after, raw);
    }

    /** This request without any {@code name} line. */
    public RequestTemplate without(String name) {
        return new RequestTemplate(startLine, fields.stream().filter(l -> !l.is(name)).toList(), after, raw);
    }

    /** This request with {@code bytes} written right after its head. */
    public RequestTemplate followedBy(byte[] bytes) {
        return new RequestTemplate(startLine, fields, bytes, raw);
    }

    /** The values of every {@code name} line, in order, as written. */
    public List<String> values(String name) {
        return fields.stream().filter(l -> l.is(name)).map(Line::value).toList();
    }

    /** The request as bytes for {@code target}, one byte per char (ISO-8859-1). */
    public byte[] bytes(WebSocketUri target) {
        if (raw != null) {
            return raw.getBytes(StandardCharsets.ISO_8859_1);
        }
        StringBuilder b = new StringBuilder(startLine.replace("{path}", target.resourceName())
                .replace("{host}", target.hostHeader())).append("\r\n");
        for (Line l : fields) {
            b.append(l.name()).append(": ").append(l.value().replace("{host}", target.hostHeader())).append("\r\n");
        }
        byte[] head = b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(head, head.length + after.length);
        System.arraycopy(after, 0, all, head.length, after.length);
        return all;
    }
}
