package org.wslab.lab.server;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.transport.TransportSettings;
import org.wslab.handshake.OriginPattern;
import org.wslab.handshake.OriginPolicy;
import org.wslab.lab.server.watch.ServeWatch;
import org.wslab.lab.stomp.StompBackend;
import org.wslab.stomp.session.StompServerConfig;

/**
 * The settings every lab server engine honours, with the lab's defaults.
 *
 * @param host            the address to bind ({@code 127.0.0.1} by default: the lab is not a public server)
 * @param port            the port; 0 picks a free one (read it back from {@link LabServer#port()})
 * @param maxMessageSize  the largest frame and the largest message in bytes, text or binary
 *                        (RFC 6455 §10.4; a bigger one closes with 1009). Default 16 MiB, where Jetty's own
 *                        default is 64 KiB.
 * @param idleTimeout     a WebSocket connection silent this long is closed
 * @param stopTimeout     how long a graceful stop waits for open connections before closing them
 * @param stompBackend    where the STOMP endpoint's {@code /topic} and {@code /queue} traffic goes
 *                        (in-memory broker by default, or a relay to an external STOMP broker)
 * @param maxConnections  connections served at once by an engine that counts them (our NIO
 *                        engine; one more gets 503); Jetty sizes its own pool
 * @param stomp           the STOMP sessions' settings on both engines: versions, heart-beats, limits,
 *                        and the mailbox limits of flow control and slow-consumer cut-off
 *                        ({@link StompServerConfig#DEFAULT} by default)
 * @param tls             a TLS listener beside the plain one, serving the same endpoints as {@code wss://}
 *                        (RFC 6455 §4.2, §10.6); none by default
 * @param origins         the Origin allow-list of both engines and both listeners (RFC 6455 §4.2.2 (4),
 *                        §10.2): an upgrade whose Origin none matches gets 403, one without Origin is
 *                        served; empty (the default) serves any Origin
 * @param watch           what {@code serve --log} / {@code --trace} show of the traffic, the same on both
 *                        engines (RFC 6455 §4.2.2 decisions, §5.2 frames); {@link ServeWatch#off()} by default
 */
public record LabServerConfig(String host, int port, long maxMessageSize, Duration idleTimeout,
                              Duration stopTimeout, StompBackend stompBackend, int maxConnections,
                              StompServerConfig stomp, Optional<LabTls> tls,
                              List<OriginPattern> origins, ServeWatch watch) {
    /** Default bind address. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Default port. */
    public static final int DEFAULT_PORT = 8080;
    /** Default frame and message limit: the engine's, 16 MiB. */
    public static final long DEFAULT_MAX_MESSAGE_SIZE = EngineSettings.DEFAULT_MAX_SIZE;
    /** Default idle timeout. */
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);
    /** Default connection limit of our socket engine: the transport's. */
    public static final int DEFAULT_MAX_CONNECTIONS = TransportSettings.DEFAULT_MAX_CONNECTIONS;
    /** Default graceful-stop wait. */
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(2);

    public LabServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(stopTimeout, "stopTimeout");
        Objects.requireNonNull(stompBackend, "stompBackend");
        Objects.requireNonNull(stomp, "stomp");
        Objects.requireNonNull(tls, "tls");
        origins = List.copyOf(origins);
        Objects.requireNonNull(watch, "watch");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxMessageSize < 1 || maxMessageSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("message size limit out of range: " + maxMessageSize);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("at least one connection, not " + maxConnections);
        }
    }

    /** These settings with the in-memory STOMP broker. */
    public LabServerConfig(String host, int port, long maxMessageSize, Duration idleTimeout, Duration stopTimeout) {
        this(host, port, maxMessageSize, idleTimeout, stopTimeout, StompBackend.IN_MEMORY, DEFAULT_MAX_CONNECTIONS,
                StompServerConfig.DEFAULT, Optional.empty(), List.of(), ServeWatch.off());
    }

    /** The defaults: {@code 127.0.0.1:8080}, 16 MiB messages, 5 min idle, 2 s graceful stop, in-memory STOMP, 20,000 connections. */
    public static LabServerConfig defaults() {
        return new LabServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_MESSAGE_SIZE,
                DEFAULT_IDLE_TIMEOUT, DEFAULT_STOP_TIMEOUT);
    }

    /**
     * {@code http://host:port/} for a server bound to {@code boundPort} with these settings: a
     * wildcard address is shown as {@code 127.0.0.1}, an IPv6 literal in brackets (RFC 3986 §3.2.2).
     */
    public URI baseUri(int boundPort) {
        String shown = host;
        if (shown.isEmpty() || "0.0.0.0".equals(shown) || "::".equals(shown)) {
            shown = "127.0.0.1";
        } else if (shown.contains(":") && !shown.startsWith("[")) {
            shown = "[" + shown + "]";
        }
        return URI.create("http://" + shown + ":" + boundPort + "/");
    }

    /** These settings on another address. */
    public LabServerConfig withAddress(String newHost, int newPort) {
        return new LabServerConfig(newHost, newPort, maxMessageSize, idleTimeout, stopTimeout, stompBackend, maxConnections, stomp, tls, origins, watch);
    }

    /** These settings with another frame and message limit. */
    public LabServerConfig withMaxMessageSize(long bytes) {
        return new LabServerConfig(host, port, bytes, idleTimeout, stopTimeout, stompBackend, maxConnections, stomp, tls, origins, watch);
    }

    /** These settings with another STOMP backend (e.g. a relay). */
    public LabServerConfig withStompBackend(StompBackend backend) {
        return new LabServerConfig(host, port, maxMessageSize, idleTimeout, stopTimeout, backend, maxConnections, stomp, tls, origins, watch);
    }

    /** These settings with another connection limit (our socket engine). */
    public LabServerConfig withMaxConnections(int connections) {
        return new LabServerConfig(host, port, maxMessageSize, idleTimeout, stopTimeout, stompBackend, connections, stomp, tls, origins, watch);
    }

    /** These settings with other STOMP session settings (mailbox limits, heart-beats, versions). */
    public LabServerConfig withStomp(StompServerConfig sessions) {
        return new LabServerConfig(host, port, maxMessageSize, idleTimeout, stopTimeout, stompBackend, maxConnections,
                sessions, tls, origins, watch);
    }

    /** These settings with a TLS listener beside the plain one. */
    public LabServerConfig withTls(LabTls listener) {
        return new LabServerConfig(host, port, maxMessageSize, idleTimeout, stopTimeout, stompBackend, maxConnections,
                stomp, Optional.of(listener), origins, watch);
    }

    /** These settings serving only upgrades whose Origin one of {@code patterns} matches (or that have none). */
    public LabServerConfig withOrigins(List<OriginPattern> patterns) {
        return new LabServerConfig(host, port, maxMessageSize, idleTimeout, stopTimeout, stompBackend, maxConnections,
                stomp, tls, patterns, watch);
    }

    /** These settings showing their traffic as {@code watch} says ({@code serve --log}, {@code --trace}). */
    public LabServerConfig withWatch(ServeWatch shown) {
        return new LabServerConfig(host, port, maxMessageSize, idleTimeout, stopTimeout, stompBackend, maxConnections,
                stomp, tls, origins, shown);
    }

    /** The Origin check these settings ask for: {@link OriginPolicy#matching} of {@link #origins()}. */
    public OriginPolicy originPolicy() {
        return OriginPolicy.matching(origins);
    }
}
