package org.wslab.lab.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates the lab's {@code --json} output against the JSON Schema (2020-12) of its command, read
 * from the jar's {@code schemas/} folder ({@code lab/src/main/resources/schemas/<name>.schema.json}),
 * with networknt's validator; {@code common.schema.json} holds the shared definitions the others
 * {@code $ref}.
 */
public final class JsonSchemas {
    /** Where the schemas say they live; mapped onto the class path. */
    public static final String BASE = "https://wslab.dev/schemas/";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaIdResolvers(r -> r.mapPrefix(BASE, "classpath:schemas/")));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private JsonSchemas() {}

    /** The schema {@code schemas/<name>.schema.json}. */
    public static Schema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            Schema s = REGISTRY.getSchema(SchemaLocation.of(BASE + n + ".schema.json"));
            assertNotNull(s, "no schema " + n);
            return s;
        });
    }

    /** The problems of {@code json} (one document) under schema {@code name}; empty when valid. */
    public static List<String> problems(String name, String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        List<String> out = new ArrayList<>();
        for (Error e : schema(name).validate(node)) {
            out.add(e.toString());
        }
        return out;
    }

    /** Fails unless {@code json} (one document) is valid under schema {@code name}; returns it parsed. */
    public static JsonNode assertValid(String name, String json) {
        List<String> problems = problems(name, json);
        assertEquals(List.of(), problems, () -> "output of '" + name + "' breaks its schema:\n" + json);
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Each non-empty line of {@code jsonLines} valid under schema {@code name} (JSON Lines); returns them parsed. */
    public static List<JsonNode> assertValidLines(String name, String jsonLines) {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : jsonLines.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(assertValid(name, line));
            }
        }
        assertFalse(nodes.isEmpty(), "no JSON lines in the output of '" + name + "'");
        return nodes;
    }
}
