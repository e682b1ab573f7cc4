package org.wslab.conformance.stomp;

import org.wslab.stomp.codec.StompFrame;

/**
 * What a {@link StompWire} saw the server do next (STOMP 1.2 "STOMP Frames", "Heart-beating"):
 * a whole STOMP frame, a heart-beat EOL, the end of the connection, silence until the deadline,
 * or octets that break STOMP's grammar or RFC 6455 §5.2.
 */
sealed interface StompEvent {
    /** A decoded frame. */
    record Frame(StompFrame frame) implements StompEvent {}

    /** An EOL between frames (a heart-beat). */
    record Beat() implements StompEvent {}

    /** The server closed the WebSocket (Close frame) or the TCP connection; {@code how} says which. */
    record Closed(String how) implements StompEvent {}

    /** Nothing arrived before the deadline. */
    record Silence() implements StompEvent {}

    /** What arrived cannot be read as STOMP over WebSocket; {@code why} names the rule. */
    record Broken(String why) implements StompEvent {}
}
