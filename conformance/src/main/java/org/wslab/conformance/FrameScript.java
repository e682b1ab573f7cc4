package org.wslab.conformance;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
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

    @Override
    public Finding play(RawPeer peer, Duration timeout, long deadlineNanos) throws IOException, InterruptedException {
        ClientVerdict opened = peer.openingHandshake(timeout);
        if (opened instanceof ClientVerdict.Rejected r) {
            return new Finding(Verdict.FAILED, "the opening handshake failed: " + r.rule() + " — " + r.detail());
        }
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
