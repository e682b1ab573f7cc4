package org.wslab.conformance.stomp;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.wslab.conformance.Dial;
import org.wslab.conformance.Finding;
import org.wslab.conformance.Script;
import org.wslab.conformance.Verdict;
import org.wslab.conformance.peer.RawPeer;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.ClientVerdict;

/**
 * A STOMP case (STOMP 1.0, 1.1, 1.2 over WebSocket): the opening handshake offering STOMP
 * sub-protocols (RFC 6455 §1.9, §4.1 (10); the STOMP version is still agreed by CONNECT, STOMP 1.2
 * "Protocol Negotiation"), then its {@link Step steps} in order — frames sent as WebSocket
 * messages (split across messages, several in one, raw octets with bad escapes, as the case
 * writes them), and what the server must send back, judged frame by frame. Frames both ways
 * are shown in the wire log as STOMP text ({@code >>>} sent, {@code <<<} received, control octets
 * in caret notation).
 *
 * @param subprotocols the sub-protocols offered, in order
 * @param steps        what is sent and expected, in order
 */
public record StompScript(List<String> subprotocols, List<Step> steps) implements Script {
    /** The offer of the STOMP over WebSocket convention: every version's sub-protocol. */
    public static final List<String> STOMP_SUBPROTOCOLS = List.of("v12.stomp", "v11.stomp", "v10.stomp");

    public StompScript {
        subprotocols = List.copyOf(subprotocols);
        steps = List.copyOf(steps);
    }

    /** A script offering every STOMP sub-protocol. */
    static StompScript of(List<Step> steps) {
        return new StompScript(STOMP_SUBPROTOCOLS, steps);
    }

    @Override
    public String sends() {
        return steps.stream().filter(Step::sends).map(Step::describe).collect(Collectors.joining("; then "));
    }

    @Override
    public String expects() {
        return steps.stream().filter(s -> !s.sends()).map(Step::describe).collect(Collectors.joining("; then "));
    }

    @Override
    public Finding play(Dial dial, Duration timeout, long deadlineNanos) throws IOException, InterruptedException {
        RawPeer peer = dial.tcp();
        ClientVerdict opened = peer.openingHandshake(timeout, ClientOptions.defaults()
                .withSubprotocols(subprotocols.toArray(String[]::new)));
        if (opened instanceof ClientVerdict.Rejected r) {
            return new Finding(Verdict.FAILED, "the opening handshake failed: " + r.rule() + " — " + r.detail());
        }
        StompRun run = new StompRun(new StompWire(peer), peer.uri().host(), deadlineNanos);
        run.subprotocol = ((ClientVerdict.Accepted) opened).subprotocol().orElse(null);
        peer.log().note("sub-protocol: " + (run.subprotocol == null ? "(none)" : run.subprotocol));
        for (Step s : steps) {
            Finding f = s.run(run);
            if (f != null) {
                return f;
            }
        }
        return new Finding(Verdict.OK, String.join("; ", run.seen));
    }
}
