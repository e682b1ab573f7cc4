package org.wslab.conformance.cases;

import static org.wslab.conformance.cases.Cases.actions;
import static org.wslab.conformance.cases.Cases.fails;
import static org.wslab.conformance.cases.Cases.must;
import static org.wslab.conformance.cases.Cases.send;
import static org.wslab.conformance.cases.Cases.utf8;

import java.util.List;
import org.wslab.conformance.CaseId;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Reply;
import org.wslab.conformance.Rule;
import org.wslab.conformance.peer.Chop;
import org.wslab.conformance.peer.WireFrame;

/**
 * Autobahn 3.x, "Reserved Bits": with no extension negotiated, a frame with any of RSV1-RSV3 set
 * fails the connection (RFC 6455 §5.2), and nothing after it is processed.
 */
public final class ReservedBitsCases {
    private static final Rule RSV = Rule.rfc6455("5.2", "RSV1-3 MUST be 0 unless an extension defines them;"
            + " on a non-zero value the receiver MUST Fail the WebSocket Connection");

    private ReservedBitsCases() {}

    /** The 7 cases. */
    public static List<ConformanceCase> cases() {
        return List.of(
                must(id(1), "a text message with RSV = 1", RSV,
                        actions(send(WireFrame.text("Hello, world!").withRsv(1))), fails()),
                afterEcho(2, 2, Chop.ONE_WRITE),
                afterEcho(3, 3, Chop.PER_FRAME),
                afterEcho(4, 4, Chop.PER_OCTET),
                must(id(5), "a binary message with RSV = 5", RSV,
                        actions(send(WireFrame.binary(new byte[] {0, 1, 2, 3}).withRsv(5))), fails()),
                must(id(6), "a Ping with RSV = 6", RSV,
                        actions(send(WireFrame.ping(utf8("Hello, world!")).withRsv(6))), fails()),
                must(id(7), "a Close with RSV = 7", RSV,
                        actions(send(WireFrame.close(WireFrame.closeBody(1000, "")).withRsv(7))), fails()));
    }

    /** A good message (echoed), the same with {@code rsv} set (fails), then a Ping (never answered). */
    private static ConformanceCase afterEcho(int n, int rsv, Chop chop) {
        return must(id(n), "a text message, the same with RSV = " + rsv + ", then a Ping, " + chop, RSV,
                actions(send(chop, WireFrame.text("small"), WireFrame.text("small").withRsv(rsv),
                        WireFrame.ping(utf8("ping payload")))),
                fails(Reply.text("small")));
    }

    private static CaseId id(int n) {
        return CaseId.of("rsv", 3, n);
    }
}
