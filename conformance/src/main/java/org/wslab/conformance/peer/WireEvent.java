package org.wslab.conformance.peer;

import java.util.Objects;

/**
 * One entry of a {@link WireLog}: bytes written or read at a moment, or a note on them (a frame's
 * labelled dump, "server closed TCP").
 *
 * @param atNanos   nanoseconds since the log started
 * @param direction which way, or a note
 * @param bytes     the octets (empty for a note)
 * @param text      a frame dump or a note (empty for raw bytes)
 */
public record WireEvent(long atNanos, Direction direction, byte[] bytes, String text) {
    /** Which way the bytes went. */
    public enum Direction {
        /** Client (us) to server: a write. */
        SENT,
        /** Server to client: a read. */
        RECEIVED,
        /** A frame we sent, labelled. */
        SENT_FRAME,
        /** A frame the server sent, labelled. */
        RECEIVED_FRAME,
        /** Something that happened to the connection. */
        NOTE
    }

    public WireEvent {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(text, "text");
    }
}
