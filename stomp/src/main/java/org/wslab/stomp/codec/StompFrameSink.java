package org.wslab.stomp.codec;

/** Receives what a {@link StompDecoder} finds (STOMP 1.2 "STOMP Frames"): whole frames, and heart-beat EOLs between them ("Heart-beating"). */
public interface StompFrameSink {
    /** A complete frame (STOMP 1.2 "STOMP Frames"). */
    void onFrame(StompFrame frame);

    /** An EOL between frames (STOMP 1.2 "Heart-beating"). */
    default void onHeartBeat() {
    }
}
