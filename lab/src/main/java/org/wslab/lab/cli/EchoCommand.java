package org.wslab.lab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.wslab.framing.engine.FrameListener;
import org.wslab.handshake.WebSocketUri;
import org.wslab.lab.client.EchoProgress;
import org.wslab.lab.client.EchoResult;
import org.wslab.lab.client.EchoRun;
import org.wslab.framing.tls.TlsFacts;
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
 * endpoint, checks each echo byte for byte (RFC 6455 §5.6), and prints a summary; {@code --trace}
 * shows every frame both ways (§5.2). {@code wss://} runs it over TLS (§4.1 (5), {@link TlsOptions}).
 * Printing and the exit code: {@link EchoOutput}.
 */
@Command(name = "echo",
        header = "Send messages to an echo endpoint on our engine and check every echo.",
        description = "Opens a WebSocket to URL with the lab's own engine, sends --count messages one after "
                + "the other (a text, or random binary of --binary-size bytes), checks that each comes back "
                + "byte for byte, then closes with 1000. Prints the negotiated sub-protocol and extensions, "
                + "sent/received/mismatches and the round-trip times; --trace prints every frame both ways "
                + "as annotated hex with the real masking keys.",
        footerHeading = "%nWhich exit code when:%n",
        footer = {
            "  0  every echo matched and the connection closed with 1000",
            "  1  an echo differed, one did not come back, or the connection closed with an",
            "     error code (e.g. 1009 message too big): the output names it",
            "  2  a bad URL or option, no connection, a failed TLS handshake (wss://), no",
            "     WebSocket (the handshake failed), or --timeout passed"
        })
final class EchoCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL", description = "ws://host[:port]/path or wss://…, e.g. ws://127.0.0.1:8080/websocket/echo")
    String url;

    @ArgGroup(exclusive = true)
    Message message;

    /** --text and --binary-size exclude each other. */
    static final class Message {
        @Option(names = "--text", paramLabel = "T", description = "Send this text (default: \"Hello, WebSocket\").")
        String text;

        @Option(names = "--binary-size", paramLabel = "SIZE", converter = SizeConverter.ZeroOrMore.class,
                description = "Send random binary messages of this size instead, e.g. 0, 125, 64KiB, 16MiB.")
        Long binarySize;
    }

    @Option(names = "--protocol", paramLabel = "P", split = ",",
            description = "Offer this sub-protocol (Sec-WebSocket-Protocol, RFC 6455 §4.1 (10)); repeatable, in order.")
    List<String> protocols = new ArrayList<>();

    @Option(names = "--count", defaultValue = "1", paramLabel = "N", description = "How many messages (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--deflate",
            description = "Offer permessage-deflate (RFC 7692) as 'permessage-deflate; client_max_window_bits'.")
    boolean deflate;

    @Option(names = "--trace", description = "Print the handshake and every frame both ways as annotated hex.")
    boolean trace;

    @Option(names = "--fragment-size", defaultValue = "1MiB", converter = SizeConverter.class, paramLabel = "SIZE",
            description = "Send bigger messages in fragments of this size (RFC 6455 §5.4) (default: ${DEFAULT-VALUE}).")
    long fragmentSize;

    @Option(names = "--timeout", defaultValue = "10s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Limit for connecting, the handshake and each echo (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--json", description = "Print the summary as JSON (nothing on stdout for exit code 2).")
    boolean json;

    @Option(names = "--progress", negatable = true,
            description = "A progress line on stderr every 2s once the run takes longer than 2s "
                    + "(default: on when run from a terminal).")
    Boolean progress;

    @Mixin
    TlsOptions tls;

    @Spec
    CommandSpec spec;

    /** The largest --binary-size: a Java array, and the lab's largest configurable message limit. */
    static final long MAX_BINARY_SIZE = Integer.MAX_VALUE - 64;

    @Override
    public Integer call() throws Exception {
        WebSocketUri uri = HandshakeCommand.parseUrl(url);
        Object payload = payload();
        if (count < 1) {
            throw usage("--count must be at least 1, not " + count);
        }
        protocols.replaceAll(String::strip);
        try {
            org.wslab.handshake.ClientOptions.defaults().withSubprotocols(protocols.toArray(String[]::new));
        } catch (IllegalArgumentException notToken) {
            throw usage("--protocol: " + notToken.getMessage());
        }
        if (fragmentSize < 1 || fragmentSize > Integer.MAX_VALUE) {
            throw usage("--fragment-size must be between 1 and " + Integer.MAX_VALUE + " bytes");
        }
        if (timeout.isZero() || timeout.isNegative()) {
            throw usage("--timeout must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        TracePrinter printer = trace && !json ? new TracePrinter(out) : null;
        boolean showProgress = progress != null ? progress : System.console() != null;
        EchoProgress shown = showProgress
                ? new ProgressLine(spec.commandLine().getErr(), count, sizeOf(payload), System.nanoTime()).listener()
                : EchoProgress.NONE;
        EchoRun.Plan plan = new EchoRun.Plan(uri, payload, count, deflate, timeout, (int) fragmentSize,
                printer == null ? FrameListener.NONE : printer, System.nanoTime(), shown,
                tls.forUri(uri, spec), protocols);
        EchoResult result = EchoRun.run(plan, new EchoRun.HandshakeListener() {
            @Override
            public void onTls(TlsFacts facts) {
                if (printer != null) {
                    out.println(TlsReport.traceLine(facts));
                }
            }

            @Override
            public void onHandshake(org.wslab.framing.engine.Event e) {
                if (printer != null) {
                    printer.handshake(e);
                }
            }
        });
        return new EchoOutput(out, spec.commandLine().getErr(), json).print(uri, plan, result);
    }

    private Object payload() {
        if (message != null && message.binarySize != null) {
            long size = message.binarySize;
            if (size < 0 || size > MAX_BINARY_SIZE) {
                throw usage("--binary-size must be between 0 and " + SizeConverter.format(MAX_BINARY_SIZE));
            }
            byte[] data = new byte[(int) size];
            new java.util.Random(size).nextBytes(data);
            return data;
        }
        return message != null && message.text != null ? message.text : "Hello, WebSocket";
    }

    private ParameterException usage(String text) {
        return new ParameterException(spec.commandLine(), text);
    }

    /** Bytes of the message as sent, for the summary. */
    static int sizeOf(Object message) {
        return message instanceof String s ? s.getBytes(StandardCharsets.UTF_8).length : ((byte[]) message).length;
    }
}
