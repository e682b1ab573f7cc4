package org.wslab.lab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.wslab.handshake.OriginPattern;
import org.wslab.lab.common.DurationText;
import org.wslab.lab.common.LabFailure;
import org.wslab.lab.engines.LabServers;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;
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
 * {@link EndpointRegistry#defaults()}, prints their URLs, and runs until Ctrl-C (a shutdown hook
 * stops it gracefully) or until the thread running it is interrupted (how tests stop it).
 */
@Command(name = "serve",
        header = "Run the lab server (embedded Jetty 12, or our engine: --engine wslab) until Ctrl-C.",
        description = "Serves a WebSocket echo endpoint at /websocket/echo (text and binary; "
                + "permessage-deflate when offered), STOMP 1.0-1.2 at /websocket/app (sub-protocols "
                + "v12.stomp, v11.stomp, v10.stomp; one in-memory broker, or --relay to an external one) "
                + "and an index page at /, and prints their URLs. With --tls the same endpoints are also served "
                + "over TLS (wss://) on --tls-port. With --origin only upgrades from the listed Origins (and those "
                + "with no Origin: non-browser clients send none) are served, others get 403. Ctrl-C stops it gracefully.")
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
        LabServer server = start(config);
        PrintWriter out = spec.commandLine().getOut();
        printBanner(out, server, config, secure);

        java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            out.println("wslab: stopping");
            out.flush();
            server.close();
            awaitQuietly(reported); // the JVM halts after the hook: let "stopped" be printed first
        }, "wslab-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            server.awaitStopped();
        } catch (InterruptedException e) {
            server.close();
        } finally {
            removeHook(hook);
        }
        out.println("wslab: stopped");
        out.flush();
        reported.countDown();
        return ExitCode.OK;
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch) {
        try {
            latch.await(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private static void printBanner(PrintWriter out, LabServer server, LabServerConfig config,
                                    Optional<ServeTlsOptions.Prepared> secure) {
        out.println("wslab serve: " + server.engine().cliName() + " engine listening on " + server.baseUri()
                + server.secureBaseUri().map(https -> " and " + https).orElse(""));
        List<Map.Entry<LabEndpoint, URI>> urls = server.webSocketUris();
        int width = urls.stream().mapToInt(u -> u.getValue().toString().length()).max().orElse(0);
        for (Map.Entry<LabEndpoint, URI> u : urls) {
            String url = u.getValue().toString();
            out.println("  " + url + " ".repeat(width - url.length() + 2) + u.getKey().description());
        }
        secure.ifPresent(t -> TlsBanner.print(out, server, t));
        if (!config.origins().isEmpty()) {
            out.println("origin: only " + config.origins().stream().map(OriginPattern::text)
                    .collect(java.util.stream.Collectors.joining(", "))
                    + " (requests without Origin allowed; others get 403 ORIGIN_ALLOWED)");
        }
        MailboxLimits mailbox = config.stomp().mailbox();
        out.println("stomp: " + config.stompBackend().describe() + "; a subscriber over "
                + SizeConverter.format(mailbox.softLimitBytes()) + " pauses its publishers, over it for "
                + DurationText.format(java.time.Duration.ofNanos(mailbox.slowConsumerNanos())) + " is cut off (SLOW_CONSUMER)");
        int max = config.maxConnections();
        String connections = server.engine() == Engine.WSLAB ? ", at most " + max + (max == 1 ? " connection" : " connections") : "";
        out.println("limits: " + SizeConverter.format(config.maxMessageSize()) + " per frame and per message"
                + connections + ", idle timeout " + DurationText.format(config.idleTimeout()) + "; Ctrl-C stops");
        out.flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already running the hook: nothing to remove
        }
    }
}
