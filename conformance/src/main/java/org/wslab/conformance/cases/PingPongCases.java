package org.wslab.conformance.cases;

import static org.wslab.conformance.cases.Cases.actions;
import static org.wslab.conformance.cases.Cases.echoes;
import static org.wslab.conformance.cases.Cases.fails;
import static org.wslab.conformance.cases.Cases.filled;
import static org.wslab.conformance.cases.Cases.must;
import static org.wslab.conformance.cases.Cases.send;
import static org.wslab.conformance.cases.Cases.utf8;
import static org.wslab.conformance.cases.Cases.with;

import java.util.ArrayList;
import java.util.List;
import org.wslab.conformance.Action;
import org.wslab.conformance.CaseId;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Reply;
import org.wslab.conformance.Rule;
import org.wslab.conformance.Strictness;
import org.wslab.conformance.peer.Chop;
import org.wslab.conformance.peer.WireFrame;

/**
 * Autobahn 2.x, "Pings/Pongs": a Ping is answered by a Pong with identical application data
 * (RFC 6455 §5.5.2, §5.5.3), a control frame carries at most 125 bytes (§5.5), an unsolicited
 * Pong needs no answer (§5.5.3).
 */
public final class PingPongCases {
    private static final Rule ANSWER = Rule.rfc6455("5.5.2",
            "upon receipt of a Ping an endpoint MUST send a Pong in response, with identical Application data (§5.5.3)");
    private static final Rule UNSOLICITED = Rule.rfc6455("5.5.3",
            "a Pong MAY be sent unsolicited; a response to an unsolicited Pong is not expected");
    private static final Rule MANY = Rule.rfc6455("5.5.3",
            "each Ping is answered; an endpoint MAY answer only the most recent of several Pings it has not yet answered");

    private PingPongCases() {}

    /** The 11 cases. */
    public static List<ConformanceCase> cases() {
        byte[] bin = {0x00, (byte) 0xFF, (byte) 0xFE, (byte) 0xFD, (byte) 0xFC, (byte) 0xFB, 0x00, (byte) 0xFF};
        byte[] max = filled(125, 0xFE);
        List<ConformanceCase> c = new ArrayList<>();
        c.add(pingPong(1, "a Ping without payload", new byte[0], Chop.ONE_WRITE));
        c.add(pingPong(2, "a Ping with a small text payload", utf8("Hello, world!"), Chop.ONE_WRITE));
        c.add(pingPong(3, "a Ping with a small binary payload", bin, Chop.ONE_WRITE));
        c.add(pingPong(4, "a Ping with the largest control payload, 125 bytes", max, Chop.ONE_WRITE));
        c.add(must(id(5), "a Ping with 126 bytes of payload",
                Rule.rfc6455("5.5", "all control frames MUST have a payload length of 125 bytes or less"),
                actions(send(WireFrame.ping(filled(126, 0xFE)))), fails()));
        c.add(pingPong(6, "a 125-byte Ping written one octet at a time", max, Chop.PER_OCTET));
        c.add(must(id(7), "an unsolicited Pong without payload", UNSOLICITED,
                actions(send(WireFrame.pong(new byte[0]))), echoes()));
        c.add(must(id(8), "an unsolicited Pong with payload", UNSOLICITED,
                actions(send(WireFrame.pong(utf8("unsolicited pong payload")))), echoes()));
        c.add(must(id(9), "an unsolicited Pong, then a Ping: only the Ping is answered", UNSOLICITED,
                actions(send(WireFrame.pong(utf8("unsolicited pong payload"))), send(WireFrame.ping(utf8("ping payload")))),
                echoes(Reply.pong(utf8("ping payload")))));
        c.add(tenPings(10, Chop.ONE_WRITE));
        c.add(tenPings(11, Chop.PER_OCTET));
        return c;
    }

    private static ConformanceCase pingPong(int n, String title, byte[] data, Chop chop) {
        return must(id(n), title, ANSWER, actions(send(chop, WireFrame.ping(data))), echoes(Reply.pong(data)));
    }

    /** Answering only the last of several Pings is allowed (§5.5.3 MAY), so missing Pongs are non-strict. */
    private static ConformanceCase tenPings(int n, Chop chop) {
        List<Action> sends = new ArrayList<>();
        Reply[] pongs = new Reply[10];
        for (int i = 0; i < 10; i++) {
            byte[] p = utf8("payload-" + i);
            sends.add(send(chop, WireFrame.ping(p)));
            pongs[i] = Reply.pong(p);
        }
        return with(Strictness.SHOULD, id(n), "ten Pings, " + chop + ", each answered", MANY, sends, echoes(pongs));
    }

    private static CaseId id(int n) {
        return CaseId.of("pingpong", 2, n);
    }
}
