package org.wslab.lab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wslab.lab.common.LabFailure;
import org.wslab.lab.report.JsonReport;
import org.wslab.lab.report.TlsReport;
import org.wslab.stomp.client.StompClient;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code wslab stomp URL send DEST [BODY|-]}: one SEND (STOMP 1.2 "SEND") with {@code content-type},
 * {@code content-length} and the caller's own headers, optionally with a {@code receipt}, then
 * DISCONNECT with a receipt — so an ERROR the SEND provoked is always seen before the command exits.
 * The body comes from the argument, or from standard input (bounded by the STOMP body limit,
 * "Size Limits", and required to be UTF-8 as a text frame's payload is, RFC 6455 §5.6).
 */
@Command(name = "send",
        header = "Send one message to a destination.",
        description = {"Sends BODY (UTF-8) to DEST with content-type and content-length, then disconnects "
                + "gracefully (DISCONNECT, RECEIPT). With --receipt it waits for the SEND's own RECEIPT first. "
                + "Without BODY, or with -, the body is read from standard input (at most 1 MiB, the STOMP body limit; "
                + "it must be UTF-8).",
            "Prints 'sent to DEST' on stdout (status such as 'connected to' on stderr); with --json one report object: "
                + "command, url, destination, bytes, receipt, version, subProtocol, tls, error, verdict, timings, exitCode."})
final class StompSendCommand implements Callable<Integer> {

    @ParentCommand
    StompCli parent;

    @Parameters(index = "0", paramLabel = "DEST", description = "Destination, e.g. /topic/greetings or /queue/jobs")
    String destination;

    @Parameters(index = "1", arity = "0..1", paramLabel = "BODY",
            description = "The message body (sent as UTF-8); - or none: read it from standard input")
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

    @Option(names = "--json", description = "Print one JSON report object on stdout (the trace goes to stderr).")
    boolean json;

    @Mixin
    StompClientOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        StompFrame frame = frame(bodyOctets());
        try (StompConnector connector = new StompConnector(spec, parent.url, options, json)) {
            long start = System.nanoTime();
            try {
                StompClient client = connector.connect(false, false);
                long sent = System.nanoTime();
                StompFrame confirmed = connector.await(client.send(frame, receipt), "the RECEIPT of SEND from");
                Double receiptMs = confirmed == null ? null : (System.nanoTime() - sent) / 1e6;
                connector.disconnect(options.replyTimeout());
                String id = confirmed == null ? null : confirmed.header("receipt-id", "");
                if (json) {
                    report(connector, frame, id, null, receiptMs, start);
                } else {
                    spec.commandLine().getOut().println("sent to " + destination + (id == null ? "" : " (receipt " + id
                            + " received)"));
                    spec.commandLine().getOut().flush();
                }
                return ExitCode.OK;
            } catch (StompConnector.ServerError error) {
                if (json) {
                    report(connector, frame, null, error.frame(), null, start);
                }
                return connector.report(error, false);
            }
        }
    }

    private void report(StompConnector c, StompFrame frame, String receiptId, StompFrame error, Double receiptMs, long start) {
        ObjectNode o = JsonReport.object().put("command", "stomp send").put("url", parent.url.strip())
                .put("destination", destination).put("bytes", frame.body().length).put("receipt", receiptId)
                .put("subProtocol", c.subProtocol().orElse(null));
        o.set("tls", c.tlsFacts().map(TlsReport::json).orElse(null));
        o.put("version", c.version().orElse(null));
        o.set("error", error == null ? null : JsonReport.object().put("message", error.header("message"))
                .put("body", error.bodyText()));
        ObjectNode verdict = o.putObject("verdict").put("passed", error == null).putNull("rule").putNull("section");
        verdict.put("detail", error == null ? null : "the server sent ERROR: " + error.header("message", "(no message header)"));
        ObjectNode timings = o.putObject("timings");
        timings.put("openMs", c.openMillis()).put("connectedMs", c.connectedMillis()).put("receiptMs", receiptMs)
                .put("totalMs", (System.nanoTime() - start) / 1e6);
        o.put("exitCode", error == null ? ExitCode.OK : ExitCode.CHECK_FAILED);
        spec.commandLine().getOut().println(JsonReport.text(o));
        spec.commandLine().getOut().flush();
    }

    /** The body: the argument as UTF-8, or standard input, at most the STOMP body limit and valid UTF-8. */
    private byte[] bodyOctets() throws IOException {
        if (body != null && !body.equals("-")) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        int limit = StompLimits.DEFAULT.maxBodySize();
        InputStream in = System.in;
        byte[] octets = in.readNBytes(limit + 1);
        if (octets.length > limit) {
            throw new LabFailure("the body on standard input is over " + limit + " bytes, the STOMP body limit the lab's "
                    + "servers accept (STOMP 1.2 \"Size Limits\")");
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(octets));
        } catch (CharacterCodingException e) {
            throw new LabFailure("the body on standard input is not UTF-8 (a WebSocket text message must be, RFC 6455 "
                    + "§5.6, and STOMP over WebSocket sends text)");
        }
        return octets;
    }

    private StompFrame frame(byte[] octets) {
        StompFrame f = StompFrame.of(StompCommand.SEND, "destination", destination, "content-type", contentType);
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new ParameterException(spec.commandLine(), "--header must be K:V, not '" + h + "'");
            }
            f = f.withHeader(h.substring(0, colon), h.substring(colon + 1));
        }
        return f.withBody(octets);
    }
}
