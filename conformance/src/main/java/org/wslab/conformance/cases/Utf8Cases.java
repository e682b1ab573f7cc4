package org.wslab.conformance.cases;

import static org.wslab.conformance.cases.Cases.actions;
import static org.wslab.conformance.cases.Cases.echoes;
import static org.wslab.conformance.cases.Cases.frame;
import static org.wslab.conformance.cases.Cases.must;
import static org.wslab.conformance.cases.Cases.send;
import static org.wslab.conformance.cases.Cases.utf8;
import static org.wslab.conformance.cases.Cases.with;

import java.util.ArrayList;
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

/**
 * Autobahn 6.x, "UTF-8 Handling", in part: a text message is UTF-8 (RFC 6455 §5.6) and an
 * endpoint that receives invalid UTF-8 fails the connection with 1007 (§8.1), however the message
 * is fragmented (§5.4) or chopped. 6.1-6.3 follow Autobahn; 6.4 checks failing fast inside an
 * unfinished message (a SHOULD here, as in Autobahn); 6.5 and 6.6 take the boundary and
 * malformed sequences of Markus Kuhn's UTF-8 stress test that Autobahn's 6.5-6.23 are built
 * from, each whole; 6.7 sends each valid one a byte per fragment.
 */
public final class Utf8Cases {
    /** Autobahn's mixed-script sample, valid UTF-8. */
    static final String SAMPLE = "Hello-µ@ßöäüàá-UTF-8!!";

    private static final Rule VALID = Rule.rfc6455("5.6", "a text message is valid UTF-8, in any fragments (§5.4)"
            + " and echoed byte for byte");
    private static final Rule INVALID = Rule.rfc6455("8.1", "on text that is not valid UTF-8 the endpoint MUST"
            + " Fail the WebSocket Connection, with close code 1007 (§7.4.1)");
    private static final Rule FAST = Rule.rfc6455("8.1", "invalid UTF-8 is a failure as soon as it is seen:"
            + " a message that can no longer become valid is failed before it ends");
    private static final Set<Integer> INVALID_PAYLOAD = Set.of(1007);

    /** Valid sequences at the edges of each encoding length and of the surrogate range (RFC 3629 §4). */
    static final List<Sample> VALID_SEQUENCES = List.of(
            new Sample("κόσμε, Greek", utf8("κόσμε")),
            new Sample("U+0000, first 1-byte", bytes(0x00)),
            new Sample("U+0080, first 2-byte", bytes(0xC2, 0x80)),
            new Sample("U+0800, first 3-byte", bytes(0xE0, 0xA0, 0x80)),
            new Sample("U+10000, first 4-byte", bytes(0xF0, 0x90, 0x80, 0x80)),
            new Sample("U+007F, last 1-byte", bytes(0x7F)),
            new Sample("U+07FF, last 2-byte", bytes(0xDF, 0xBF)),
            new Sample("U+FFFF, last 3-byte", bytes(0xEF, 0xBF, 0xBF)),
            new Sample("U+10FFFF, last code point", bytes(0xF4, 0x8F, 0xBF, 0xBF)),
            new Sample("U+D7FF, just below the surrogates", bytes(0xED, 0x9F, 0xBF)),
            new Sample("U+E000, just above the surrogates", bytes(0xEE, 0x80, 0x80)),
            new Sample("U+FFFD, the replacement character", bytes(0xEF, 0xBF, 0xBD)));

    /** Malformed sequences (RFC 3629 §3, §10): stray continuations, overlongs, surrogates, beyond U+10FFFF, truncations. */
    static final List<Sample> INVALID_SEQUENCES = List.of(
            new Sample("a lone continuation byte 0x80", bytes(0x80)),
            new Sample("a lone continuation byte 0xBF", bytes(0xBF)),
            new Sample("a 2-byte start followed by a space", bytes(0xC2, 0x20)),
            new Sample("overlong '/' in 2 bytes", bytes(0xC0, 0xAF)),
            new Sample("overlong '/' in 3 bytes", bytes(0xE0, 0x80, 0xAF)),
            new Sample("overlong '/' in 4 bytes", bytes(0xF0, 0x80, 0x80, 0xAF)),
            new Sample("the largest overlong 2-byte form", bytes(0xC1, 0xBF)),
            new Sample("the largest overlong 3-byte form", bytes(0xE0, 0x9F, 0xBF)),
            new Sample("a high surrogate U+D800", bytes(0xED, 0xA0, 0x80)),
            new Sample("a low surrogate U+DFFF", bytes(0xED, 0xBF, 0xBF)),
            new Sample("a surrogate pair U+D800 U+DC00", bytes(0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80)),
            new Sample("U+110000, beyond Unicode", bytes(0xF4, 0x90, 0x80, 0x80)),
            new Sample("the byte 0xFE", bytes(0xFE)),
            new Sample("the byte 0xFF", bytes(0xFF)),
            new Sample("a 2-byte sequence cut short", bytes(0xC2)),
            new Sample("a 3-byte sequence cut short", bytes(0xE0, 0xA0)),
            new Sample("a 4-byte sequence cut short", bytes(0xF0, 0x90, 0x80)),
            new Sample("Autobahn's κόσμε with a surrogate inside", Arrays.copyOf(CloseCases.BAD_UTF8, CloseCases.BAD_UTF8.length)));

    /**
     * A named byte sequence.
     *
     * @param name  what it is
     * @param bytes the octets
     */
    record Sample(String name, byte[] bytes) {}

    private Utf8Cases() {}

    /** The cases: 3 + 3 + 2 + 2 + 12 + 18 + 12. */
    public static List<ConformanceCase> cases() {
        List<ConformanceCase> c = new ArrayList<>();
        c.add(must(id(1, 1), "an empty text message", VALID, actions(send(WireFrame.text(""))), echoes(Reply.text(""))));
        c.add(must(id(1, 2), "an empty text message in three empty fragments", VALID,
                actions(send(frame(false, Opcode.TEXT, ""), frame(false, Opcode.CONTINUATION, ""),
                        frame(true, Opcode.CONTINUATION, ""))), echoes(Reply.text(""))));
        c.add(must(id(1, 3), "a text message in three fragments, the first and last empty", VALID,
                actions(send(frame(false, Opcode.TEXT, ""), frame(false, Opcode.CONTINUATION, "middle"),
                        frame(true, Opcode.CONTINUATION, ""))), echoes(Reply.text("middle"))));

        byte[] sample = utf8(SAMPLE);
        c.add(must(id(2, 1), "valid UTF-8 in one frame", VALID, actions(send(WireFrame.text(SAMPLE))), echoes(Reply.text(SAMPLE))));
        c.add(must(id(2, 2), "valid UTF-8 in two fragments, split inside a code point", VALID,
                actions(send(WireFrame.of(false, 1, Arrays.copyOf(sample, 7)),
                        WireFrame.of(true, 0, Arrays.copyOfRange(sample, 7, sample.length)))),
                echoes(Reply.text(SAMPLE))));
        c.add(must(id(2, 3), "valid UTF-8 in one frame, one write per octet", VALID,
                actions(send(Chop.PER_OCTET, WireFrame.text(SAMPLE))), echoes(Reply.text(SAMPLE))));

        WireFrame bad = WireFrame.of(true, 1, CloseCases.BAD_UTF8);
        c.add(fails(id(3, 1), "invalid UTF-8 in one frame", INVALID, actions(send(bad))));
        c.add(fails(id(3, 2), "invalid UTF-8 in one frame, one write per octet", INVALID, actions(send(Chop.PER_OCTET, bad))));

        // 6.4: the message never ends, so only a server that checks as bytes arrive can fail it
        c.add(with(Strictness.SHOULD, id(4, 1), "invalid UTF-8 in the first fragment of a message that never ends", FAST,
                actions(send(WireFrame.of(false, 1, CloseCases.BAD_UTF8))), failsWith1007()));
        c.add(with(Strictness.SHOULD, id(4, 2), "valid, then invalid UTF-8 in the second fragment of a message that never ends",
                FAST, actions(send(frame(false, Opcode.TEXT, "valid so far"), WireFrame.of(false, 0, bytes(0xED, 0xA0, 0x80)))),
                failsWith1007()));

        for (int i = 0; i < VALID_SEQUENCES.size(); i++) {
            Sample s = VALID_SEQUENCES.get(i);
            c.add(must(id(5, i + 1), "valid: " + s.name(), VALID, actions(send(WireFrame.of(true, 1, s.bytes()))),
                    echoes(Reply.text(s.bytes()))));
        }
        for (int i = 0; i < INVALID_SEQUENCES.size(); i++) {
            Sample s = INVALID_SEQUENCES.get(i);
            c.add(fails(id(6, i + 1), "invalid: " + s.name(), INVALID, actions(send(WireFrame.of(true, 1, s.bytes())))));
        }
        for (int i = 0; i < VALID_SEQUENCES.size(); i++) {
            Sample s = VALID_SEQUENCES.get(i);
            c.add(must(id(7, i + 1), "valid, one byte per fragment: " + s.name(), VALID, actions(bytePerFragment(s.bytes())),
                    echoes(Reply.text(s.bytes()))));
        }
        return c;
    }

    /** {@code text} as a message of one-byte fragments, so every code point straddles fragments. */
    private static Action bytePerFragment(byte[] text) {
        List<WireFrame> frames = new ArrayList<>();
        for (int i = 0; i < text.length; i++) {
            frames.add(WireFrame.of(i == text.length - 1, i == 0 ? Opcode.TEXT.code() : Opcode.CONTINUATION.code(),
                    new byte[] {text[i]}));
        }
        return new Action.Send(frames, Chop.ONE_WRITE);
    }

    private static ConformanceCase fails(CaseId id, String title, Rule rule, List<Action> actions) {
        return must(id, title, rule, actions, failsWith1007());
    }

    private static Expectation failsWith1007() {
        return new Expectation(List.of(), new Ending.FailConnection(INVALID_PAYLOAD));
    }

    private static byte[] bytes(int... octets) {
        byte[] b = new byte[octets.length];
        for (int i = 0; i < octets.length; i++) {
            b[i] = (byte) octets[i];
        }
        return b;
    }

    private static CaseId id(int sub, int n) {
        return CaseId.of("utf8", 6, sub, n);
    }
}
