package org.wslab.conformance.stomp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.codec.StompFrame;

/**
 * One play of a {@link StompScript}: the wire, the case's deadline, the frames captured so far by
 * name, and destinations of its own (a fresh {@code /topic/…} and {@code /queue/…} per play, so
 * cases run in parallel never see each other's messages).
 *
 * <p>Templates: a frame is written as its STOMP text, with {@code {topic}}, {@code {topic2}},
 * {@code {queue}} and {@code {host}} replaced, and {@code {header:name}} replaced by that header of
 * the frame captured as {@code name} — escaped for the wire under the negotiated version
 * (STOMP 1.2 "Value Encoding") when it goes into a frame, as decoded when it is an expected value.
 */
final class StompRun {
    private static final Pattern TOKEN = Pattern.compile("\\{([a-z0-9-]+)(?::([a-z0-9]+))?}");
    private static final SecureRandom IDS = new SecureRandom();

    final StompWire wire;
    final long deadlineNanos;
    /** The sub-protocol the server chose in its opening handshake (RFC 6455 §4.2.2), or null. */
    String subprotocol;
    /** When the case last sent something ({@link System#nanoTime()}): the start of a heart-beat window. */
    long lastSentNanos = System.nanoTime();
    /** What the server did, step by step, for the finding. */
    final List<String> seen = new ArrayList<>();
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, StompFrame> captured = new HashMap<>();

    StompRun(StompWire wire, String host, long deadlineNanos) {
        this.wire = wire;
        this.deadlineNanos = deadlineNanos;
        String id = HexFormat.of().formatHex(seed());
        names.put("topic", "/topic/wslab-check-" + id);
        names.put("topic2", "/topic/wslab-check-" + id + "-2");
        names.put("queue", "/queue/wslab-check-" + id);
        names.put("host", host);
    }

    private static byte[] seed() {
        byte[] b = new byte[6];
        IDS.nextBytes(b);
        return b;
    }

    /** Keeps {@code frame} as {@code name} (and as {@code last}). */
    void capture(String name, StompFrame frame) {
        if (name != null) {
            captured.put(name, frame);
        }
        captured.put("last", frame);
    }

    /** The frame captured as {@code name}, or null. */
    StompFrame captured(String name) {
        return captured.get(name);
    }

    /** {@code template} with its tokens as decoded values (for comparing with what the server sent). */
    String value(String template) {
        return expand(template, false);
    }

    /** {@code template} as octets to send, captured values escaped under the negotiated version. */
    byte[] wire(String template) {
        return expand(template, true).getBytes(StandardCharsets.UTF_8);
    }

    /** Sends each template as one WebSocket message. */
    void send(List<String> templates) throws IOException {
        wire.send(templates.stream().map(this::wire).toList());
        lastSentNanos = System.nanoTime();
    }

    /** The next server event before the case's deadline. */
    StompEvent next() throws IOException {
        return wire.next(deadlineNanos);
    }

    /** The next server event before {@code deadline} (never after the case's own). */
    StompEvent next(long deadline) throws IOException {
        return wire.next(Math.min(deadline, deadlineNanos));
    }

    private String expand(String template, boolean escape) {
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v;
            if (m.group(2) == null) {
                v = names.get(m.group(1));
                if (v == null) {
                    throw new IllegalArgumentException("no such template name {" + m.group(1) + "} in " + template);
                }
            } else {
                StompFrame f = captured.get(m.group(2));
                v = f == null ? "(nothing captured as " + m.group(2) + ")" : f.header(m.group(1), "(no " + m.group(1) + " header)");
                v = escape ? escape(v, wire.version()) : v;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A header value as written under {@code version} (STOMP 1.2 "Value Encoding"; 1.0 has no escapes). */
    static String escape(String value, StompVersion version) {
        if (!version.escapes()) {
            return value;
        }
        StringBuilder b = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case ':' -> b.append("\\c");
                case '\r' -> b.append(version == StompVersion.V1_2 ? "\\r" : "\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
