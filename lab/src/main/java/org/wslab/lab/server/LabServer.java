package org.wslab.lab.server;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A running lab server: one engine (Jetty, or our own engine on plain sockets) serving the
 * endpoints of an {@link EndpointRegistry} under one {@link LabServerConfig}. Start it with
 * {@code org.wslab.lab.engines.LabServers.start}; {@link #close()} stops it gracefully and is idempotent.
 * With {@link LabServerConfig#tls()} it listens twice, plain and TLS, serving the same endpoints on
 * both ({@code ws://} and {@code wss://}, RFC 6455 §4.1, §10.6).
 */
public interface LabServer extends AutoCloseable {

    /** The engine serving. */
    Engine engine();

    /** The port actually bound (the chosen one when the config asked for 0). */
    int port();

    /** The endpoints served. */
    List<LabEndpoint> endpoints();

    /** The server's base URL, {@code http://host:port/}, where the index page is. */
    URI baseUri();

    /** The {@code ws://} URL of {@code endpoint}. */
    default URI webSocketUri(LabEndpoint endpoint) {
        URI base = baseUri();
        return URI.create("ws://" + base.getRawAuthority() + endpoint.path());
    }

    /** The TLS port actually bound, when the config asked for a TLS listener. */
    OptionalInt tlsPort();

    /** The TLS listener's base URL, {@code https://host:tlsPort/}, when there is one. */
    default Optional<URI> secureBaseUri() {
        OptionalInt tls = tlsPort();
        URI base = baseUri();
        return tls.isPresent()
                ? Optional.of(URI.create("https://" + base.getHost() + ":" + tls.getAsInt() + "/"))
                : Optional.empty();
    }

    /** The {@code wss://} URL of {@code endpoint}, when there is a TLS listener. */
    default Optional<URI> secureWebSocketUri(LabEndpoint endpoint) {
        return secureBaseUri().map(base -> URI.create("wss://" + base.getRawAuthority() + endpoint.path()));
    }

    /** Every endpoint with its URL: the {@code ws://} ones, then the {@code wss://} ones when there is a TLS listener. */
    default List<Map.Entry<LabEndpoint, URI>> webSocketUris() {
        List<Map.Entry<LabEndpoint, URI>> all = new ArrayList<>();
        for (LabEndpoint e : endpoints()) {
            all.add(Map.entry(e, webSocketUri(e)));
        }
        for (LabEndpoint e : endpoints()) {
            secureWebSocketUri(e).ifPresent(wss -> all.add(Map.entry(e, wss)));
        }
        return all;
    }

    /** Connections open now on every listener (handshaking, open or closing). */
    int openConnections();

    /** Blocks until the server has stopped (by {@link #close()} from another thread). */
    void awaitStopped() throws InterruptedException;

    /** Stops accepting, lets open exchanges finish within the stop timeout, then closes the rest. */
    @Override
    void close();
}
