package org.wslab.conformance.cases;

import static org.wslab.conformance.cases.Cases.actions;
import static org.wslab.conformance.cases.Cases.echoes;
import static org.wslab.conformance.cases.Cases.filled;
import static org.wslab.conformance.cases.Cases.must;

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
 * Autobahn 10.x, "Misc": 10.1.1, auto-fragmentation, a 65,536-byte text message sent as frames
 * of 1300 bytes (50 full ones and a last of 536), echoed intact as one message (RFC 6455 §5.4).
 */
public final class MiscCases {
    /** 10.1.1's message and fragment sizes (Autobahn's). */
    static final int MESSAGE = 65536;
    static final int FRAGMENT = 1300;

    private MiscCases() {}

    /** The one case. */
    public static List<ConformanceCase> cases() {
        byte[] payload = filled(MESSAGE, '*');
        List<WireFrame> frames = new ArrayList<>();
        for (int at = 0; at < MESSAGE; at += FRAGMENT) {
            int end = Math.min(MESSAGE, at + FRAGMENT);
            frames.add(WireFrame.of(end == MESSAGE, (at == 0 ? Opcode.TEXT : Opcode.CONTINUATION).code(),
                    java.util.Arrays.copyOfRange(payload, at, end)));
        }
        return List.of(must(CaseId.of("misc", 10, 1, 1),
                "a text message of " + MESSAGE + " bytes auto-fragmented into frames of " + FRAGMENT + " bytes",
                Rule.rfc6455("5.4", "a message fragmented into frames of any size is one message, echoed intact"),
                actions(new Action.Send(frames, Chop.ONE_WRITE)), echoes(Reply.text(payload))));
    }
}
