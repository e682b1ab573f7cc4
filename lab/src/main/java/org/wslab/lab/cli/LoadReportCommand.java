package org.wslab.lab.cli;

import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wslab.lab.load.HtmlReport;
import org.wslab.lab.load.LoadReport;
import org.wslab.lab.load.LogMerge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wslab load report a.hlog b.hlog …}: merges HdrHistogram interval logs written by
 * {@code load --hdr-log} — by one process or by several at once, on one machine or many — into one
 * report ({@link LogMerge}): the percentiles and the throughput over time summed over the logs;
 * {@code --json} as one object, {@code --html DIR} as a page with the charts.
 */
@Command(name = "report", header = "Merge HdrHistogram interval logs of load runs into one report.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  the logs were read and merged", "  2  a log is missing or unreadable: one line on stderr"})
final class LoadReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "LOG", description = "Interval logs (load --hdr-log FILE).")
    List<Path> logs = new ArrayList<>();

    @Option(names = "--json", description = "Print the merged report as one JSON object.")
    boolean json;

    @Option(names = "--html", paramLabel = "DIR", description = "Write DIR/index.html with a latency and a throughput chart.")
    Path html;

    @Override
    public Integer call() throws Exception {
        for (Path log : logs) {
            if (!Files.isRegularFile(log)) {
                throw new NoSuchFileException(log.toString());
            }
        }
        LogMerge.Merged m = LogMerge.merge(logs);
        List<String> names = logs.stream().map(Path::toString).toList();
        PrintWriter out = spec.commandLine().getOut();
        List<String> lines = List.of(
                String.format(java.util.Locale.ROOT, "%d logs, %d intervals: %d echoes over %.1f s, %.1f a second",
                        m.logs(), m.latency().each().size(), m.latency().total().getTotalCount(), m.latency().seconds(),
                        m.latency().perSecond()),
                "latency from intended send, ms: " + LoadReport.percentiles(m.latency().total()),
                "handshake, ms: " + LoadReport.percentiles(m.handshakes()));
        if (json) {
            out.println(LoadJson.merged(names, m).toPrettyString());
        } else {
            lines.forEach(out::println);
        }
        if (html != null) {
            spec.commandLine().getErr().println("wslab load report: wrote "
                    + HtmlReport.write(html, "wslab load report " + String.join(" ", names), lines, m.latency(),
                            m.handshakes()));
        }
        out.flush();
        return ExitCode.OK;
    }
}
