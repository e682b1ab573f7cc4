package org.wslab.lab.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wslab.framing.engine.FrameListener;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.client.EchoProgress;
import org.wslab.lab.client.EchoResult;
import org.wslab.lab.client.EchoRun;
import org.wslab.lab.client.EchoStop;
import org.wslab.lab.report.TlsReport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wslab echo URL}: a WebSocket client on our own engine that sends messages to an echo
 * endpoint, checks each echo byte for byte (RFC 6455 §5.6), pings and checks the pongs
 * (§5.5.2–§5.5.3), and prints a summary; {@code --trace} shows every frame both ways (§5.2).
 * {@code wss://} runs it over TLS (§4.1 (5), {@link TlsOptions}). Ctrl-C or SIGTERM ends a long
 * run with 1000 and its summary ({@link StopSignal}). Printing and the exit code: {@link EchoOutput}.
 */
@Command(name = "echo",
        header = "Send messages to an echo endpoint on our engine and check every echo.",
        description = "Opens a WebSocket to URL with the lab's own engine, sends --count messages one after "
                + "the other (a text, random binary of --binary-size bytes, or the bytes of --from FILE), checks "
                + "that each comes back byte for byte, sends --ping pings and checks each pong carries the ping's "
                + "payload, then closes with 1000. Prints the negotiated sub-protocol and extensions, "
                + "sent/received/mismatches, the round-trip times and, with --deflate, the compression both ways; "
                + "--trace prints every frame both ways as annotated hex with the real masking keys.",
        footerHeading = "%nWhich exit code when:%n",
        footer = {
            "  0  every echo (and pong) matched and the connection closed with 1000",
            "  1  an echo differed, one did not come back within --timeout (with a hint when the",
            "     endpoint looks like STOMP), the server closed with an error code (e.g. 1009",
            "     message too big) or the connection was lost (1006), or the server broke a rule",
            "     (our engine fails the connection with 1002): the summary, then the rule",
            "  2  a bad URL or option (a count of 0, a text with an unpaired surrogate, invalid",
            "     UTF-8 with --as-text), no connection, a failed TLS handshake (wss://), no",
            "     WebSocket (the handshake failed or timed out): one line on stderr",
            "  130/143  stopped by Ctrl-C/SIGTERM: closed with 1000 after the summary so far",
            "",
            "Streams: the summary (or --json) on stdout; --trace on stdout, or on stderr with --json;",
            "the progress line and the error line on stderr.",
            "Pings only: 'echo --ping 3 URL' sends no message unless --count, --text,",
            "--binary-size or --from is given."
        })
final class EchoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL", description = "ws://host[:port]/path or wss://…, e.g. ws://127.0.0.1:8080/websocket/echo")
    String url;

    @ArgGroup(exclusive = true)
    Message message;

    /** --text, --binary-size and --from exclude each other. */
    static final class Message {
        @Option(names = "--text", paramLabel = "T", description = "Send this text (default: \"Hello, WebSocket\").")
        String text;

        @Option(names = "--binary-size", paramLabel = "SIZE", converter = SizeConverter.ZeroOrMore.class,
                description = "Send random binary messages of this size instead, e.g. 0, 125, 64KiB, 16MiB.")
        Long binarySize;

        @Option(names = "--from", paramLabel = "FILE",
                description = "Send the bytes of FILE (- for standard input) as a binary message; with --as-text "
                        + "as a text message, which they must be valid UTF-8 for.")
        String from;
    }

    @Option(names = "--as-text", description = "With --from: send the bytes as a text message (valid UTF-8 only).")
    boolean asText;

    @Option(names = "--protocol", paramLabel = "P", split = ",",
            description = "Offer this sub-protocol (Sec-WebSocket-Protocol, RFC 6455 §4.1 (10)); repeatable, in order.")
    List<String> protocols = new ArrayList<>();

    @Option(names = "--count", paramLabel = "N", description = "How many messages (default: 1; 0 only with --ping).")
    Integer count;

    @Option(names = "--ping", arity = "0..1", parameterConsumer = PingCountConsumer.class, paramLabel = "N",
            description = "Also send N pings (default N: 1) with a payload and check each pong carries it back "
                    + "(RFC 6455 §5.5.2-§5.5.3); with no message option given, only the pings.")
    Integer pings;

    @Option(names = "--deflate",
            description = "Offer permessage-deflate (RFC 7692) as 'permessage-deflate; client_max_window_bits'.")
    boolean deflate;

    @Option(names = "--trace", description = "Print the handshake and every frame both ways as annotated hex "
            + "(on stderr with --json).")
    boolean trace;

    @Option(names = "--fragment-size", defaultValue = "1MiB", converter = SizeConverter.class, paramLabel = "SIZE",
            description = "Send bigger messages in fragments of this size (RFC 6455 §5.4) (default: ${DEFAULT-VALUE}).")
    long fragmentSize;

    @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Limit for connecting, the handshake and each echo or pong (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--json", description = "Print the summary as one JSON object (schema echo; on exit 2 the failure object).")
    boolean json;

    @Option(names = "--progress", negatable = true,
            description = "A progress line on stderr every 2s once the run takes longer than 2s "
                    + "(default: on when run from a terminal).")
    Boolean progress;

    @Mixin
    TlsOptions tls;

    @Spec
    CommandSpec spec;

    /** The largest message: a Java array, and the lab's largest configurable message limit. */
    static final long MAX_BINARY_SIZE = Integer.MAX_VALUE - 64;

    @Override
    public Integer call() throws Exception {
        WebSocketUri uri = HandshakeCommand.parseUrl(url);
        int pingCount = pings == null ? 0 : pings;
        if (pings != null && pings < 1) {
            throw usage("--ping: " + pings + " is out of range (at least 1)");
        }
        int messages = count != null ? count : pings != null && message == null ? 0 : 1;
        if (messages < (pingCount > 0 ? 0 : 1)) {
            throw usage("--count: " + messages + " is out of range (at least 1" + (pingCount > 0 ? "" : "; 0 only with --ping") + ")");
        }
        if (asText && (message == null || message.from == null)) {
            throw usage("--as-text goes with --from FILE");
        }
        Object payload = payload();
        protocols.replaceAll(String::strip);
        try {
            org.wslab.handshake.ClientOptions.defaults().withSubprotocols(protocols.toArray(String[]::new));
        } catch (IllegalArgumentException notToken) {
            throw usage("--protocol: " + notToken.getMessage());
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw usage("--timeout: " + timeout + " is out of range (it must be positive)");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter traceOut = json ? spec.commandLine().getErr() : out;
        TracePrinter printer = trace ? new TracePrinter(traceOut, true) : null;
        boolean showProgress = progress != null ? progress : System.console() != null;
        EchoProgress shown = showProgress
                ? new ProgressLine(spec.commandLine().getErr(), messages, sizeOf(payload), System.nanoTime()).listener()
                : EchoProgress.NONE;
        EchoStop stop = new EchoStop();
        EchoRun.Plan plan = new EchoRun.Plan(uri, payload, messages, pingCount, deflate, timeout, (int) fragmentSize,
                printer == null ? FrameListener.NONE : printer, System.nanoTime(), shown,
                tls.forUri(uri, spec), protocols, stop);
        EchoResult result;
        try (StopSignal.Registration signals = StopSignal.whileRunning(stop::request)) {
            result = EchoRun.run(plan, new EchoRun.HandshakeListener() {
                @Override
                public void onTls(TlsFacts facts) {
                    if (printer != null) {
                        traceOut.println(TlsReport.traceLine(facts));
                    }
                }

                @Override
                public void onHandshake(org.wslab.framing.engine.Event e) {
                    if (printer != null) {
                        printer.handshake(e);
                    }
                }

                @Override
                public void onEnd(org.wslab.framing.engine.Event.Closed closed) {
                    if (printer != null) {
                        printer.violation(closed);
                    }
                }
            });
        }
        return new EchoOutput(out, spec.commandLine().getErr(), json).print(uri, plan, result);
    }

    private Object payload() throws java.io.IOException {
        if (message != null && message.binarySize != null) {
            long size = message.binarySize;
            if (size < 0 || size > MAX_BINARY_SIZE) {
                throw usage("--binary-size: " + size + " is out of range (0 to " + SizeConverter.format(MAX_BINARY_SIZE) + ")");
            }
            return EchoPayload.random(size);
        }
        if (message != null && message.from != null) {
            return EchoPayload.from(message.from, System.in, MAX_BINARY_SIZE, asText);
        }
        return message != null && message.text != null ? EchoPayload.text(message.text) : EchoPayload.DEFAULT_TEXT;
    }

    private ParameterException usage(String text) {
        return new ParameterException(spec.commandLine(), text);
    }

    /** Bytes of the message as sent, for the summary. */
    static int sizeOf(Object message) {
        return message instanceof String s ? s.getBytes(StandardCharsets.UTF_8).length : ((byte[]) message).length;
    }
}
