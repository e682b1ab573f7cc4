package org.wslab.stomp.session;

import org.wslab.stomp.codec.StompFrame;

/**
 * Serialises writes to a {@link StompServerOutput} coming from the session's own thread and from
 * publishers' threads (broker deliveries), and drops them after close (STOMP 1.2 "ERROR": nothing
 * follows the ERROR frame).
 */
final class SerialOutput {
    private final StompServerOutput output;
    private boolean closed;

    SerialOutput(StompServerOutput output) {
        this.output = output;
    }

    synchronized void write(byte[] octets, StompFrame frame) {
        if (!closed) {
            output.write(octets, frame);
        }
    }

    synchronized void close() {
        if (!closed) {
            closed = true;
            output.close();
        }
    }
}
