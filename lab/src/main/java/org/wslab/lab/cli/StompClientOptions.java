package org.wslab.lab.cli;

import java.time.Duration;
import org.wslab.stomp.session.HeartBeat;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options every {@code wslab stomp} action takes (a picocli mixin), the TLS ones for {@code wss://} included. */
final class StompClientOptions {
    @Mixin
    TlsOptions tls;

    /** Wait for the handshake, CONNECTED and each RECEIPT when {@code --timeout} is not given. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    @Option(names = "--trace",
            description = "Print every STOMP frame both ways (>>> sent, <<< received) with NUL as ^@ and line ends "
                    + "as ^J/^M, after a banner naming the WebSocket sub-protocol and the STOMP version "
                    + "(on stdout; with --json on stderr).")
    boolean trace;

    @Option(names = "--trace-websocket",
            description = "Also print the opening handshake's request and response heads and every WebSocket frame "
                    + "both ways as annotated hex (RFC 6455 §5.2; → client to server, ← server to client).")
    boolean traceWebSocket;

    @Option(names = "--timeout", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Longest wait for the WebSocket handshake, for CONNECTED and for each RECEIPT (default 10s); "
                    + "for subscribe also the longest wait for the messages (no limit when not given).")
    Duration timeout;

    @Option(names = "--heart-beat", paramLabel = "CX,CY", defaultValue = "10000,10000",
            description = "The CONNECT heart-beat header: send every CX ms, want one every CY ms; 0,0 for none "
                    + "(STOMP 1.2 \"Heart-beating\"; default: ${DEFAULT-VALUE}).")
    String heartBeat;

    @Option(names = "--login", paramLabel = "USER",
            description = "The CONNECT login header (STOMP 1.2 \"CONNECT or STOMP Frame\").")
    String login;

    @Option(names = "--passcode", paramLabel = "SECRET",
            description = "The CONNECT passcode header (STOMP 1.2 \"CONNECT or STOMP Frame\"); it travels in clear "
                    + "text under ws://, use wss:// for a real secret.")
    String passcode;

    /** The wait for the handshake, CONNECTED and receipts. */
    Duration replyTimeout() {
        return timeout == null ? DEFAULT_TIMEOUT : timeout;
    }

    /** {@code --heart-beat} as the header's two intervals; a usage error when it is not {@code CX,CY}. */
    HeartBeat heartBeat(CommandSpec spec) {
        String[] parts = heartBeat.split(",", -1);
        try {
            if (parts.length == 2) {
                long cx = Long.parseLong(parts[0].strip());
                long cy = Long.parseLong(parts[1].strip());
                if (cx >= 0 && cy >= 0) {
                    return new HeartBeat(cx, cy);
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), "--heart-beat must be CX,CY in milliseconds (e.g. 10000,10000), not '"
                + heartBeat + "'");
    }
}
