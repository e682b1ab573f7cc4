package org.wslab.conformance.peer;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * One upgraded WebSocket connection as a case's judge sees it, whichever end we play: frames out
 * (RFC 6455 §5.2, each masked or not as its sender's role requires, §5.1, §5.3), the next thing the
 * other end does, and the {@link WireLog} of both ways. {@link RawPeer} is the client end (the
 * server is under test); {@link AcceptedPeer} the server end (the client is under test).
 */
public interface FramePeer {
    /** The bytes both ways so far. */
    WireLog log();

    /** Writes {@code frames}, cut into writes as {@code chop} says; a no-op noted in the log once the other end has gone. */
    void send(List<WireFrame> frames, Chop chop) throws IOException;

    /** The next thing the other end does within {@code timeout}: a frame, a TCP close, silence or bad bytes. */
    Observation next(Duration timeout) throws IOException;

    /**
     * How a verdict says the server closed what carries the frames, as {@code closed} saw it, before
     * or without the closing handshake: TCP here (RFC 6455 §7.1.7).
     */
    default String closedText(Observation.TcpClosed closed) {
        return "the server closed TCP (" + closed.how() + ")";
    }

    /** How a verdict says the other end closed what carries the frames after the closing handshake. */
    default String closedText() {
        return "closed TCP (§7.1.1)";
    }
}
