package org.wslab.conformance.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.RunSummary;
import org.wslab.conformance.Verdict;

/**
 * A run as {@code results.json} (a Jackson tree, pretty-printed), with stable camelCase keys:
 *
 * <pre>{@code
 * { "target": "ws://…", "elapsedMillis": 4210, "passed": true,
 *   "counts": { "OK": 102, "NON_STRICT": 0, "INFORMATIONAL": 3, "UNIMPLEMENTED": 0, "FAILED": 0 },
 *   "cases": [ { "id": "framing.1.1.1", "category": "framing", "title": "…", "verdict": "OK", "judged": "OK",
 *                "rule": "…", "section": "RFC 6455 §5.2", "strictness": "MUST", "sends": "…",
 *                "expected": "…", "observed": "…", "durationMillis": 3.2 } ] }
 * }</pre>
 */
public final class JsonResults {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonResults() {}

    /** The run as a JSON tree. */
    public static ObjectNode tree(RunSummary run) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("target", run.target().toString());
        root.put("elapsedMillis", run.elapsed().toMillis());
        root.put("passed", run.passed());
        ObjectNode counts = root.putObject("counts");
        for (var e : run.counts().entrySet()) {
            counts.put(e.getKey().name(), e.getValue());
        }
        ArrayNode cases = root.putArray("cases");
        for (CaseResult r : run.results()) {
            ConformanceCase c = r.conformanceCase();
            ObjectNode o = cases.addObject();
            o.put("id", c.id().value());
            o.put("category", c.category());
            o.put("title", c.title());
            o.put("verdict", r.verdict().name());
            o.put("judged", r.judged().name());
            o.put("rule", c.rule().statement());
            o.put("section", c.rule().section());
            o.put("strictness", c.strictness().name());
            o.put("sends", c.sends());
            o.put("expected", r.expected());
            o.put("observed", r.observed());
            o.put("durationMillis", r.duration().toNanos() / 1e6);
        }
        return root;
    }

    /** The run as pretty-printed JSON text. */
    public static String text(RunSummary run) {
        try {
            return MAPPER.writeValueAsString(tree(run));
        } catch (IOException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /** Writes the run to {@code file} (UTF-8). */
    public static void write(RunSummary run, Path file) throws IOException {
        Files.writeString(file, text(run));
    }
}
