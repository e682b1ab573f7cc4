package org.wslab.conformance.cases;

import static org.wslab.conformance.cases.Cases.actions;
import static org.wslab.conformance.cases.Cases.echoes;
import static org.wslab.conformance.cases.Cases.filled;
import static org.wslab.conformance.cases.Cases.must;
import static org.wslab.conformance.cases.Cases.send;

import java.util.ArrayList;
import java.util.List;
import org.wslab.conformance.CaseId;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Reply;
import org.wslab.conformance.Rule;
import org.wslab.conformance.peer.Chop;
import org.wslab.conformance.peer.WireFrame;

/**
 * Autobahn 1.x, "Framing": whole text (1.1) and binary (1.2) messages at every edge of the three
 * payload-length forms of RFC 6455 §5.2 (7-bit up to 125, 16-bit up to 65535, 64-bit beyond),
 * echoed back intact.
 */
public final class FramingCases {
    /** The payload lengths of cases x.1 to x.7; x.8 sends the last one in 997-byte writes. */
    static final int[] LENGTHS = {0, 125, 126, 127, 128, 65535, 65536};
    /** Autobahn's chop size for x.8. */
    static final int CHOP = 997;

    private FramingCases() {}

    /** The 16 cases. */
    public static List<ConformanceCase> cases() {
        List<ConformanceCase> all = new ArrayList<>();
        all.addAll(kind(1, "text", '*'));
        all.addAll(kind(2, "binary", 0xFE));
        return all;
    }

    private static List<ConformanceCase> kind(int sub, String kind, int fill) {
        boolean text = kind.equals("text");
        List<ConformanceCase> out = new ArrayList<>();
        for (int i = 0; i <= LENGTHS.length; i++) {
            int n = LENGTHS[Math.min(i, LENGTHS.length - 1)];
            byte[] payload = filled(n, fill);
            WireFrame f = text ? WireFrame.of(true, 1, payload) : WireFrame.binary(payload);
            Reply echo = text ? Reply.text(payload) : Reply.binary(payload);
            boolean chopped = i == LENGTHS.length;
            String form = n <= 125 ? "7-bit" : n <= 0xFFFF ? "16-bit" : "64-bit";
            out.add(must(CaseId.of("framing", 1, sub, i + 1),
                    "a " + kind + " message of " + n + " bytes" + (chopped ? " in " + CHOP + "-byte writes" : ""),
                    Rule.rfc6455("5.2", "a payload of " + n + " bytes takes the " + form
                            + " length form, and a frame may arrive in any pieces"),
                    actions(chopped ? send(Chop.every(CHOP), f) : send(f)), echoes(echo)));
        }
        return out;
    }
}
