package org.wslab.conformance.serve;

import java.util.List;
import org.wslab.conformance.CaseId;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Rule;
import org.wslab.conformance.Selection;
import org.wslab.conformance.Strictness;
import org.wslab.conformance.stomp.StompClientScript;
import org.wslab.conformance.stomp.StompSteps;

/**
 * The cases a STOMP client under test is played in client mode (category {@code stompclient}):
 * each connection is one conversation — the client CONNECTs, SUBSCRIBEs, SENDs to what it
 * subscribed to, takes the MESSAGE and DISCONNECTs — and each case judges one rule of it (STOMP 1.2
 * "CONNECT or STOMP Frame", "SUBSCRIBE", "SEND", "Heart-beating", "DISCONNECT"; RFC 6455 §1.9 for the
 * sub-protocol offer). Every client frame must be masked (RFC 6455 §5.1) as in every client case.
 */
public final class StompClientCases {
    private StompClientCases() {}

    /** The 8 cases, in id order. */
    public static List<ConformanceCase> cases() {
        return List.of(
                c(1, 1, "the opening handshake offers a STOMP sub-protocol", Rule.rfc6455("1.9",
                        "a client can ask for a sub-protocol (STOMP over WebSocket uses v10.stomp, v11.stomp, v12.stomp)"),
                        Strictness.INFORMATIONAL, StompClientScript.offersSubProtocol()),
                c(1, 2, "CONNECT carries accept-version and host", StompSteps.rule("1.2", "CONNECT or STOMP Frame",
                        "STOMP 1.2 clients MUST set the accept-version and host headers"), Strictness.MUST,
                        StompClientScript.connectHeaders()),
                c(2, 1, "SUBSCRIBE carries destination, id and a valid ack mode", StompSteps.rule("1.2", "SUBSCRIBE",
                        "destination and id are REQUIRED; ack is auto, client or client-individual"), Strictness.MUST,
                        StompClientScript.subscribeHeaders()),
                c(2, 2, "SEND carries a destination", StompSteps.rule("1.2", "SEND",
                        "SEND frames have one REQUIRED header, destination"), Strictness.MUST,
                        StompClientScript.sendHeaders(false)),
                c(2, 3, "a SEND with a body carries content-length and content-type", StompSteps.rule("1.2", "SEND",
                        "SEND frames SHOULD include a content-length header and a content-type header if a body is present"),
                        Strictness.SHOULD, StompClientScript.sendHeaders(true)),
                c(3, 1, "the client beats at least every max(cx, 500) ms", StompSteps.rule("1.2", "Heart-beating",
                        "the sender MUST send new data over the network at least every max(cx, sy) milliseconds"),
                        Strictness.MUST, StompClientScript.heartBeats()),
                c(4, 1, "DISCONNECT asks for a receipt", StompSteps.rule("1.2", "DISCONNECT",
                        "for a graceful shutdown the client SHOULD send DISCONNECT with a receipt and wait for the RECEIPT"),
                        Strictness.SHOULD, StompClientScript.disconnectWithReceipt()),
                c(4, 2, "nothing after DISCONNECT", StompSteps.rule("1.2", "DISCONNECT",
                        "clients MUST NOT send any more frames after the DISCONNECT frame"), Strictness.MUST,
                        StompClientScript.nothingAfterDisconnect()));
    }

    /** The cases {@code selection} picks. */
    public static List<ConformanceCase> select(Selection selection) {
        return cases().stream().filter(c -> selection.matches(c.id())).toList();
    }

    private static ConformanceCase c(int group, int n, String title, Rule rule, Strictness strictness, StompClientScript s) {
        return new ConformanceCase(CaseId.of("stompclient", group, n), title, rule, s, strictness);
    }
}
