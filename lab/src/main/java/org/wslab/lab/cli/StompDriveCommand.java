package org.wslab.lab.cli;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.drive.StompDrive;
import picocli.CommandLine.ParameterException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.lab.report.TlsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wslab drive stomp URL}: counts what a STOMP topic delivers under load (fan-out to many
 * subscribers, a burst to one, a stalled subscriber among readers) — see {@link StompDrive}.
 */
@Command(name = "stomp",
        header = "Fan-out, burst and stalled-subscriber runs against a STOMP endpoint, counted.",
        description = "SUBSCRIBERS clients subscribe to one topic; one publisher SENDs MESSAGES frames of SIZE octets. "
                + "Every subscriber must receive every message in order. With --stall one more subscriber stops "
                + "reading and must be cut off with an ERROR while the others receive everything.",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  nothing lost (and with --stall: the stalled one got its ERROR)",
            "  1  something was lost, reordered, or the stalled subscriber was not cut off",
            "  2  a bad option or URL, or no connection: one line (with --json: the failure",
            "     object)",
            "Note: with the defaults --stall does not push the stalled subscriber over the",
            "1 MiB mailbox of serve, so it is not cut off and the run exits 1",
            "(SLOW_CONSUMER_CUT_OFF)."})
final class StompDriveCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "URL", description = "ws://host:port/websocket/app")
    String url;

    @Option(names = "--subscribers", defaultValue = "1000", description = "reading subscribers (default ${DEFAULT-VALUE})")
    int subscribers;

    @Option(names = "--messages", defaultValue = "100", description = "messages published (default ${DEFAULT-VALUE})")
    int messages;

    @Option(names = "--size", defaultValue = "1024", description = "body octets per message (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--stall", description = "one more subscriber stops reading")
    boolean stall;

    @Option(names = "--stall-for", defaultValue = "1s", converter = DurationConverter.class,
            description = "how long it stays stalled after the readers finished (default ${DEFAULT-VALUE}; the "
                    + "readers finish once the server cut it off, and it must read before the server's close timeout)")
    Duration stallFor;

    @Option(names = "--timeout", defaultValue = "120s", converter = DurationConverter.class,
            description = "how long the readers may take (default ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--json", description = "print the counts as one JSON object (schema drive-stomp)")
    boolean json;

    @Mixin
    TlsOptions tls;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        WebSocketUri parsed = HandshakeCommand.parseUrl(url);
        if (subscribers < 1 || messages < 0 || size < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--subscribers must be at least 1, --messages and --size at least 0");
        }
        Optional<ClientTls> secure = tls.forUri(parsed, spec);
        URI uri = URI.create(url.strip());
        AtomicReference<TlsFacts> agreed = new AtomicReference<>();
        StompDrive.Result r = new StompDrive(uri, subscribers, messages, size, stall, stallFor, timeout, secure)
                .run(agreed::set);
        int code = r.passed() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        if (json) {
            spec.commandLine().getOut().println(DriveJson.stomp(parsed.toString(), r, size,
                    Optional.ofNullable(agreed.get()), code).toPrettyString());
        } else {
            if (agreed.get() != null) {
                spec.commandLine().getOut().println(TlsReport.line(agreed.get()));
            }
            spec.commandLine().getOut().printf("subscribers %d connected %d, messages %d × %d B: expected %d, received %d,"
                            + " lost %d, out of order %d, publish failures %d, publisher receipt %s, %d ms%n",
                    r.subscribers(), r.connected(), r.messages(), size, r.expected(), r.received(), r.lost(),
                    r.outOfOrder(), r.publishFailures(), r.publisherReceipt(), r.millis());
            if (r.stalledReceived() != null) {
                spec.commandLine().getOut().printf("stalled subscriber: received %d, then ERROR %s (close %d %s)%n",
                        r.stalledReceived(), r.stalledError() == null ? "none" : "\"" + r.stalledError() + "\"",
                        r.stalledCloseCode(), r.stalledCloseReason() == null ? "" : "\"" + r.stalledCloseReason() + "\"");
            }
            r.broken().ifPresent(b -> spec.commandLine().getOut().println("FAIL: " + b.getKey().name() + " ("
                    + b.getKey().section() + "): " + b.getValue()));
        }
        spec.commandLine().getOut().flush();
        return code;
    }
}
