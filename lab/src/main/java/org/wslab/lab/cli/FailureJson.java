package org.wslab.lab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import org.wslab.handshake.spec.SpecRule;
import org.wslab.lab.report.JsonReport;

/**
 * The one JSON object a command prints on stdout with {@code --json} when it exits 2
 * ({@code schemas/failure.schema.json}): the command, its URL or file, the failure's kind and rule,
 * the line also printed on stderr, and the exit code.
 */
final class FailureJson {
    private FailureJson() {}

    /** What the command was pointed at: {@code url} or {@code file}, and the argument. */
    record Target(String key, String value) {}

    static void print(PrintWriter out, String command, Target target, String kind, SpecRule rule, String line) {
        ObjectNode root = JsonReport.object();
        root.put("command", command);
        if (target == null) {
            root.putNull("url");
        } else {
            root.put(target.key(), target.value());
        }
        ObjectNode failure = root.putObject("failure");
        failure.put("kind", kind);
        failure.put("rule", rule == null ? null : rule.name());
        failure.put("section", rule == null ? null : rule.section());
        failure.put("line", line);
        root.put("exitCode", ExitCode.USAGE_OR_CONNECTION);
        out.println(JsonReport.text(root));
        out.flush();
    }
}
