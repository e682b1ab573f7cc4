package org.wslab.conformance.cases;

import static org.wslab.conformance.cases.Cases.actions;
import static org.wslab.conformance.cases.Cases.echoes;
import static org.wslab.conformance.cases.Cases.frame;
import static org.wslab.conformance.cases.Cases.must;
import static org.wslab.conformance.cases.Cases.send;
import static org.wslab.conformance.cases.Cases.utf8;
import static org.wslab.conformance.cases.Cases.with;
import static org.wslab.conformance.cases.Utf8Corpus.hex;

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
 * Autobahn 6.x, "UTF-8 Handling": a text message is UTF-8 (RFC 6455 §5.6); a server echoes valid
 * text, noncharacters included, and fails the connection on invalid UTF-8 (§8.1 MUST), with 1007
 * (§7.4.1). Built from the {@link Utf8Corpus}: each sample in one frame (6.5-6.21), chosen ones
 * split across two fragments at every octet position (6.22, 6.23) and one frame per octet (6.24),
 * and as Close reasons (6.25). Failing only at the message end is fine everywhere but 6.4, which
 * asks for fail-fast and is SHOULD, as Autobahn makes it non-strict.
 */
public final class Utf8Cases {
    /** What an invalid text message should be answered with: 1007, invalid payload data (§7.4.1). */
    static final Set<Integer> INVALID_PAYLOAD = Set.of(1007);
    /**
     * An invalid Close reason: §8.1 makes failing the connection a MUST but names no code; 1007
     * (§7.4.1: "non-UTF-8 data") and 1002 (§7.4.1 protocol error, the reason being a §5.5.1 body
     * rule, not data "within a message") are both read as right.
     */
    static final Set<Integer> INVALID_REASON = Set.of(1007, 1002);
    /** Autobahn's invalid text of 6.3: kosme, an encoded surrogate U+D800, then "edited". */
    static final byte[] KOSME_BROKEN = hex("CE BA E1 BD B9 CF 83 CE BC CE B5 ED A0 80 65 64 69 74 65 64");

    private static final Rule VALID = Rule.rfc6455("5.6",
            "a text message is UTF-8, and any well-formed UTF-8 (noncharacters included, RFC 3629 §3) is echoed");
    private static final Rule INVALID = Rule.rfc6455("8.1",
            "an endpoint that finds a text message is not valid UTF-8 MUST Fail the WebSocket Connection (1007, §7.4.1)");
    private static final Rule SPLIT = Rule.rfc6455("5.4",
            "fragments may split a code point anywhere: only the whole message must be UTF-8 (§5.6, §8.1)");
    private static final Rule FAIL_FAST = Rule.rfc6455("8.1",
            "invalid UTF-8 fails the connection; failing as the invalid octet arrives, before the message ends, is"
                    + " the strict reading (Autobahn 6.4: non-strict otherwise)");
    private static final Rule REASON = Rule.rfc6455("8.1",
            "a Close reason is UTF-8 (§5.5.1, §7.1.6); invalid UTF-8 there MUST Fail the WebSocket Connection");

    private Utf8Cases() {}

    /** The 168 cases. */
    public static List<ConformanceCase> cases() {
        List<ConformanceCase> c = new ArrayList<>(basics());
        List<Utf8Corpus.Group> groups = Utf8Corpus.groups();
        for (int g = 0; g < groups.size(); g++) {
            List<Utf8Corpus.Sample> samples = groups.get(g).samples();
            for (int i = 0; i < samples.size(); i++) {
                Utf8Corpus.Sample s = samples.get(i);
                c.add(whole(id(5 + g, i + 1), s.name() + " (" + groups.get(g).title() + ")", s.bytes(), s.valid()));
            }
        }
        int sub = 5 + groups.size();
        c.addAll(splits(sub, true, hex("78 F0 9D 84 9E 79"), hex("78 EF BF BF 79")));
        c.addAll(splits(sub + 1, false, hex("78 ED A0 80 79"), hex("78 F4 90 80 80 79"), hex("78 C0 AF 79"),
                hex("78 F0 90 80")));
        c.addAll(perOctet(sub + 2));
        c.addAll(reasons(sub + 3));
        return c;
    }

    /** 6.1 empty text, 6.2 valid text in pieces, 6.3 Autobahn's invalid text, 6.4 fail-fast. */
    private static List<ConformanceCase> basics() {
        List<ConformanceCase> c = new ArrayList<>();
        c.add(whole(id(1, 1), "an empty text message", new byte[0], true));
        c.add(must(id(1, 2), "a text message of three empty fragments", SPLIT,
                actions(send(frame(false, Opcode.TEXT, ""), frame(false, Opcode.CONTINUATION, ""),
                        frame(true, Opcode.CONTINUATION, ""))), echoes(Reply.text(""))));
        c.add(must(id(1, 3), "empty first and last fragments around text", SPLIT,
                actions(send(frame(false, Opcode.TEXT, ""), frame(false, Opcode.CONTINUATION, "middle frame payload"),
                        frame(true, Opcode.CONTINUATION, ""))), echoes(Reply.text("middle frame payload"))));
        byte[] hello = utf8("Hello-\u00b5@\u00df\u00f6\u00e4\u00fc\u00e0\u00e1-UTF-8!!");
        c.add(whole(id(2, 1), "valid text with 2-octet letters in one frame", hello, true));
        c.add(must(id(2, 2), "the same text in two fragments split between code points", SPLIT,
                actions(send(split(hello, 8))), echoes(Reply.text(hello))));
        c.add(must(id(2, 3), "the same text, one frame per octet", SPLIT, actions(octets(hello)),
                echoes(Reply.text(hello))));
        byte[] kosme = hex("CE BA E1 BD B9 CF 83 CE BC CE B5");
        c.add(must(id(2, 4), "kosme, one frame per octet", SPLIT, actions(octets(kosme)), echoes(Reply.text(kosme))));
        c.add(whole(id(3, 1), "kosme, an encoded surrogate, then \"edited\", in one frame", KOSME_BROKEN, false));
        c.add(must(id(3, 2), "kosme, an encoded surrogate, then \"edited\", one frame per octet", INVALID,
                actions(octets(KOSME_BROKEN)), invalid()));
        c.add(failFast(1, "a valid fragment, then U+110000 in a second", hex("CE BA E1 BD B9"), hex("F4 90 80 80")));
        c.add(failFast(2, "a fragment ending in 0xF4, then a second starting with 0x90", hex("CE BA F4"), hex("90 80 80")));
        c.add(failFast(3, "a valid fragment, then an encoded surrogate in a second", hex("CE BA"), hex("ED A0 80")));
        c.add(failFast(4, "a first fragment that is the lone octet 0xC0", new byte[0], hex("C0")));
        return c;
    }

    /**
     * Two unfinished fragments, the second holding the invalid octet, then a Ping: a fail-fast
     * server closes before it answers the Ping; one that waits for the message end answers it.
     */
    private static ConformanceCase failFast(int n, String title, byte[] first, byte[] second) {
        return with(Strictness.SHOULD, id(4, n), title + ", then a Ping: is it failed before the message ends?", FAIL_FAST,
                actions(send(WireFrame.of(false, Opcode.TEXT.code(), first),
                        WireFrame.of(false, Opcode.CONTINUATION.code(), second)),
                        new Action.Pause(java.time.Duration.ofMillis(50)), send(WireFrame.ping(utf8("fail fast?")))),
                invalid());
    }

    /** A sample as one text frame: echoed when valid, the connection failed when not. */
    private static ConformanceCase whole(CaseId id, String title, byte[] text, boolean valid) {
        WireFrame f = WireFrame.of(true, Opcode.TEXT.code(), text);
        return valid ? must(id, title, VALID, actions(send(f)), echoes(Reply.text(text)))
                : must(id, title, INVALID, actions(send(f)), invalid());
    }

    /** Each text split into two fragments at every inner octet position. */
    private static List<ConformanceCase> splits(int sub, boolean valid, byte[]... texts) {
        List<ConformanceCase> c = new ArrayList<>();
        for (byte[] t : texts) {
            for (int at = 1; at < t.length; at++) {
                String title = (valid ? "valid" : "invalid") + " text " + hexOf(t) + " in two fragments split after octet " + at;
                c.add(must(id(sub, c.size() + 1), title, valid ? SPLIT : INVALID, actions(send(split(t, at))),
                        valid ? echoes(Reply.text(t)) : invalid()));
            }
        }
        return c;
    }

    /** Chosen samples, one frame per octet. */
    private static List<ConformanceCase> perOctet(int sub) {
        List<ConformanceCase> c = new ArrayList<>();
        for (String h : List.of("F4 8F BF BF", "EF BF BE", "F4 90 80 80", "ED A0 80", "C0 AF")) {
            byte[] t = hex(h);
            boolean valid = java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(t),
                    java.nio.CharBuffer.allocate(8), true).isUnderflow();
            c.add(must(id(sub, c.size() + 1), (valid ? "valid " : "invalid ") + h + ", one frame per octet",
                    valid ? SPLIT : INVALID, actions(octets(t)), valid ? echoes(Reply.text(t)) : invalid()));
        }
        return c;
    }

    /** Close 1000 with a reason: valid ones are answered with a Close, invalid ones fail the connection. */
    private static List<ConformanceCase> reasons(int sub) {
        List<ConformanceCase> c = new ArrayList<>();
        String[][] reasons = {
            {"CE BA E1 BD B9 CF 83 CE BC CE B5", "kosme"}, {"F4 8F BF BF", "U+10FFFF"}, {"EF BF BF", "U+FFFF"},
            {"ED A0 80", "an encoded surrogate"}, {"C0 AF", "an overlong /"}, {"F4 90 80 80", "U+110000"},
            {"80", "a lone continuation octet"}, {"FE", "the octet 0xFE"}, {"CE BA E1 BD B9 CF 83 CE BC CE", "kosme cut short"}};
        for (String[] r : reasons) {
            byte[] text = hex(r[0]);
            byte[] body = new byte[2 + text.length];
            body[0] = 0x03;
            body[1] = (byte) 0xE8;
            System.arraycopy(text, 0, body, 2, text.length);
            boolean valid = c.size() < 3;
            Ending end = valid ? new Ending.AwaitClose(Set.of(1000)) : new Ending.FailConnection(INVALID_REASON);
            c.add(must(id(sub, c.size() + 1), "a Close 1000 whose reason is " + r[1] + (valid ? "" : ", not UTF-8"), REASON,
                    actions(send(WireFrame.close(body))), new Expectation(List.of(), end)));
        }
        return c;
    }

    private static WireFrame[] split(byte[] t, int at) {
        return new WireFrame[] {WireFrame.of(false, Opcode.TEXT.code(), Arrays.copyOfRange(t, 0, at)),
            WireFrame.of(true, Opcode.CONTINUATION.code(), Arrays.copyOfRange(t, at, t.length))};
    }

    /** The text as one frame per octet: a TEXT frame, continuations, the last with FIN. */
    private static Action octets(byte[] t) {
        List<WireFrame> frames = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            frames.add(WireFrame.of(i == t.length - 1, i == 0 ? Opcode.TEXT.code() : Opcode.CONTINUATION.code(),
                    new byte[] {t[i]}));
        }
        return new Action.Send(frames, Chop.ONE_WRITE);
    }

    private static Expectation invalid() {
        return new Expectation(List.of(), new Ending.FailConnection(INVALID_PAYLOAD));
    }

    private static String hexOf(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(s.length() == 0 ? "" : " ").append(String.format("%02X", x & 0xFF));
        }
        return s.toString();
    }

    private static CaseId id(int sub, int n) {
        return CaseId.of("utf8", 6, sub, n);
    }
}
