package org.wslab.lab.server.jetty.notes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.List;
import org.wslab.lab.server.jetty.updates.Update;

/**
 * The notes' JSON (RFC 8259), the same both ways: a client posts {@code {"text":"…"}} (the body of
 * {@code POST /api/notes}, or one WebSocket text message), the server answers or pushes
 * {@code {"id":N,"text":"…"}}, and {@code GET /api/notes} lists them in an array.
 */
public final class NoteJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NoteJson() {}

    /** What a posted body says. */
    public sealed interface Posted {
        /** A note to publish. */
        record Text(String text) implements Posted {}

        /** Not a note: {@code rule} says why, for the 400 answer. */
        record Invalid(String rule) implements Posted {}
    }

    /** Reads a post: UTF-8, one JSON object with exactly one member, {@code "text"}, a string. */
    public static Posted parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new Posted.Invalid("the body is UTF-8 (RFC 8259 §8.1)");
        }
        return parse(text);
    }

    /** As {@link #parse(byte[])}, for text already decoded (a WebSocket text message). */
    public static Posted parse(String body) {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return new Posted.Invalid("the body is one JSON object, {\"text\":\"…\"}");
        }
        if (node == null || !node.isObject() || node.size() != 1 || !node.path("text").isTextual()) {
            return new Posted.Invalid("the body is one JSON object with one member, \"text\", a string");
        }
        return new Posted.Text(node.get("text").textValue());
    }

    /** One note: {@code {"id":N,"text":"…"}}. */
    public static String note(Update u) {
        return node(u).toString();
    }

    /** Notes as an array, oldest first. */
    public static String notes(List<Update> updates) {
        ArrayNode array = JSON.createArrayNode();
        updates.forEach(u -> array.add(node(u)));
        return array.toString();
    }

    /** An error object, {@code {"error":"…"}}. */
    public static String error(String rule) {
        return JSON.createObjectNode().put("error", rule).toString();
    }

    private static ObjectNode node(Update u) {
        return JSON.createObjectNode().put("id", u.seq()).put("text", u.data());
    }
}
