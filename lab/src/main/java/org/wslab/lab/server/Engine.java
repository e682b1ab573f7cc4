package org.wslab.lab.server;

/**
 * The server engines the lab can run. Each serves every {@link EndpointKind} of the registry with
 * the same limits, so a test or a person can compare them.
 *
 * <p>Names only: this package knows no engine. {@code org.wslab.lab.engines.LabServers} starts
 * one. To add an engine: implement {@link LabServer} in its own package (e.g.
 * {@code ...server.socket} for our engine on plain sockets), add a constant here and its case in
 * {@code LabServers}, and it is selectable with {@code wslab serve --engine NAME}.
 */
public enum Engine {
    /** Embedded Jetty 12 with its WebSocket server. */
    JETTY,
    /** Our own engine ({@code framing}'s sans-I/O connection) on plain sockets. */
    WSLAB;

    /** The name used on the command line. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
