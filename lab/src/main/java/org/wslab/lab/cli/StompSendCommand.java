package org.wslab.lab.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.client.StompConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code wslab stomp URL send DEST BODY}: one SEND (STOMP 1.2 "SEND") with {@code content-type},
 * {@code content-length} and the caller's own headers, optionally with a {@code receipt}, then
 * DISCONNECT with a receipt — so an ERROR the SEND provoked is always seen before the command exits.
 */
@Command(name = "send",
        header = "Send one message to a destination.",
        description = "Sends BODY (UTF-8) to DEST with content-type and content-length, then disconnects "
                + "gracefully (DISCONNECT, RECEIPT). With --receipt it waits for the SEND's own RECEIPT first.")
final class StompSendCommand implements Callable<Integer> {

    @ParentCommand
    StompCli parent;

    @Parameters(index = "0", paramLabel = "DEST", description = "Destination, e.g. /topic/greetings or /queue/jobs")
    String destination;

    @Parameters(index = "1", paramLabel = "BODY", description = "The message body (sent as UTF-8)")
    String body;

    @Option(names = "--header", paramLabel = "K:V",
            description = "An extra header on the SEND (repeatable; the first of repeated names wins, STOMP 1.2 "
                    + "\"Repeated Header Entries\", so destination cannot be overridden).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--receipt", description = "Ask for a RECEIPT of the SEND and wait for it.")
    boolean receipt;

    @Option(names = "--content-type", defaultValue = "text/plain;charset=UTF-8", paramLabel = "TYPE",
            description = "The content-type header (default: ${DEFAULT-VALUE}).")
    String contentType;

    @Mixin
    StompClientOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StompFrame frame = frame();
        try (StompConnector connector = new StompConnector(spec, parent.url, options)) {
            try {
                StompConnection connection = connector.connect();
                StompFrame confirmed = connector.await(connection.client().send(frame, receipt), "the RECEIPT of SEND");
                connector.disconnect();
                spec.commandLine().getOut().println("sent to " + destination + (confirmed == null ? ""
                        : " (receipt " + confirmed.header("receipt-id", "") + " received)"));
                spec.commandLine().getOut().flush();
                return ExitCode.OK;
            } catch (StompConnector.ServerError error) {
                return connector.report(error);
            }
        }
    }

    private StompFrame frame() {
        StompFrame f = StompFrame.of(StompCommand.SEND, "destination", destination, "content-type", contentType);
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new ParameterException(spec.commandLine(), "--header must be K:V, not '" + h + "'");
            }
            f = f.withHeader(h.substring(0, colon), h.substring(colon + 1));
        }
        return f.withBody(body.getBytes(StandardCharsets.UTF_8));
    }
}
