package org.wslab.conformance;

import java.io.IOException;
import java.time.Duration;

/**
 * How a case is played on one fresh connection, and what it expects: the frames of RFC 6455
 * §5 after a standard opening handshake ({@link FrameScript}), a request of the case's own
 * writing (§4.1, §4.2), STOMP frames inside WebSocket messages, or WebSocket over an HTTP/2 stream (RFC 8441). Open, so that a project can
 * write cases of its own beside the catalogue's.
 */
public interface Script {
    /** What the case sends, in words. */
    String sends();

    /** What a conforming server does, in words. */
    String expects();

    /**
     * Plays the case on the connection it opens with {@code dial} (a TCP one, {@link Dial#tcp()}, or an
     * HTTP/2 one, {@link Dial#http2()}), judging what the server
     * does by {@code deadlineNanos} ({@link System#nanoTime()}); {@code timeout} is the whole case's
     * budget. Answers the finding before strictness caps it; never throws for what the server does.
     *
     * @throws Dial.Unreachable     when the connection cannot be opened
     * @throws IOException          when the connection fails under the case
     * @throws InterruptedException when the run is interrupted
     */
    Finding play(Dial dial, Duration timeout, long deadlineNanos) throws IOException, InterruptedException;

    /**
     * The time the case is given when the run gives {@code given}: that, unless the script needs
     * more to move its bytes at all (a thousand compressed messages of 8 KiB take seconds).
     */
    default Duration timeout(Duration given) {
        return given;
    }
}
