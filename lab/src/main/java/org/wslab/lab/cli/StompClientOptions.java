package org.wslab.lab.cli;

import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every {@code wslab stomp} action takes (a picocli mixin), the TLS ones for {@code wss://} included. */
final class StompClientOptions {
    @Mixin
    TlsOptions tls;

    /** Wait for CONNECTED and for each RECEIPT when {@code --timeout} is not given. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    @Option(names = "--trace",
            description = "Print every STOMP frame both ways (>>> sent, <<< received) with NUL as ^@ and line ends "
                    + "as ^J/^M, after a banner naming the WebSocket sub-protocol and the STOMP version.")
    boolean trace;

    @Option(names = "--timeout", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Longest wait for CONNECTED and for each RECEIPT (default 10s); for subscribe also the "
                    + "longest wait for the messages (no limit when not given).")
    Duration timeout;

    @Option(names = "--heart-beat", paramLabel = "CX,CY", defaultValue = "10000,10000",
            description = "The CONNECT heart-beat header: send every CX ms, want one every CY ms; 0,0 for none "
                    + "(STOMP 1.2 \"Heart-beating\"; default: ${DEFAULT-VALUE}).")
    String heartBeat;

    /** The wait for CONNECTED and receipts. */
    Duration replyTimeout() {
        return timeout == null ? DEFAULT_TIMEOUT : timeout;
    }
}
