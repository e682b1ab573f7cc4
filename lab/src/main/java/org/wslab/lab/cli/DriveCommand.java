package org.wslab.lab.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.drive.EchoScale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import org.wslab.lab.report.TlsReport;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wslab drive …}: drivers that prove a server's scale and flow-control claims by counting
 * (connections held, messages lost), never by timing. {@code drive echo URL} ({@link EchoScale}):
 * N connections on our NIO transport, R messages a second each for a duration, every echo checked
 * (RFC 6455 §5.6); {@code drive stomp URL} ({@link StompDriveCommand}): fan-out, burst and a
 * stalled subscriber on a STOMP topic. Exit 0 when nothing was lost, 1 otherwise.
 */
@Command(name = "drive", header = "Scale and flow-control drivers: count connections held and messages lost.",
        subcommands = {DriveCommand.Echo.class, StompDriveCommand.class})
final class DriveCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a driver is missing: echo or stomp");
    }

    /** {@code drive echo URL [--connections N] [--rate R] [--duration D] [--batch B] [--size S]}. */
    @Command(name = "echo", description = "Hold N echo connections with traffic on all; report losses and round trips.",
            footerHeading = "%nExit codes:%n",
            footer = {"  0  every connection held, every echo back unchanged and in order",
                "  1  a connection lost or refused while others opened, an echo lost or different: the rule named",
                "  2  a bad option or URL, or not one connection opened (refused, not HTTP, a status",
                "     other than 101, TLS): one line on stderr; with --json the failure object on stdout",
                "Streams: the summary or --json on stdout, the progress lines on stderr."})
    static final class Echo implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "URL", description = "The echo endpoint, ws://HOST:PORT/websocket/echo or wss://….")
        String url;

        @Option(names = "--connections", defaultValue = "1000", description = "Connections to hold (default: ${DEFAULT-VALUE}).")
        int connections;

        @Option(names = "--rate", defaultValue = "1", description = "Messages a second per connection (default: ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--duration", defaultValue = "10s", converter = DurationConverter.class,
                description = "How long to send (default: ${DEFAULT-VALUE}).")
        Duration duration;

        @Option(names = "--batch", defaultValue = "500", description = "Connections opened at a time (default: ${DEFAULT-VALUE}).")
        int batch;

        @Mixin
        TlsOptions tls;

        @Option(names = "--size", defaultValue = "32", description = "Bytes per message, at least 16 (default: ${DEFAULT-VALUE}).")
        int size;

        @Option(names = "--json", description = "Print the counts as one JSON object (schema drive-echo).")
        boolean json;

        @Override
        public Integer call() throws Exception {
            WebSocketUri uri = HandshakeCommand.parseUrl(url);
            if (connections < 1 || batch < 1 || rate <= 0 || size < 16) {
                throw new ParameterException(spec.commandLine(), "out of range: --connections and --batch must be at "
                        + "least 1, --rate above 0, --size at least 16 (got " + connections + ", " + batch + ", "
                        + rate + ", " + size + ")");
            }
            PrintStream progress = System.err;
            EchoScale.Report r = EchoScale.run(new EchoScale.Plan(uri, connections, rate, duration, batch, size,
                    tls.forUri(uri, spec)), progress);
            int code = r.ok() ? ExitCode.OK : ExitCode.CHECK_FAILED;
            if (json) {
                spec.commandLine().getOut().println(DriveJson.echo(uri.toString(), r, code).toPrettyString());
            } else {
                r.tls().ifPresent(t -> spec.commandLine().getOut().println(TlsReport.line(t)));
                spec.commandLine().getOut().println(r.summary());
                r.broken().ifPresent(b -> spec.commandLine().getOut().println("FAIL: " + b.getKey().name() + " ("
                        + b.getKey().section() + "): " + b.getValue()));
            }
            spec.commandLine().getOut().flush();
            return code;
        }
    }
}
