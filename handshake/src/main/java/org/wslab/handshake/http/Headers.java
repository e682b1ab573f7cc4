package org.wslab.handshake.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The field lines of a head in wire order (RFC 9110 §5). Names are matched ignoring case;
 * repeated fields are combined as one list in order (RFC 9110 §5.3), and comma-separated lists
 * are split with optional whitespace and empty elements dropped (RFC 9110 §5.6.1).
 *
 * <p>{@link #tokens} splits on every comma; use {@code ExtensionHeader} for
 * {@code Sec-WebSocket-Extensions}, whose quoted strings may hold commas (RFC 6455 §9.1).
 *
 * @param fields field lines in the order they were written
 */
public record Headers(List<HeaderField> fields) {
    public Headers {
        fields = List.copyOf(Objects.requireNonNull(fields, "fields"));
    }

    /** No fields. */
    public static Headers empty() {
        return new Headers(List.of());
    }

    /** Fields from alternating names and values: {@code of("Host", "a", "Upgrade", "websocket")}. */
    public static Headers of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        List<HeaderField> list = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            list.add(new HeaderField(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new Headers(list);
    }

    /** These fields plus one more at the end. */
    public Headers with(String name, String value) {
        List<HeaderField> list = new ArrayList<>(fields);
        list.add(new HeaderField(name, value));
        return new Headers(list);
    }

    /** These fields without any named {@code name}. */
    public Headers without(String name) {
        List<HeaderField> list = new ArrayList<>();
        for (HeaderField f : fields) {
            if (!f.is(name)) {
                list.add(f);
            }
        }
        return new Headers(list);
    }

    /** How many field lines carry this name. */
    public int count(String name) {
        int n = 0;
        for (HeaderField f : fields) {
            if (f.is(name)) {
                n++;
            }
        }
        return n;
    }

    /** Whether at least one field line carries this name. */
    public boolean has(String name) {
        return count(name) > 0;
    }

    /** The value of the first field with this name. */
    public Optional<String> first(String name) {
        for (HeaderField f : fields) {
            if (f.is(name)) {
                return Optional.of(f.value());
            }
        }
        return Optional.empty();
    }

    /** The values of every field with this name, in order. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (HeaderField f : fields) {
            if (f.is(name)) {
                values.add(f.value());
            }
        }
        return values;
    }

    /**
     * The comma-separated list elements of every field with this name, in order, trimmed of OWS,
     * empty elements dropped (RFC 9110 §5.6.1): {@code "a, b"} and {@code "c"} give {@code [a, b, c]}.
     */
    public List<String> tokens(String name) {
        List<String> out = new ArrayList<>();
        for (String value : all(name)) {
            for (String element : value.split(",", -1)) {
                String trimmed = HttpChars.trimOws(element);
                if (!trimmed.isEmpty()) {
                    out.add(trimmed);
                }
            }
        }
        return out;
    }

    /** Whether the list in {@code name} holds {@code token}, ignoring ASCII case (e.g. Connection: Upgrade). */
    public boolean hasToken(String name, String token) {
        String wanted = token.toLowerCase(Locale.ROOT);
        for (String t : tokens(name)) {
            if (t.toLowerCase(Locale.ROOT).equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
