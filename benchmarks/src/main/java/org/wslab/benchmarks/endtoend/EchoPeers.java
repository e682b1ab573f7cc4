package org.wslab.benchmarks.endtoend;

/**
 * Open WebSocket connections to one echo endpoint (RFC 6455 §5.6), driven by one client library:
 * a benchmark sends one binary message on every connection, then waits for every echo.
 */
public interface EchoPeers extends AutoCloseable {
    /** The connections open. */
    int connections();

    /** Sends {@code payload} on every connection (all sent first), then waits for every echo. */
    void echoAll(byte[] payload);

    /** Sends {@code payload} on connection {@code i} only and waits for its echo. */
    void echoOne(int i, byte[] payload);

    /** The last message connection {@code i} received. */
    byte[] lastEcho(int i);

    /** Closes every connection and stops the client. */
    @Override
    void close();
}
