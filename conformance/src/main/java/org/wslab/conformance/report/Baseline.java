package org.wslab.conformance.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wslab.conformance.CaseResult;
import org.wslab.conformance.RunSummary;
import org.wslab.conformance.Verdict;

/**
 * The verdicts of an earlier run, read from its {@code results.json} ({@link JsonResults}), so a CI
 * job can fail only on what changed: a case whose verdict differs from the baseline, or a case the
 * baseline does not know that FAILED. A server with known departures then passes until one is
 * fixed (update the baseline) or a new one appears.
 */
public final class Baseline {
    /** One case whose verdict is not the baseline's; {@code before} empty for a case new to the baseline. */
    public record Change(String id, Optional<Verdict> before, Verdict after) {
        /** {@code close.7.1.1: OK → FAILED}. */
        public String line() {
            return id + ": " + before.map(Verdict::name).orElse("(not in the baseline)") + " → " + after;
        }
    }

    private final Map<String, Verdict> verdicts;

    private Baseline(Map<String, Verdict> verdicts) {
        this.verdicts = verdicts;
    }

    /** Reads {@code file}; an unreadable one is an {@link IOException} saying what is wrong with it. */
    public static Baseline read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + " is not JSON (line " + e.getLocation().getLineNr() + ")");
        }
        JsonNode cases = root == null ? null : root.get("cases");
        if (cases == null || !cases.isArray()) {
            throw new IOException(file + " has no \"cases\" array: not a results.json of wslab check");
        }
        Map<String, Verdict> m = new LinkedHashMap<>();
        for (JsonNode c : cases) {
            JsonNode id = c.get("id");
            JsonNode verdict = c.get("verdict");
            if (id == null || verdict == null || !id.isTextual() || !verdict.isTextual()) {
                throw new IOException(file + ": a case without a textual \"id\" and \"verdict\"");
            }
            try {
                m.put(id.asText(), Verdict.valueOf(verdict.asText()));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": " + id.asText() + " has an unknown verdict " + verdict.asText());
            }
        }
        return new Baseline(m);
    }

    /** How many cases the baseline holds. */
    public int size() {
        return verdicts.size();
    }

    /** The cases of {@code run} whose verdict changed, and new cases that FAILED, in case order. */
    public List<Change> changes(RunSummary run) {
        List<Change> out = new ArrayList<>();
        for (CaseResult r : run.results()) {
            Verdict before = verdicts.get(r.id().value());
            if (before == null ? r.verdict() == Verdict.FAILED : before != r.verdict()) {
                out.add(new Change(r.id().value(), Optional.ofNullable(before), r.verdict()));
            }
        }
        return out;
    }
}
