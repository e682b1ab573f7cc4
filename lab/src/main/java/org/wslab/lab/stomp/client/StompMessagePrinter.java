package org.wslab.lab.stomp.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompHeader;

/**
 * How {@code wslab stomp subscribe} prints a frame it received (a MESSAGE, or the ERROR that ended
 * the session): as text, the command line, every header in order (repeats kept, STOMP 1.2
 * "Repeated Header Entries"), a blank line and the body — after a {@code --- DEST} line when the run
 * subscribed to several destinations; with {@code --json}, one JSON object per line:
 * {@code {"event":"message","destination":…,"command":…,"headers":[{"name":…,"value":…}…],"body":…,"bodyBase64":null}}
 * ({@code bodyBase64} instead of {@code body} when the body is not UTF-8).
 */
public final class StompMessagePrinter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PrintWriter out;
    private final boolean json;
    private final boolean labelled;

    /** A printer to {@code out}, as text or as JSON lines; {@code labelled}: name the destination above each text message. */
    public StompMessagePrinter(PrintWriter out, boolean json, boolean labelled) {
        this.out = out;
        this.json = json;
        this.labelled = labelled;
    }

    /** Prints {@code frame}, a MESSAGE of the subscription to {@code destination}. */
    public void print(String destination, StompFrame frame) {
        if (json) {
            out.println(write(event("message", frame).put("destination", destination)));
        } else {
            if (labelled) {
                out.println("--- " + destination);
            }
            out.print(text(frame));
        }
        out.flush();
    }

    /** An ERROR frame as one JSON event line: {@code {"event":"error","destination":null,"command":"ERROR",…}}. */
    public static String errorEvent(StompFrame frame) {
        return write(event("error", frame).putNull("destination"));
    }

    /** The frame as text: command, headers, blank line, body (or a note for a binary one). */
    public static String text(StompFrame frame) {
        StringBuilder sb = new StringBuilder(64 + frame.body().length).append(frame.command().name()).append('\n');
        for (StompHeader h : frame.headers()) {
            sb.append(h.name()).append(':').append(h.value()).append('\n');
        }
        sb.append('\n');
        String body = utf8(frame.body());
        if (body == null) {
            sb.append("(binary body, ").append(frame.body().length).append(" octets, not UTF-8; --json shows it in base64)\n");
        } else if (!body.isEmpty()) {
            sb.append(body).append(body.endsWith("\n") ? "" : "\n");
        }
        return sb.toString();
    }

    private static ObjectNode event(String event, StompFrame frame) {
        ObjectNode o = MAPPER.createObjectNode().put("event", event).put("command", frame.command().name());
        ArrayNode headers = o.putArray("headers");
        for (StompHeader h : frame.headers()) {
            headers.addObject().put("name", h.name()).put("value", h.value());
        }
        String body = utf8(frame.body());
        o.put("body", body);
        o.put("bodyBase64", body == null ? Base64.getEncoder().encodeToString(frame.body()) : null);
        return o;
    }

    private static String write(ObjectNode o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
