package org.wslab.conformance.cases;

import static org.wslab.conformance.cases.Cases.actions;
import static org.wslab.conformance.cases.Cases.fails;
import static org.wslab.conformance.cases.Cases.must;
import static org.wslab.conformance.cases.Cases.send;
import static org.wslab.conformance.cases.Cases.utf8;

import java.util.ArrayList;
import java.util.List;
import org.wslab.conformance.CaseId;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Reply;
import org.wslab.conformance.Rule;
import org.wslab.conformance.peer.WireFrame;

/**
 * Autobahn 4.x, "Opcodes": a frame with a reserved opcode, non-control {@code %x3-7} (4.1) or
 * control {@code %xB-F} (4.2), fails the connection (RFC 6455 §5.2); messages before it are
 * echoed, frames after it are not processed.
 */
public final class OpcodeCases {
    private static final Rule UNKNOWN = Rule.rfc6455("5.2",
            "opcodes %x3-7 and %xB-F are reserved; on an unknown opcode the receiver MUST Fail the WebSocket Connection");

    private OpcodeCases() {}

    /** The 10 cases. */
    public static List<ConformanceCase> cases() {
        List<ConformanceCase> c = new ArrayList<>();
        for (int group = 1; group <= 2; group++) {
            int first = group == 1 ? 0x3 : 0xB;
            String kind = group == 1 ? "non-control" : "control";
            for (int i = 0; i < 5; i++) {
                int op = first + i;
                byte[] payload = i == 0 ? new byte[0] : utf8("reserved opcode payload");
                WireFrame reserved = WireFrame.of(true, op, payload);
                CaseId id = CaseId.of("opcodes", 4, group, i + 1);
                String what = String.format("reserved %s opcode 0x%X", kind, op);
                if (i < 2) {
                    c.add(must(id, "a frame with " + what + (i == 0 ? "" : " and a payload"), UNKNOWN,
                            actions(send(reserved)), fails()));
                } else {
                    c.add(must(id, "a text message, a frame with " + what + ", then a Ping", UNKNOWN,
                            actions(send(WireFrame.text("Hello, world!"), reserved, WireFrame.ping(utf8("ping payload")))),
                            fails(Reply.text("Hello, world!"))));
                }
            }
        }
        return c;
    }
}
