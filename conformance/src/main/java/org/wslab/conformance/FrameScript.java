package org.wslab.conformance;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.wslab.conformance.peer.FramePeer;
import org.wslab.conformance.peer.RawPeer;
import org.wslab.handshake.ClientVerdict;

/**
 * A case made of frames (RFC 6455 §5): the standard opening handshake (§4.1), then the
 * {@link Action actions} in order, then the {@link Judge} compares what the server did with
 * the {@link Expectation}.
 *
 * @param actions     what it sends, in order
 * @param expectation what a conforming server does
 */
public record FrameScript(List<Action> actions, Expectation expectation) implements Script {
    /**
     * Frames a case is given one second for on top of the run's timeout: a message in 65,536 frames of
     * 64 bytes (Autobahn 9.3.1, 9.4.1) is seconds of work for a conforming server (plain Jetty 12.1 took
     * 4.4 s here), which a 5 s case timeout would judge as silence.
     */
    static final int FRAMES_PER_SECOND = 8192;
    /**
     * Awaited echoes a case is given one second for on top of that: each round trip waits for its echo
     * before the next message, so a thousand small ones (Autobahn 9.7, 9.8) cost a thousand scheduling
     * turns at both ends whatever their size — on a loaded 2-core machine about 4 ms each.
     */
    static final long ROUND_TRIPS_PER_SECOND = 100;

    public FrameScript {
        actions = List.copyOf(actions);
        java.util.Objects.requireNonNull(expectation, "expectation");
    }

    @Override
    public String sends() {
        return actions.stream().map(Action::describe).collect(Collectors.joining("; then "));
    }

    @Override
    public String expects() {
        return expectation.describe();
    }

    /** {@code given}, plus time for the frames sent ({@link #FRAMES_PER_SECOND}) and the echoes awaited ({@link #ROUND_TRIPS_PER_SECOND}). */
    @Override
    public Duration timeout(Duration given) {
        long frames = 0;
        long awaited = 0;
        for (Action a : actions) {
            if (a instanceof Action.Send send) {
                frames += send.frames().size();
            } else if (a instanceof Action.RoundTrips trips) {
                frames += trips.count();
                awaited += trips.count();
            }
        }
        return given.plusMillis(frames * 1000 / FRAMES_PER_SECOND + awaited * 1000 / ROUND_TRIPS_PER_SECOND);
    }

    @Override
    public Finding play(Dial dial, Duration timeout, long deadlineNanos) throws IOException, InterruptedException {
        RawPeer peer = dial.tcp();
        ClientVerdict opened = peer.openingHandshake(timeout);
        if (opened instanceof ClientVerdict.Rejected r) {
            return new Finding(Verdict.FAILED, "the opening handshake failed: " + r.rule() + " — " + r.detail());
        }
        return playFrames(peer, deadlineNanos);
    }

    /**
     * Plays the actions on an upgraded connection and judges what the other end does by
     * {@code deadlineNanos}: the part of {@link #play} after the opening handshake, which a client
     * under test ({@code AcceptedPeer}, the frames mirrored, §5.1) is judged by too.
     */
    public Finding playFrames(FramePeer peer, long deadlineNanos) throws IOException, InterruptedException {
        Judge judge = new Judge(peer, deadlineNanos);
        for (Action a : actions) {
            peer.log().note(a.describe());
            if (a instanceof Action.Send s) {
                peer.send(s.frames(), s.chop());
            } else if (a instanceof Action.Pause p) {
                Thread.sleep(p.length().toMillis());
            } else if (a instanceof Action.RoundTrips t) {
                Finding broken = judge.roundTrips(t, expectation);
                if (broken != null) {
                    return broken;
                }
            }
        }
        return judge.judge(expectation);
    }
}
