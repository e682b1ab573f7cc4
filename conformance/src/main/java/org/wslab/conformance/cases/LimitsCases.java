package org.wslab.conformance.cases;

import static org.wslab.conformance.cases.Cases.actions;
import static org.wslab.conformance.cases.Cases.echoes;
import static org.wslab.conformance.cases.Cases.filled;
import static org.wslab.conformance.cases.Cases.must;
import static org.wslab.conformance.cases.Cases.send;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wslab.conformance.Action;
import org.wslab.conformance.CaseId;
import org.wslab.conformance.ConformanceCase;
import org.wslab.conformance.Expectation;
import org.wslab.conformance.Reply;
import org.wslab.conformance.Rule;
import org.wslab.conformance.Selection;
import org.wslab.conformance.peer.Chop;
import org.wslab.conformance.peer.WireFrame;
import org.wslab.framing.codec.Opcode;

/**
 * Autobahn 9.x, "Limits/Performance": large text and binary messages in one frame (9.1, 9.2), a
 * 4 MiB message in frames of 64 B to 4 MiB (9.3, 9.4), a 1 MiB message in writes of 64 B to
 * 128 KiB (9.5, 9.6), and 1000 round trips of small messages (9.7, 9.8), each echoed intact.
 * RFC 6455 §10.4 lets a server limit frame and message sizes: refusing a message over its limit
 * with Close 1009 (§7.4.1) is INFORMATIONAL, the server's own Close reason reporting the limit;
 * round-trip times are reported as INFORMATIONAL findings. Payloads are built once and shared.
 */
public final class LimitsCases {
    /** 9.1, 9.2: whole message sizes. */
    static final int[] SIZES = {64 << 10, 256 << 10, 1 << 20, 4 << 20, 8 << 20, 16 << 20};
    /** 9.3, 9.4: the 4 MiB message's frame sizes. */
    static final int[] FRAMES = {64, 256, 1 << 10, 4 << 10, 16 << 10, 64 << 10, 256 << 10, 1 << 20, 4 << 20};
    /** 9.5, 9.6: write sizes for the 1 MiB message. */
    static final int[] CHOPS = {64, 256, 1 << 10, 4 << 10, 16 << 10, 128 << 10};
    /** 9.7, 9.8: message sizes of the round trips. */
    static final int[] ROUND_TRIP_SIZES = {0, 16, 64, 256, 1 << 10, 4 << 10};
    /** Round trips per case (Autobahn's count). */
    static final int ROUND_TRIPS = 1000;
    /** What a server over its own limit may answer instead: 1009, message too big (§7.4.1). */
    static final Set<Integer> TOO_BIG = Set.of(1009);
    /**
     * A few cases of each kind, cheap enough for every build (at most 4 MiB each): the default
     * selection of the module's own tests; the others run with {@code -Dconformance.full=true}.
     */
    public static final List<String> REPRESENTATIVE = List.of("limits.9.1.1", "limits.9.1.3", "limits.9.2.1",
            "limits.9.2.4", "limits.9.3.4", "limits.9.4.6", "limits.9.5.1", "limits.9.6.6", "limits.9.7.2",
            "limits.9.7.5", "limits.9.8.3", "limits.9.8.6");

    private static final Rule BIG = Rule.rfc6455("10.4",
            "a server echoes a large message intact, or refuses one over its own limit with Close 1009 (§7.4.1)");
    private static final Rule FRAGMENTS = Rule.rfc6455("5.4",
            "a message in many fragments is one message (§5.4); over the server's limit it may be refused with 1009 (§10.4)");
    private static final Rule CHOPPED = Rule.rfc6455("5.2",
            "frames are a byte stream: a message arriving in many small writes is the same message (§10.4 limits apply)");
    private static final Rule TRIPS = Rule.rfc6455("5.6",
            "each data message is echoed as it comes; the round-trip times are reported, not judged");
    private static final Map<Long, byte[]> PAYLOADS = new HashMap<>();
    private static final List<ConformanceCase> CASES = build();

    private LimitsCases() {}

    /** The 54 cases. */
    public static List<ConformanceCase> cases() {
        return CASES;
    }

    /** {@link #REPRESENTATIVE} as a selection. */
    public static Selection representative() {
        return new Selection(REPRESENTATIVE, List.of());
    }

    private static List<ConformanceCase> build() {
        List<ConformanceCase> c = new ArrayList<>();
        for (int kind = 1; kind <= 2; kind++) {
            boolean text = kind == 1;
            for (int i = 0; i < SIZES.length; i++) {
                byte[] p = payload(SIZES[i], text);
                c.add(must(id(kind, i + 1), name(text) + " of " + size(SIZES[i]) + " in one frame", BIG,
                        actions(send(data(true, text, p))), echo(text, p)));
            }
        }
        int message = 4 << 20;
        for (int kind = 3; kind <= 4; kind++) {
            boolean text = kind == 3;
            for (int i = 0; i < FRAMES.length; i++) {
                byte[] fragment = payload(FRAMES[i], text);
                List<WireFrame> frames = new ArrayList<>();
                for (int at = 0; at < message; at += FRAMES[i]) {
                    boolean fin = at + FRAMES[i] >= message;
                    frames.add(at == 0 ? data(fin, text, fragment) : WireFrame.of(fin, Opcode.CONTINUATION.code(), fragment));
                }
                c.add(must(id(kind, i + 1), name(text) + " of " + size(message) + " in frames of " + size(FRAMES[i]),
                        FRAGMENTS, actions(new Action.Send(frames, Chop.ONE_WRITE)), echo(text, payload(message, text))));
            }
        }
        int chopped = 1 << 20;
        for (int kind = 5; kind <= 6; kind++) {
            boolean text = kind == 5;
            byte[] p = payload(chopped, text);
            for (int i = 0; i < CHOPS.length; i++) {
                c.add(must(id(kind, i + 1), name(text) + " of " + size(chopped) + " in writes of " + size(CHOPS[i]),
                        CHOPPED, actions(send(Chop.every(CHOPS[i]), data(true, text, p))), echo(text, p)));
            }
        }
        for (int kind = 7; kind <= 8; kind++) {
            boolean text = kind == 7;
            for (int i = 0; i < ROUND_TRIP_SIZES.length; i++) {
                byte[] p = payload(ROUND_TRIP_SIZES[i], text);
                c.add(must(id(kind, i + 1), ROUND_TRIPS + " round trips of a " + name(text) + " of "
                                + size(ROUND_TRIP_SIZES[i]), TRIPS,
                        actions(new Action.RoundTrips(data(true, text, p), reply(text, p), ROUND_TRIPS)),
                        echoes().refusable(TOO_BIG)));
            }
        }
        return List.copyOf(c);
    }

    /** Autobahn's fill: {@code '*'} for text, {@code 0xFE} for binary; one array per size and kind. */
    private static synchronized byte[] payload(int n, boolean text) {
        return PAYLOADS.computeIfAbsent(n * 2L + (text ? 1 : 0), k -> filled(n, text ? '*' : 0xFE));
    }

    private static WireFrame data(boolean fin, boolean text, byte[] p) {
        return WireFrame.of(fin, (text ? Opcode.TEXT : Opcode.BINARY).code(), p);
    }

    private static Reply reply(boolean text, byte[] p) {
        return text ? Reply.text(p) : Reply.binary(p);
    }

    private static Expectation echo(boolean text, byte[] p) {
        return echoes(reply(text, p)).refusable(TOO_BIG);
    }

    private static String name(boolean text) {
        return text ? "text message" : "binary message";
    }

    private static String size(int n) {
        return n >= 1 << 20 ? (n >> 20) + " MiB" : n >= 1 << 10 ? (n >> 10) + " KiB" : n + " B";
    }

    private static CaseId id(int sub, int n) {
        return CaseId.of("limits", 9, sub, n);
    }
}
