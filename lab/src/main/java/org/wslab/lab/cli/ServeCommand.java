package org.wslab.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.wslab.handshake.OriginPattern;
import org.wslab.lab.common.LabFailure;
import org.wslab.lab.engines.LabServers;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;
import org.wslab.lab.server.watch.ServeWatch;
import org.wslab.lab.server.watch.WatchLines;
import org.wslab.lab.server.watch.WatchOutput;
import org.wslab.stomp.broker.MailboxLimits;
import org.wslab.stomp.session.StompServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code wslab serve}: runs the lab server (embedded Jetty 12) with the endpoints of
 * {@link EndpointRegistry#defaults()}, prints their URLs (status lines: stderr), and runs until
 * Ctrl-C or SIGTERM ({@link StopSignal}: the server stops gracefully and the command exits 0, a
 * server's normal way to stop) or until the thread running it is interrupted (how in-process tests
 * stop it). {@code --log} and {@code --trace} print the traffic on stdout through a bounded
 * {@link WatchOutput} (RFC 6455 §4.2.2 decisions, §5.2 frames).
 */
@Command(name = "serve",
        header = "Run the lab server (embedded Jetty 12, or our engine: --engine wslab) until Ctrl-C or SIGTERM.",
        description = "Serves a WebSocket echo endpoint at /websocket/echo (text and binary; "
                + "permessage-deflate when offered), STOMP 1.0-1.2 at /websocket/app (sub-protocols "
                + "v12.stomp, v11.stomp, v10.stomp; one in-memory broker, or --relay to an external one) "
                + "and an index page at / (a STOMP chat), and prints their URLs. The Jetty engine also serves "
                + "a notes board (/api/notes over REST, /websocket/notes over WebSocket) and one update feed four "
                + "ways (/updates/poll, /updates/long-poll, /updates/events, /websocket/updates; POST a line to "
                + "/updates/publish to add one). With --tls the same endpoints are also served "
                + "over TLS (wss://) on --tls-port. With --origin only upgrades from the listed Origins (and those "
                + "with no Origin: non-browser clients send none) are served, others get 403. "
                + "--log prints one line per handshake decision (101, or the refusal naming its rule) and per "
                + "closed connection; --trace prints every frame both ways; both on stdout, prefixed #id per "
                + "connection. Status lines go to stderr. Ctrl-C or SIGTERM stops it gracefully (exit 0).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--host", defaultValue = LabServerConfig.DEFAULT_HOST, paramLabel = "ADDRESS",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "" + LabServerConfig.DEFAULT_PORT, paramLabel = "PORT",
            description = "Port to listen on; 0 picks a free one and prints it (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--max-message-size", converter = SizeConverter.class,
            paramLabel = "SIZE",
            description = "Largest frame and message accepted, text or binary; a bigger one closes with 1009 "
                    + "(RFC 6455 §7.4.1). Jetty's own default is 64KiB. (default: 16MiB, the engine's)")
    Long maxMessageSize;

    @Option(names = "--engine", defaultValue = "jetty", paramLabel = "ENGINE", completionCandidates = EngineNames.class,
            converter = EngineConverter.class,
            description = "Server engine: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Engine engine;

    @Option(names = "--relay", paramLabel = "HOST:PORT",
            description = "Forward the STOMP endpoint's /topic and /queue traffic to the STOMP broker at HOST:PORT "
                    + "(ActiveMQ Artemis, RabbitMQ; STOMP over TCP, e.g. 127.0.0.1:61613) instead of the in-memory "
                    + "broker. Checked once at start (refuses to start when no broker answers); a broker lost later "
                    + "is reconnected to with backoff, holding each session's SENDs, until --relay-give-up passes.")
    String relay;

    @Option(names = "--relay-give-up", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "With --relay: how long a lost broker may stay away before each affected session ends "
                    + "with an ERROR (default: 60s).")
    java.time.Duration relayGiveUp;

    @Option(names = "--max-connections", paramLabel = "N",
            description = "With --engine wslab: connections served at once (non-blocking, any number per thread); one more is answered "
                    + "503 (default: " + LabServerConfig.DEFAULT_MAX_CONNECTIONS + ").")
    Integer maxConnections;

    @Option(names = "--stomp-mailbox", converter = SizeConverter.class, paramLabel = "SIZE",
            description = "STOMP flow control: octets waiting for one subscriber above which the publishers sending to "
                    + "it are paused (they resume below half of it; a subscriber is cut off at once past 8 times it) "
                    + "(default: 1MiB).")
    Long stompMailbox;

    @Option(names = "--slow-consumer-time", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "A subscriber over --stomp-mailbox this long is cut off with an ERROR naming SLOW_CONSUMER "
                    + "(default: 10s).")
    java.time.Duration slowConsumerTime;

    @Option(names = "--origin", paramLabel = "PATTERN", converter = OriginConverter.class,
            description = "Serve a WebSocket upgrade only when its Origin matches one of these patterns (repeatable; "
                    + "RFC 6455 §4.2.2 (4), §10.2): scheme://host[:port], with * as the whole port or a leading *. "
                    + "host label (https://app.example.com, 'http://localhost:*', 'https://*.example.com'), or null. "
                    + "Another Origin gets 403 naming ORIGIN_ALLOWED, on both engines and both listeners; a request "
                    + "without Origin (non-browser clients) is served. (default: any Origin)")
    List<OriginPattern> origins = List.of();

    /** Reads an Origin pattern; a malformed one is named in one line. */
    static final class OriginConverter implements picocli.CommandLine.ITypeConverter<OriginPattern> {
        @Override
        public OriginPattern convert(String value) {
            try {
                return OriginPattern.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** Reads an engine by its command-line name, any case; a wrong one is named with the right ones. */
    static final class EngineConverter implements picocli.CommandLine.ITypeConverter<Engine> {
        @Override
        public Engine convert(String value) {
            for (Engine e : Engine.values()) {
                if (e.cliName().equalsIgnoreCase(value.strip())) {
                    return e;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not an engine (one of: "
                    + String.join(", ", new EngineNames()) + ")");
        }
    }

    /** The engines' command-line names, for --help. */
    static final class EngineNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Engine.values()).map(Engine::cliName).iterator();
        }
    }

    @Option(names = "--log",
            description = "Print one line per connection on stdout: its handshake decision (101 with the sub-protocol "
                    + "and extensions, or the status and the rule a refusal names: 400/403/404/426/431, 503 over "
                    + "--max-connections) and, at its end, the close code, duration and messages in/out. On Jetty, "
                    + "what Jetty refuses by itself is shown as its status and reason (it names no rule).")
    boolean log;

    @Option(names = "--trace",
            description = "Print every frame both ways on stdout as an annotated hex dump (RFC 6455 §5.2), prefixed "
                    + "with the connection's id; a payload is cut after " + WatchLines.TRACE_PAYLOAD_BYTES
                    + " bytes. On Jetty a client frame's masking key shows as 00 00 00 00 (Jetty unmasks it first). "
                    + "Lines the terminal cannot take in time are dropped and counted, never block the server.")
    boolean trace;

    @Mixin
    ServeTlsOptions tls;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65_535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, not " + port);
        }
        if (maxConnections != null && engine != Engine.WSLAB) {
            throw new ParameterException(spec.commandLine(),
                    "--max-connections applies to --engine wslab (Jetty sizes its own thread pool)");
        }
        if (maxConnections != null && maxConnections < 1) {
            throw new ParameterException(spec.commandLine(), "--max-connections must be at least 1, not " + maxConnections);
        }
        long messageLimit = maxMessageSize == null ? LabServerConfig.DEFAULT_MAX_MESSAGE_SIZE : maxMessageSize;
        LabServerConfig config = LabServerConfig.defaults().withAddress(host, port).withMaxMessageSize(messageLimit)
                .withMaxConnections(maxConnections == null ? LabServerConfig.DEFAULT_MAX_CONNECTIONS : maxConnections)
                .withStompBackend(StompRelayOption.backend(spec, relay, relayGiveUp))
                .withStomp(StompServerConfig.DEFAULT.withMailbox(mailboxLimits()))
                .withOrigins(origins);
        Optional<ServeTlsOptions.Prepared> secure = tls.prepare(spec, port);
        if (secure.isPresent()) {
            config = config.withTls(secure.get().listener());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WatchOutput output = log || trace ? WatchOutput.start(out, WatchOutput.DEFAULT_CAPACITY) : null;
        config = config.withWatch(ServeWatch.to(output, log, trace));
        LabServer server;
        try {
            server = start(config);
        } catch (Exception e) {
            closeQuietly(output);
            throw e;
        }
        ServeBanner.print(err, server, config, secure);
        AtomicInteger openAtStop = new AtomicInteger(-1);
        java.util.concurrent.CountDownLatch stopDone = new java.util.concurrent.CountDownLatch(1);
        Runnable stop = () -> {
            try {
                openAtStop.compareAndSet(-1, server.openConnections());
                server.close();
            } finally {
                stopDone.countDown();
            }
        };
        try (StopSignal.Registration signals = StopSignal.whileRunning(stop)) {
            server.awaitStopped();
            // the server can report stopped before close() has written its last log lines (the
            // connections it ended): wait for the stop to finish, within the signal's grace period
            stopDone.await(StopSignal.GRACE_MILLIS - 500, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            stop.run();
        } finally {
            closeQuietly(output);
        }
        int closed = Math.max(0, openAtStop.get());
        err.println("wslab: stopped (" + closed + (closed == 1 ? " connection" : " connections") + " closed)");
        err.flush();
        return ExitCode.OK;
    }

    private static void closeQuietly(WatchOutput output) {
        if (output != null) {
            output.close();
        }
    }

    private LabServer start(LabServerConfig config) throws Exception {
        String where = config.host() + ":" + config.port()
                + config.tls().map(t -> " and " + config.host() + ":" + t.port()).orElse("");
        try {
            java.net.InetAddress.getByName(config.host());
        } catch (java.net.UnknownHostException e) {
            throw new LabFailure("cannot listen on " + where + ": unknown host '" + config.host() + "'", e);
        }
        try {
            return LabServers.start(engine, config, EndpointRegistry.defaults());
        } catch (IOException e) {
            BindException bind = e instanceof BindException b ? b
                    : e.getCause() instanceof BindException b ? b : null;
            String reason = bind != null && bind.getMessage() != null ? bind.getMessage() : e.getMessage();
            if (reason != null && reason.toLowerCase(java.util.Locale.ROOT).contains("in use")) {
                throw new LabFailure("cannot listen on " + where + ": address already in use "
                        + "(is another server there? --port 0 picks a free port)", e);
            }
            if (reason != null && reason.toLowerCase(java.util.Locale.ROOT).contains("assign")) {
                throw new LabFailure("cannot listen on " + where + ": " + config.host()
                        + " is not an address of this machine (try 127.0.0.1, or 0.0.0.0 for all)", e);
            }
            throw new LabFailure("cannot listen on " + where + ": " + reason, e);
        }
    }

    /** The defaults changed by --stomp-mailbox and --slow-consumer-time. */
    private MailboxLimits mailboxLimits() {
        MailboxLimits limits = MailboxLimits.DEFAULT;
        if (stompMailbox != null) {
            if (stompMailbox < 1 || stompMailbox > Long.MAX_VALUE / 8) {
                throw new ParameterException(spec.commandLine(), "--stomp-mailbox out of range: " + stompMailbox);
            }
            limits = limits.withBytes(stompMailbox, stompMailbox / 2, stompMailbox * 8);
        }
        if (slowConsumerTime != null) {
            if (slowConsumerTime.isZero() || slowConsumerTime.isNegative()) {
                throw new ParameterException(spec.commandLine(), "--slow-consumer-time must be positive");
            }
            limits = limits.withSlowConsumerNanos(slowConsumerTime.toNanos());
        }
        return limits;
    }

}
