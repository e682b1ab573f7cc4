package org.wslab.stomp.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A STOMP frame: command, ordered headers (repeats kept) and body octets (STOMP 1.2 "STOMP Frames").
 * When a header repeats, the first entry is the one that counts (STOMP 1.2 "Repeated Header
 * Entries"); {@link #header(String)} returns it, {@link #headers()} keeps all.
 *
 * @param command the command
 * @param headers headers in wire order, immutable
 * @param body    body octets, empty when there is none
 */
public record StompFrame(StompCommand command, List<StompHeader> headers, byte[] body) {
    private static final byte[] EMPTY = new byte[0];

    public StompFrame {
        if (command == null || headers == null) {
            throw new IllegalArgumentException("command and headers are required");
        }
        headers = List.copyOf(headers);
        body = body == null ? EMPTY : body;
    }

    /** A frame with headers given as name/value pairs and no body. */
    public static StompFrame of(StompCommand command, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("headers come in name/value pairs");
        }
        List<StompHeader> list = new ArrayList<>(namesAndValues.length / 2);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            list.add(new StompHeader(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new StompFrame(command, list, EMPTY);
    }

    /** The value of the first {@code name} header, or null (STOMP 1.2 "Repeated Header Entries"). */
    public String header(String name) {
        for (StompHeader h : headers) {
            if (h.name().equals(name)) {
                return h.value();
            }
        }
        return null;
    }

    /** The value of the first {@code name} header, or {@code fallback}. */
    public String header(String name, String fallback) {
        String v = header(name);
        return v == null ? fallback : v;
    }

    /** This frame with one more header appended. */
    public StompFrame withHeader(String name, String value) {
        List<StompHeader> list = new ArrayList<>(headers);
        list.add(new StompHeader(name, value));
        return new StompFrame(command, list, body);
    }

    /** This frame with every {@code name} header removed. */
    public StompFrame withoutHeader(String name) {
        List<StompHeader> list = new ArrayList<>(headers.size());
        for (StompHeader h : headers) {
            if (!h.name().equals(name)) {
                list.add(h);
            }
        }
        return new StompFrame(command, list, body);
    }

    /**
     * This frame with {@code body} and a {@code content-length} header giving its octet count
     * (STOMP 1.2 "Header content-length"), replacing any earlier one.
     */
    public StompFrame withBody(byte[] newBody) {
        StompFrame f = withoutHeader("content-length").withHeader("content-length", Integer.toString(newBody.length));
        return new StompFrame(command, f.headers, newBody.clone());
    }

    /** {@link #withBody(byte[])} with a UTF-8 text body. */
    public StompFrame withBody(String text) {
        return withBody(text.getBytes(StandardCharsets.UTF_8));
    }

    /** This frame with {@code body} and no {@code content-length}: NUL-terminated on the wire. */
    public StompFrame withBodyNoLength(byte[] newBody) {
        return new StompFrame(command, headers, newBody.clone());
    }

    /** The body decoded as UTF-8 (malformed input replaced). */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StompFrame f && command == f.command && headers.equals(f.headers)
                && Arrays.equals(body, f.body);
    }

    @Override
    public int hashCode() {
        return (command.hashCode() * 31 + headers.hashCode()) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(command.name());
        for (StompHeader h : headers) {
            sb.append(' ').append(h.name()).append(':').append(h.value());
        }
        return sb.append(" body[").append(body.length).append(']').toString();
    }
}
