package org.wslab.framing.transport;

import java.util.concurrent.TimeUnit;

/**
 * The limits of a {@link Transport}, each with its default defined here once. The engine's own
 * limits (message size, handshake and close timeouts) are in
 * {@link org.wslab.framing.engine.EngineSettings}.
 *
 * @param loops            selector loops (threads); default one per core
 * @param maxConnections   connections a listener serves at once; one more is answered 503
 *                         (RFC 9110 §15.6.4) and closed
 * @param maxOutboundBytes bytes queued for one connection's socket before a send is refused
 *                         ({@link SendResult#OUTBOUND_FULL}); a message is accepted whole while the
 *                         queue is below the limit, so the queue never exceeds the limit plus one message
 * @param readBufferBytes  the size of each loop's one reused read buffer
 * @param lingerNanos      after the connection is CLOSED, how long a server drains the peer's input
 *                         after its FIN, and how long a client waits for the server's FIN (RFC 6455 §7.1.1)
 */
public record TransportSettings(int loops, int maxConnections, long maxOutboundBytes, int readBufferBytes,
                                long lingerNanos) {
    /** Connections per listener by default: what a 2-core lab machine holds with room to spare. */
    public static final int DEFAULT_MAX_CONNECTIONS = 20_000;
    /** Outbound bytes per connection by default: 1 MiB. */
    public static final long DEFAULT_MAX_OUTBOUND_BYTES = 1L << 20;
    /** Read buffer per loop by default: 64 KiB. */
    public static final int DEFAULT_READ_BUFFER_BYTES = 64 * 1024;
    /** Linger after CLOSED by default (RFC 6455 §7.1.1). */
    public static final long DEFAULT_LINGER_NANOS = TimeUnit.SECONDS.toNanos(2);

    public TransportSettings {
        if (loops < 1 || maxConnections < 1 || maxOutboundBytes < 1 || readBufferBytes < 1 || lingerNanos < 0) {
            throw new IllegalArgumentException("loops, limits and buffer are positive, linger non-negative");
        }
    }

    /** One loop per core and the defaults above. */
    public static TransportSettings defaults() {
        return new TransportSettings(Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_CONNECTIONS,
                DEFAULT_MAX_OUTBOUND_BYTES, DEFAULT_READ_BUFFER_BYTES, DEFAULT_LINGER_NANOS);
    }

    /** With {@code n} selector loops. */
    public TransportSettings withLoops(int n) {
        return new TransportSettings(n, maxConnections, maxOutboundBytes, readBufferBytes, lingerNanos);
    }

    /** With another connection limit. */
    public TransportSettings withMaxConnections(int n) {
        return new TransportSettings(loops, n, maxOutboundBytes, readBufferBytes, lingerNanos);
    }

    /** With another outbound limit per connection. */
    public TransportSettings withMaxOutboundBytes(long bytes) {
        return new TransportSettings(loops, maxConnections, bytes, readBufferBytes, lingerNanos);
    }

    /** With another read buffer size (tests: 1 byte reads every split). */
    public TransportSettings withReadBufferBytes(int bytes) {
        return new TransportSettings(loops, maxConnections, maxOutboundBytes, bytes, lingerNanos);
    }

    /** With another linger time. */
    public TransportSettings withLingerNanos(long nanos) {
        return new TransportSettings(loops, maxConnections, maxOutboundBytes, readBufferBytes, nanos);
    }

    /** The low-water mark: {@link WebSocketHandler#onWritable()} fires when the queue drains below it. */
    long lowWaterBytes() {
        return maxOutboundBytes / 2;
    }
}
