package org.wslab.conformance.cases;

import static org.wslab.conformance.cases.Cases.actions;
import static org.wslab.conformance.cases.Cases.fails;
import static org.wslab.conformance.cases.Cases.frame;
import static org.wslab.conformance.cases.Cases.must;
import static org.wslab.conformance.cases.Cases.send;
import static org.wslab.conformance.cases.Cases.utf8;
import static org.wslab.conformance.cases.Cases.with;

import java.util.ArrayList;
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
import org.wslab.conformance.peer.WireFrame;
import org.wslab.framing.codec.Opcode;

/**
 * Autobahn 7.x, "Close Handling": the closing handshake (RFC 6455 §5.5.1, §7.1.2), nothing
 * processed after a Close (§1.4, §5.5.1), close bodies (§5.5, §5.5.1), and which status codes may
 * be sent (§7.4.1, §7.4.2): a valid one is answered with a Close, an invalid one fails the
 * connection with 1002, an invalid UTF-8 reason with 1007 (§8.1).
 */
public final class CloseCases {
    /** 7.7: codes an endpoint may send (§7.4.1, the IANA registry of §11.7, and §7.4.2's 3000-4999). */
    static final int[] VALID = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014,
        3000, 3999, 4000, 4999};
    /** 7.9: codes never sent: unused, reserved, local-only, or unassigned in 1000-2999 (§7.4.1, §7.4.2). */
    static final int[] INVALID = {0, 999, 1004, 1005, 1006, 1015, 1016, 1100, 2000, 2999};
    /** Autobahn's 7.5.1 reason: UTF-8 of "κόσμε" with an encoded surrogate (ED A0 80) inside. */
    static final byte[] BAD_UTF8 = {(byte) 0xCE, (byte) 0xBA, (byte) 0xE1, (byte) 0xBD, (byte) 0xB9, (byte) 0xCF,
        (byte) 0x83, (byte) 0xCE, (byte) 0xBC, (byte) 0xCE, (byte) 0xB5, (byte) 0xED, (byte) 0xA0, (byte) 0x80,
        0x65, 0x64, 0x69, 0x74, 0x65, 0x64};

    private static final Rule HANDSHAKE = Rule.rfc6455("5.5.1",
            "an endpoint that receives a Close MUST send a Close in response, and sends no data after it");
    private static final Rule BODY = Rule.rfc6455("5.5.1",
            "a Close body is empty, or a 2-byte status code then a UTF-8 reason, all within 125 bytes (§5.5)");
    private static final Rule CODES = Rule.rfc6455("7.4.1",
            "status codes 1000-1003, 1007-1014 and 3000-4999 may be sent; others fail the connection (§7.4.2)");

    private CloseCases() {}

    /** The 41 cases. */
    public static List<ConformanceCase> cases() {
        List<ConformanceCase> c = new ArrayList<>();
        WireFrame close = WireFrame.close(WireFrame.closeBody(1000, ""));
        WireFrame ping = WireFrame.ping(utf8("ping payload"));
        c.add(with(Strictness.SHOULD, id(1, 1), "a text message and a Close in one write: the message is echoed first",
                Rule.rfc6455("5.5.1", "a Close is answered as soon as practical, and MAY wait until the current message"
                        + " is sent: a message received before the Close is not lost"),
                actions(send(WireFrame.text("Hello World!"), close)),
                new Expectation(List.of(Reply.text("Hello World!")), new Ending.AwaitClose(Set.of(1000)))));
        c.add(must(id(1, 2), "a Close, then a second Close", HANDSHAKE, actions(send(close, close)), closes(1000)));
        c.add(must(id(1, 3), "a Close, then a text message that must not be echoed", HANDSHAKE,
                actions(send(close, WireFrame.text("Hello World!"))), closes(1000)));
        c.add(must(id(1, 4), "a Close, then a Ping that must not be answered", HANDSHAKE,
                actions(send(close, ping)), closes(1000)));
        c.add(must(id(1, 5), "a first fragment, a Close, then the last fragment that must not complete a message", HANDSHAKE,
                actions(send(frame(false, Opcode.TEXT, "fragment1"), close, frame(true, Opcode.CONTINUATION, "fragment2"))),
                closes(1000)));
        byte[] big = utf8("BAsd7&jh23".repeat(26_214));
        c.add(with(Strictness.INFORMATIONAL, id(1, 6), "a 256 KiB message, a Close, then a Ping: is the message echoed?",
                HANDSHAKE, actions(send(WireFrame.of(true, 1, big), close, ping)),
                new Expectation(List.of(Reply.text(big)), new Ending.AwaitClose(Set.of(1000)))));

        c.add(must(id(3, 1), "a Close with an empty body", BODY, closeWith(new byte[0]), closes(1000, Ending.NO_CODE)));
        c.add(must(id(3, 2), "a Close with a 1-byte body", BODY, closeWith(new byte[] {0x03}), fails()));
        c.add(must(id(3, 3), "a Close 1000 without a reason", BODY, closeWith(WireFrame.closeBody(1000, "")), closes(1000)));
        c.add(must(id(3, 4), "a Close 1000 with a reason", BODY, closeWith(WireFrame.closeBody(1000, "Hello World!")),
                closes(1000)));
        c.add(must(id(3, 5), "a Close 1000 with a 123-byte reason (125-byte body)", BODY,
                closeWith(WireFrame.closeBody(1000, "*".repeat(123))), closes(1000)));
        c.add(must(id(3, 6), "a Close 1000 with a 124-byte reason (126-byte body)",
                Rule.rfc6455("5.5", "all control frames MUST have a payload length of 125 bytes or less"),
                closeWith(WireFrame.closeBody(1000, "*".repeat(124))), fails()));

        byte[] badReason = new byte[2 + BAD_UTF8.length];
        badReason[0] = 0x03;
        badReason[1] = (byte) 0xE8;
        System.arraycopy(BAD_UTF8, 0, badReason, 2, BAD_UTF8.length);
        c.add(must(id(5, 1), "a Close 1000 whose reason is not valid UTF-8",
                Rule.rfc6455("8.1", "a Close reason MUST be UTF-8 (§5.5.1); invalid UTF-8 fails the connection with 1007"),
                closeWith(badReason), new Expectation(List.of(), new Ending.FailConnection(Set.of(1007)))));

        for (int i = 0; i < VALID.length; i++) {
            c.add(must(id(7, i + 1), "a Close with valid code " + VALID[i], CODES,
                    closeWith(WireFrame.closeBody(VALID[i], "")), closes(VALID[i], 1000)));
        }
        for (int i = 0; i < INVALID.length; i++) {
            c.add(must(id(9, i + 1), "a Close with invalid code " + INVALID[i], CODES,
                    closeWith(WireFrame.closeBody(INVALID[i], "")), fails()));
        }
        int[] beyond = {5000, 65535};
        for (int i = 0; i < beyond.length; i++) {
            c.add(with(Strictness.INFORMATIONAL, id(13, i + 1), "a Close with code " + beyond[i] + ", beyond any range §7.4.2 defines",
                    CODES, closeWith(WireFrame.closeBody(beyond[i], "")), fails()));
        }
        return c;
    }

    private static List<Action> closeWith(byte[] body) {
        return actions(send(WireFrame.close(body)));
    }

    /** Our Close (already sent) answered with a Close carrying one of {@code codes}. */
    private static Expectation closes(Integer... codes) {
        return new Expectation(List.of(), new Ending.AwaitClose(new java.util.HashSet<>(List.of(codes))));
    }

    private static CaseId id(int sub, int n) {
        return CaseId.of("close", 7, sub, n);
    }
}
