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

    static void print(PrintWriter out, String command, String url, String kind, SpecRule rule, String line) {
        ObjectNode root = JsonReport.object();
        root.put("command", command);
        root.put("url", url);
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
