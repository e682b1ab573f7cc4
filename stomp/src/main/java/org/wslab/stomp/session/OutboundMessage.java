package org.wslab.stomp.session;

import org.wslab.stomp.codec.StompEncoder;
import org.wslab.stomp.codec.StompFrame;

/**
 * One WebSocket message a STOMP session wants sent: an encoded frame (STOMP 1.2 "Server Frames")
 * or a heart-beat EOL ("Heart-beating"). Either way {@link #octets()} are what goes on the wire,
 * already encoded under the negotiated version.
 */
public sealed interface OutboundMessage {
    /** The STOMP octets to send as one WebSocket message. */
    byte[] octets();

    /** True for a heart-beat EOL. */
    default boolean isHeartBeat() {
        return this instanceof Beat;
    }

    /** A frame and its encoding. */
    record Frame(byte[] octets, StompFrame frame) implements OutboundMessage {}

    /** A heart-beat: one EOL. */
    record Beat() implements OutboundMessage {
        @Override
        public byte[] octets() {
            return StompEncoder.HEART_BEAT;
        }
    }
}
