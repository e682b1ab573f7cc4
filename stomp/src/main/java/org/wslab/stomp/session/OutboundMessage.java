package org.wslab.stomp.session;

import org.wslab.stomp.codec.StompFrame;

/**
 * One WebSocket message a STOMP session wants sent (STOMP 1.2 "Server Frames", and EOLs for
 * "Heart-beating"): the octets, and the frame they encode — null for a heart-beat EOL.
 *
 * @param octets the STOMP octets, already encoded under the negotiated version
 * @param frame  the frame, or null for a heart-beat
 */
public record OutboundMessage(byte[] octets, StompFrame frame) {
    /** True for a heart-beat EOL. */
    public boolean isHeartBeat() {
        return frame == null;
    }
}
