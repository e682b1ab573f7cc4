package org.wslab.lab.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.wslab.handshake.explain.HeaderAnnotation;
import org.wslab.handshake.spec.RuleCheck;

/**
 * The {@code --json} form of a handshake report (Jackson tree, pretty-printed): the same facts as
 * {@link TextReport}, with stable keys for scripts.
 *
 * <pre>{@code
 * { "request":  { "lines": [ { "line", "name", "value", "role", "section", "note", "outcome" } ] },
 *   "response": { ... } | null,
 *   "checks":   [ { "rule", "section", "statement", "outcome", "detail" } ],
 *   ...command-specific keys ("verdict", "exitCode", ...) }
 * }</pre>
 * Outcomes are lower case: {@code pass}, {@code fail}, {@code info}; a line no rule judges has
 * {@code "outcome": null}.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {}

    /** A new empty object. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A head's lines with their annotations and verdicts. */
    public static ObjectNode head(List<HeadLine> lines, List<HeaderAnnotation> notes, List<RuleCheck> checks,
                                  boolean request) {
        ObjectNode head = object();
        ArrayNode array = head.putArray("lines");
        for (HeadLine line : lines) {
            ObjectNode l = array.addObject();
            l.put("line", line.raw());
            if (line.field().isPresent()) {
                var f = line.field().get();
                l.put("name", f.name());
                l.put("value", f.value());
                notes.stream().filter(a -> a.field().equals(f)).findFirst().ifPresent(a -> {
                    l.put("role", a.role().name().toLowerCase(Locale.ROOT));
                    l.put("section", a.section());
                    l.put("note", a.note());
                });
            } else {
                l.put("role", request ? "request-line" : "status-line");
            }
            var outcome = RuleSide.lineOutcome(checks, request, line.field());
            if (outcome.isPresent()) {
                l.put("outcome", outcome.get().name().toLowerCase(Locale.ROOT));
            } else {
                l.putNull("outcome");
            }
        }
        return head;
    }

    /** Every check, in order. */
    public static ArrayNode checks(List<RuleCheck> checks) {
        ArrayNode array = MAPPER.createArrayNode();
        for (RuleCheck c : checks) {
            array.add(check(c));
        }
        return array;
    }

    /**
     * Every rule checked, in order, as the {@code "rules"} array of the lab's JSON conventions: like
     * {@link #checks} plus {@code "side"} ({@code request|response|both}) where {@code side} names one,
     * and a {@code "detail"} of {@code null} when there is nothing to add.
     */
    public static ArrayNode rules(List<RuleCheck> checks, Function<RuleCheck, Optional<String>> side) {
        ArrayNode array = MAPPER.createArrayNode();
        for (RuleCheck c : checks) {
            ObjectNode o = check(c);
            if (c.detail().isEmpty()) {
                o.putNull("detail");
            }
            side.apply(c).ifPresent(s -> o.put("side", s));
            array.add(o);
        }
        return array;
    }

    /** The shared {@code "verdict"} object: passed, and the first failed rule's name, section and detail (null when passed). */
    public static ObjectNode verdict(List<RuleCheck> checks) {
        ObjectNode v = object();
        Optional<RuleCheck> first = checks.stream().filter(RuleCheck::failed).findFirst();
        v.put("passed", first.isEmpty());
        v.put("rule", first.map(c -> c.rule().name()).orElse(null));
        v.put("section", first.map(c -> c.rule().section()).orElse(null));
        v.put("detail", first.map(RuleCheck::detail).orElse(null));
        return v;
    }

    /** {@code head} (from {@link #head}) with each empty {@code "section"} (a field no RFC defines) written as {@code null}. */
    public static ObjectNode sectionsAsNull(ObjectNode head) {
        for (var line : head.path("lines")) {
            if (line instanceof ObjectNode l && l.path("section").asText("x").isEmpty()) {
                l.putNull("section");
            }
        }
        return head;
    }

    /** One check. */
    public static ObjectNode check(RuleCheck c) {
        ObjectNode o = object();
        o.put("rule", c.rule().name());
        o.put("section", c.rule().section());
        o.put("statement", c.rule().statement());
        o.put("outcome", c.outcome().name().toLowerCase(Locale.ROOT));
        o.put("detail", c.detail());
        return o;
    }

    /** The tree as pretty-printed JSON text. */
    public static String text(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a Jackson tree always serialises", e);
        }
    }
}
