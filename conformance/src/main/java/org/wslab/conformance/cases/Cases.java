package org.wslab.conformance.cases;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.wslab.conformance.Action;
import org.wslab.conformance.CaseId;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Ending;
import org.wslab.conformance.Expectation;
import org.wslab.conformance.Reply;
import org.wslab.conformance.Rule;
import org.wslab.conformance.Strictness;
import org.wslab.conformance.peer.Chop;
import org.wslab.conformance.peer.WireFrame;
import org.wslab.framing.codec.Opcode;

/** The small vocabulary the category classes write their cases in. */
final class Cases {
    /** Close 1002, protocol error (§7.4.1): what a failed connection should say. */
    static final Set<Integer> PROTOCOL_ERROR = Set.of(1002);

    private Cases() {}

    static ConformanceCase must(CaseId id, String title, Rule rule, List<Action> actions, Expectation e) {
        return new ConformanceCase(id, title, rule, actions, e, Strictness.MUST);
    }

    static ConformanceCase with(Strictness s, CaseId id, String title, Rule rule, List<Action> actions, Expectation e) {
        return new ConformanceCase(id, title, rule, actions, e, s);
    }

    /** Replies in order, then the closing handshake we start (§5.5.1). */
    static Expectation echoes(Reply... replies) {
        return new Expectation(List.of(replies), new Ending.CloseNormally());
    }

    /** Replies in order, then the connection failed with 1002 (§7.1.7). */
    static Expectation fails(Reply... replies) {
        return new Expectation(List.of(replies), new Ending.FailConnection(PROTOCOL_ERROR));
    }

    /** Frames in one write. */
    static Action send(WireFrame... frames) {
        return new Action.Send(List.of(frames), Chop.ONE_WRITE);
    }

    /** Frames in {@code chop}s. */
    static Action send(Chop chop, WireFrame... frames) {
        return new Action.Send(List.of(frames), chop);
    }

    static List<Action> actions(Action... a) {
        return List.of(a);
    }

    /** A masked data or continuation frame. */
    static WireFrame frame(boolean fin, Opcode op, String payload) {
        return WireFrame.of(fin, op.code(), utf8(payload));
    }

    /** {@code n} copies of {@code b}: Autobahn fills text with {@code '*'} and binary with {@code 0xFE}. */
    static byte[] filled(int n, int b) {
        byte[] p = new byte[n];
        Arrays.fill(p, (byte) b);
        return p;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
