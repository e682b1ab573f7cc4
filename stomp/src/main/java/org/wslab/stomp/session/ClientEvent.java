package org.wslab.stomp.session;

import org.wslab.stomp.StompViolation;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.StompVersion;

/**
 * What a {@link StompClientSession} reports from the server's side (STOMP 1.2 "Server Frames"),
 * in arrival order. A connection ends with exactly one {@link Closed}, preceded by an {@link Error}
 * (the server's ERROR frame) or a {@link Violation} (a rule this side found broken) unless it ended
 * cleanly after DISCONNECT's RECEIPT.
 */
public sealed interface ClientEvent {
    /**
     * CONNECTED arrived (STOMP 1.2 "CONNECTED Frame"): the version and heart-beats now apply.
     *
     * @param frame           the CONNECTED frame
     * @param version         the negotiated version
     * @param sendEveryMillis how often we owe the server a beat, 0 = never
     * @param expectEveryMillis how often the server owes us one, 0 = never
     */
    record Connected(StompFrame frame, StompVersion version, long sendEveryMillis, long expectEveryMillis)
            implements ClientEvent {}

    /**
     * A MESSAGE (STOMP 1.2 "MESSAGE") for {@code subscription}: its {@code subscription} header (1.0
     * servers may omit it: then its {@code destination}).
     */
    record Message(String subscription, StompFrame frame) implements ClientEvent {}

    /** The RECEIPT (STOMP 1.2 "RECEIPT") answering the frame sent with {@code receiptId}. */
    record Receipt(String receiptId, StompFrame frame) implements ClientEvent {}

    /** The server's ERROR frame (STOMP 1.2 "ERROR"); {@link Closed} follows. */
    record Error(StompFrame frame) implements ClientEvent {}

    /** This side found a rule broken (malformed input, silence past the heart-beat tolerance, a lost transport); {@link Closed} follows. */
    record Violation(StompViolation violation) implements ClientEvent {}

    /**
     * The connection is over; the last event.
     *
     * @param clean true after DISCONNECT's RECEIPT (STOMP 1.2 "DISCONNECT"), false after an {@link Error} or {@link Violation}
     */
    record Closed(boolean clean) implements ClientEvent {}
}
