package org.wslab.stomp.session;

import java.util.List;
import java.util.Optional;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.codec.StompEncoder;
import org.wslab.stomp.codec.StompFrame;

/**
 * What a {@link StompServerSession} sends (STOMP 1.2 "Server Frames", "Heart-beating", "ERROR"):
 * frames encoded under the negotiated version ("Value Encoding": one the version cannot spell is
 * refused, not thrown) and heart-beat EOLs, each marking the {@link HeartBeatClock}; an ERROR
 * naming a violation carries the frame's receipt when the version can write it. Not thread-safe.
 */
final class ServerOutput {
    private final OutboundQueue queue = new OutboundQueue();
    private final HeartBeatClock clock;

    ServerOutput(HeartBeatClock clock) {
        this.clock = clock;
    }

    /** Encodes and queues {@code frame}; the violation instead (nothing queued) when {@code version} cannot spell it. */
    Optional<StompViolation> frame(StompFrame frame, StompVersion version, long nowNanos) {
        Optional<StompViolation> problem = StompEncoder.check(frame, version);
        if (problem.isEmpty()) {
            add(new OutboundMessage.Frame(StompEncoder.encode(frame, version), frame), nowNanos);
        }
        return problem;
    }

    /**
     * Queues the ERROR for {@code cited} ({@code versions}: the server's, for a version refusal),
     * with {@code receipt} unless the version cannot write it; an ERROR it cannot spell at all is
     * dropped (the session ends all the same).
     */
    void error(StompViolation cited, String receipt, String versions, StompVersion version, long nowNanos) {
        StompFrame error = ErrorFrames.of(cited, receipt, versions);
        if (StompEncoder.check(error, version).isPresent()) {
            error = ErrorFrames.of(cited, null, versions);
        }
        frame(error, version, nowNanos);
    }

    /** Queues a heart-beat EOL. */
    void beat(long nowNanos) {
        add(new OutboundMessage.Beat(), nowNanos);
    }

    private void add(OutboundMessage m, long nowNanos) {
        queue.add(m);
        clock.sent(nowNanos);
    }

    /** Octets waiting to be taken. */
    long bytes() {
        return queue.bytes();
    }

    /** Everything queued, in order; the queue is left empty. */
    List<OutboundMessage> take() {
        return queue.take();
    }
}
