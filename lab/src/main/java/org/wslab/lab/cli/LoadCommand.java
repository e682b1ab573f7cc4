package org.wslab.lab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.HdrHistogram.HistogramLogWriter;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.load.HtmlReport;
import org.wslab.lab.load.LoadPlan;
import org.wslab.lab.load.LoadReport;
import org.wslab.lab.load.LoadRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wslab load URL --connections N --rate R --duration D --size S}: an open-loop load run
 * ({@link LoadRun}) against an echo endpoint (RFC 6455 §5.6), latency counted from each message's
 * intended send time (coordinated omission corrected), a progress line a second on stderr, the
 * report on stdout ({@code --json}: one object), an HdrHistogram interval log ({@code --hdr-log})
 * and a page with charts ({@code --html}); {@code load report} merges interval logs.
 */
@Command(name = "load", header = "Open-loop load with honest latency: N connections × R messages a second each.",
        description = {"Each connection sends a binary message of --size octets on its own schedule (R a second, the "
                + "connections spread over the first 1/R s and over --ramp) and checks every echo. Latency counts "
                + "from the INTENDED send time, so a server that stalls cannot hide its delay by holding the "
                + "client back; the round trip from the actual send (what a closed-loop tool reports) and the "
                + "opening handshakes are reported apart. The report says when the client itself fell behind."},
        subcommands = LoadReportCommand.class,
        footerHeading = "%nExit codes:%n",
        footer = {"  0  nothing lost, nothing different, no handshake refused, no connection failed",
            "  1  a message lost or different, a handshake refused or a connection failed: the counts say which",
            "  2  a bad option or URL, or not one connection opened: one line on stderr",
            "Streams: the report or --json on stdout, the progress lines on stderr."})
final class LoadCommand implements Callable<Integer> {
    /** What each connection does. */
    enum Mode { echo, stomp }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", description = "The echo endpoint, "
            + "ws://HOST:PORT/websocket/echo or wss://…; with --mode stomp a STOMP one, e.g. …/websocket/app.")
    String url;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "100", description = "Connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "1",
            description = "Messages a second PER CONNECTION (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--duration", paramLabel = "D", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long to send once every connection has started (default: ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--size", paramLabel = "S", defaultValue = "64", converter = SizeConverter.class,
            description = "Octets per message, at least 16 (default: ${DEFAULT-VALUE}).")
    long size;

    @Option(names = "--ramp", paramLabel = "D", converter = DurationConverter.class,
            description = "Open the connections evenly over this time (default: in batches of --batch, at once).")
    Duration ramp;

    @Option(names = "--batch", paramLabel = "B", defaultValue = "500",
            description = "Without --ramp, connections started before awaiting their handshakes (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--protocol", paramLabel = "P", split = ",",
            description = "Offer this sub-protocol (Sec-WebSocket-Protocol, RFC 6455 §4.1 (10)); repeatable.")
    List<String> protocols = new ArrayList<>();

    @Option(names = "--deflate", description = "Offer permessage-deflate (RFC 7692).")
    boolean deflate;

    @Option(names = "--mode", defaultValue = "echo", description = "echo (default) or stomp: CONNECT, SUBSCRIBE to "
            + "its own destination and SEND to it; latency from the SEND's intended time to the MESSAGE.")
    Mode mode;

    @Mixin
    LoadStompOptions stomp;

    @Option(names = "--drain", paramLabel = "D", defaultValue = "5s", converter = DurationConverter.class,
            description = "How long to wait for the last echoes; what is missing then is lost (default: ${DEFAULT-VALUE}).")
    Duration drain;

    @Option(names = "--window", paramLabel = "W", defaultValue = "0", description = "Messages a connection may have "
            + "outstanding; 0 = no limit (open loop, default), 1 = a closed loop, to see what it would hide.")
    int window;

    @Option(names = "--lag-threshold", paramLabel = "D", defaultValue = "10ms", converter = DurationConverter.class,
            description = "A send later than this against its schedule is the client lagging (default: ${DEFAULT-VALUE}).")
    Duration lagThreshold;

    @Mixin
    TlsOptions tls;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Option(names = "--hdr-log", paramLabel = "FILE", description = "Write an HdrHistogram interval log, one interval a second.")
    Path hdrLog;

    @Option(names = "--html", paramLabel = "DIR", description = "Write DIR/index.html with a latency and a throughput chart.")
    Path html;

    @Override
    public Integer call() throws Exception {
        LoadPlan plan = plan();
        Optional<HistogramLogWriter> log = Optional.empty();
        if (hdrLog != null) {
            log = Optional.of(new HistogramLogWriter(new PrintStream(Files.newOutputStream(hdrLog), false, "UTF-8")));
        }
        LoadReport r = LoadRun.run(plan, spec.commandLine().getErr(), log);
        int code = r.ok() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(LoadJson.run(r, code).toPrettyString());
        } else {
            r.lines().forEach(out::println);
        }
        if (html != null) {
            Path page = HtmlReport.write(html, "wslab load " + plan.uri(), r.lines(), r.latency(), r.handshakes());
            spec.commandLine().getErr().println("wslab load: wrote " + page);
        }
        out.flush();
        return code;
    }

    private LoadPlan plan() throws IOException {
        if (url == null) {
            throw new ParameterException(spec.commandLine(), "a URL is missing (or a subcommand: report)");
        }
        WebSocketUri uri = HandshakeCommand.parseUrl(url);
        if (connections < 1 || batch < 1 || !(rate > 0) || size < LoadPlan.MIN_SIZE || size > Integer.MAX_VALUE
                || window < 0) {
            throw new ParameterException(spec.commandLine(), "out of range: --connections and --batch must be at least"
                    + " 1, --rate above 0, --size at least " + LoadPlan.MIN_SIZE + ", --window 0 or more (got "
                    + connections + ", " + batch + ", " + rate + ", " + size + ", " + window + ")");
        }
        protocols.replaceAll(String::strip);
        return new LoadPlan(uri, connections, rate, duration, ramp == null ? Duration.ZERO : ramp, (int) size,
                protocols, deflate, window, drain, lagThreshold, batch, tls.forUri(uri, spec),
                mode == Mode.stomp ? Optional.of(stomp.load()) : Optional.empty());
    }
}
