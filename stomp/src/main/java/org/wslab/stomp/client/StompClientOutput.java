package org.wslab.stomp.client;

/** Where a {@link StompClient} writes (STOMP 1.2 "Client Frames", EOL heart-beats): one WebSocket message per call, then close. */
public interface StompClientOutput {
    /** Sends one WebSocket message of STOMP octets (a frame or a heart-beat EOL). */
    void write(byte[] octets);

    /** Closes the transport. */
    void close();
}
