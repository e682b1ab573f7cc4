package org.wslab.conformance.cases;

import static org.wslab.conformance.cases.Cases.actions;
import static org.wslab.conformance.cases.Cases.echoes;
import static org.wslab.conformance.cases.Cases.fails;
import static org.wslab.conformance.cases.Cases.frame;
import static org.wslab.conformance.cases.Cases.must;
import static org.wslab.conformance.cases.Cases.send;
import static org.wslab.conformance.cases.Cases.utf8;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wslab.conformance.Action;
import org.wslab.conformance.CaseId;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Reply;
import org.wslab.conformance.Rule;
import org.wslab.conformance.peer.Chop;
import org.wslab.conformance.peer.WireFrame;
import org.wslab.framing.codec.Opcode;

/**
 * Autobahn 5.x, "Fragmentation": a message in fragments is reassembled (RFC 6455 §5.4), control
 * frames may come between its fragments but are never fragmented themselves (§5.5), and a
 * continuation with nothing to continue, or a new message inside an unfinished one, fails the
 * connection (§5.4).
 */
public final class FragmentationCases {
    /** The pause between fragments in 5.19 and 5.20 (Autobahn waits 1 s; the rule is the same). */
    static final Duration PAUSE = Duration.ofMillis(100);

    private static final Rule CONTROL = Rule.rfc6455("5.5", "control frames MUST NOT be fragmented");
    private static final Rule REASSEMBLE = Rule.rfc6455("5.4",
            "a fragmented message is one frame with FIN clear, continuations, and a final frame with FIN set");
    private static final Rule INJECT = Rule.rfc6455("5.4",
            "control frames MAY be injected in the middle of a fragmented message, and are answered there");
    private static final Rule ORDER = Rule.rfc6455("5.4",
            "a continuation only continues a started message, and a new message waits for the last to end;"
                    + " otherwise the receiver MUST Fail the WebSocket Connection");

    private FragmentationCases() {}

    /** The 20 cases. */
    public static List<ConformanceCase> cases() {
        List<ConformanceCase> c = new ArrayList<>();
        for (Opcode control : List.of(Opcode.PING, Opcode.PONG)) {
            c.add(must(id(c.size() + 1), "a " + control + " in two fragments", CONTROL,
                    actions(send(frame(false, control, "fragment1"), frame(true, Opcode.CONTINUATION, "fragment2"))),
                    fails()));
        }
        for (Chop chop : List.of(Chop.ONE_WRITE, Chop.PER_FRAME, Chop.PER_OCTET)) {
            c.add(must(id(c.size() + 1), "a text message in two fragments, " + chop, REASSEMBLE,
                    actions(send(chop, frame(false, Opcode.TEXT, "fragment1"), frame(true, Opcode.CONTINUATION, "fragment2"))),
                    echoes(Reply.text("fragment1fragment2"))));
        }
        for (Chop chop : List.of(Chop.ONE_WRITE, Chop.PER_FRAME, Chop.PER_OCTET)) {
            c.add(must(id(c.size() + 1), "a text message in two fragments with a Ping between them, " + chop, INJECT,
                    actions(send(chop, frame(false, Opcode.TEXT, "fragment1"), WireFrame.ping(utf8("ping payload")),
                            frame(true, Opcode.CONTINUATION, "fragment2"))),
                    echoes(Reply.pong(utf8("ping payload")), Reply.text("fragment1fragment2"))));
        }
        for (boolean fin : new boolean[] {true, false}) {
            for (Chop chop : List.of(Chop.ONE_WRITE, Chop.PER_FRAME, Chop.PER_OCTET)) {
                c.add(must(id(c.size() + 1), "a continuation (FIN " + (fin ? "set" : "clear")
                                + ") with nothing to continue, then a text message, " + chop, ORDER,
                        actions(send(chop, frame(fin, Opcode.CONTINUATION, "non-continuation payload"),
                                WireFrame.text("Hello, world!"))),
                        fails()));
            }
        }
        c.add(must(id(15), "a message in two fragments, then a continuation with nothing to continue", ORDER,
                actions(send(frame(false, Opcode.TEXT, "fragment1"), frame(true, Opcode.CONTINUATION, "fragment2"),
                        frame(false, Opcode.CONTINUATION, "fragment3"), frame(true, Opcode.TEXT, "fragment4"))),
                fails(Reply.text("fragment1fragment2"))));
        for (boolean fin : new boolean[] {false, true}) {
            List<WireFrame> twice = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                twice.add(frame(fin, Opcode.CONTINUATION, "fragment1"));
                twice.add(frame(false, Opcode.TEXT, "fragment2"));
                twice.add(frame(true, Opcode.CONTINUATION, "fragment3"));
            }
            c.add(must(id(c.size() + 1), "twice: a continuation (FIN " + (fin ? "set" : "clear")
                    + ") with nothing to continue, then a message in two fragments", ORDER,
                    actions(new Action.Send(twice, Chop.ONE_WRITE)), fails()));
        }
        c.add(must(id(18), "a message in two fragments, both with opcode TEXT", ORDER,
                actions(send(frame(false, Opcode.TEXT, "fragment1"), frame(true, Opcode.TEXT, "fragment2"))), fails()));
        c.add(slowFragments(19, Chop.ONE_WRITE));
        c.add(slowFragments(20, Chop.PER_FRAME));
        return c;
    }

    /** Five fragments sent with pauses, a Ping after the 2nd and the 4th: two Pongs, then the whole message. */
    private static ConformanceCase slowFragments(int n, Chop chop) {
        List<Action> a = new ArrayList<>();
        a.add(send(chop, frame(false, Opcode.TEXT, "fragment1"), frame(false, Opcode.CONTINUATION, "fragment2")));
        a.add(send(chop, WireFrame.ping(utf8("pongme 1!"))));
        a.add(new Action.Pause(PAUSE));
        a.add(send(chop, frame(false, Opcode.CONTINUATION, "fragment3")));
        a.add(new Action.Pause(PAUSE));
        a.add(send(chop, frame(false, Opcode.CONTINUATION, "fragment4"), WireFrame.ping(utf8("pongme 2!"))));
        a.add(new Action.Pause(PAUSE));
        a.add(send(chop, frame(true, Opcode.CONTINUATION, "fragment5")));
        return must(id(n), "a text message in five fragments sent slowly, with two Pings between them, " + chop, INJECT, a,
                echoes(Reply.pong(utf8("pongme 1!")), Reply.pong(utf8("pongme 2!")),
                        Reply.text("fragment1fragment2fragment3fragment4fragment5")));
    }

    private static CaseId id(int n) {
        return CaseId.of("fragmentation", 5, n);
    }
}
