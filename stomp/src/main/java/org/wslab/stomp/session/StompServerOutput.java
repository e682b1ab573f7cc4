package org.wslab.stomp.session;

import org.wslab.stomp.codec.StompFrame;

/**
 * Where a {@link StompServerSession} writes (STOMP 1.2 "Server Frames", and EOLs for "Heart-beating"): the transport (a Jetty WebSocket session, a socket,
 * a test). Calls may come from several threads (a broker delivers on the publisher's thread) but
 * never concurrently: the session serialises them.
 */
public interface StompServerOutput {
    /**
     * Writes one WebSocket message's worth of STOMP octets: an encoded frame, or a heart-beat EOL
     * ({@code frame} is null then).
     */
    void write(byte[] octets, StompFrame frame);

    /** Closes the connection, after everything written so far (STOMP 1.2 "Connection Lingering"). */
    void close();
}
