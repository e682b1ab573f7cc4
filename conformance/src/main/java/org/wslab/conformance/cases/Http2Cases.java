package org.wslab.conformance.cases;

import static org.wslab.conformance.cases.Cases.actions;
import static org.wslab.conformance.cases.Cases.echoes;
import static org.wslab.conformance.cases.Cases.fails;
import static org.wslab.conformance.cases.Cases.filled;
import static org.wslab.conformance.cases.Cases.frame;
import static org.wslab.conformance.cases.Cases.send;
import static org.wslab.conformance.cases.Cases.utf8;
import static org.wslab.conformance.http2.ExtendedConnectScript.frames;

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
import org.wslab.conformance.http2.Http2Checks;
import org.wslab.conformance.peer.Chop;
import org.wslab.conformance.peer.WireFrame;
import org.wslab.framing.codec.Opcode;

/**
 * WebSocket over HTTP/2 (RFC 8441), a category Autobahn|Testsuite does not have: the setting that
 * enables the extended CONNECT (§3), the CONNECT request and its 200 (§4, §5), RFC 6455's own rules for
 * the fields §5 keeps (version, sub-protocol), RFC 6455 frames carried in the stream's DATA as on a TCP
 * connection — split across DATA frames, several in one, past the flow-control window — and the stream
 * standing for the TCP connection: END_STREAM after the closing handshake, a reset stream leaving the
 * connection's other WebSockets be, two WebSockets multiplexed on one connection.
 */
public final class Http2Cases {
    private static final Rule SETTING = rule("3", "a server that supports the extended CONNECT sends"
            + " SETTINGS_ENABLE_CONNECT_PROTOCOL (0x8) with the value 1; any value other than 0 or 1 is a PROTOCOL_ERROR");
    private static final Rule BOOTSTRAP = rule("5", "a CONNECT with :protocol websocket MUST be processed as a WebSocket"
            + " handshake; the server accepts it with a 200, not RFC 6455's 101");
    private static final Rule NO_ACCEPT = rule("5", "Sec-WebSocket-Key and Sec-WebSocket-Accept are not used: the"
            + " :protocol pseudo-header supersedes them");
    private static final Rule STREAM = rule("5", "after the 200 the peers speak RFC 6455 on the CONNECT stream as if it"
            + " were the TCP connection; the connection is OPEN (RFC 6455 §4.1)");
    private static final Rule CLOSURE = rule("5", "orderly TCP closures are END_STREAM flags, TCP resets RST_STREAM"
            + " with CANCEL; the server SHOULD end the stream first after the closing handshake (RFC 6455 §7.1.1)");
    private static final Rule VERSION = new Rule("RFC 8441 §5, RFC 6455 §4.2.1 (6)", "Sec-WebSocket-Version is used"
            + " as RFC 6455 defines it: a request without version 13 is not a WebSocket handshake the server accepts");
    private static final Rule VERSION_ANSWER = new Rule("RFC 8441 §5, RFC 6455 §4.4", "a server refusing a version"
            + " SHOULD name the versions it supports in Sec-WebSocket-Version");
    private static final Rule SUBPROTOCOL = new Rule("RFC 8441 §5, RFC 6455 §4.2.2 (4)", "the server selects at most"
            + " one of the sub-protocols the client offered, or none");
    private static final Rule UNKNOWN_PROTOCOL = rule("4", "the extended CONNECT names the protocol the stream is to"
            + " carry; a server that does not support a :protocol value SHOULD refuse it (RFC 9220 §3: with 501)");
    private static final Rule MULTIPLEX = rule("1", "several WebSockets share one HTTP/2 connection, each on its own"
            + " stream (RFC 9113 §5): each carries its own bytes, and one stream's reset leaves the others open");

    private Http2Cases() {}

    /** The 18 cases. */
    public static List<ConformanceCase> cases() {
        byte[] large = filled(256 * 1024, 0xFE);
        List<ConformanceCase> c = new ArrayList<>();
        c.add(new ConformanceCase(id(3, 1), "SETTINGS_ENABLE_CONNECT_PROTOCOL = 1 in the server's SETTINGS", SETTING,
                Http2Checks.setting(), Strictness.MUST));
        c.add(new ConformanceCase(id(4, 1), "an extended CONNECT with an unknown :protocol", UNKNOWN_PROTOCOL,
                Http2Checks.unknownProtocol(), Strictness.SHOULD));
        c.add(new ConformanceCase(id(5, 1), "the extended CONNECT is answered 200", BOOTSTRAP,
                Http2Checks.accepted(), Strictness.MUST));
        c.add(new ConformanceCase(id(5, 2), "the 200 carries no Sec-WebSocket-Accept", NO_ACCEPT,
                Http2Checks.noAccept(), Strictness.SHOULD));
        c.add(new ConformanceCase(id(5, 3), "a CONNECT without sec-websocket-version is refused", VERSION,
                Http2Checks.refusedVersion(null), Strictness.MUST));
        c.add(new ConformanceCase(id(5, 4), "a CONNECT with sec-websocket-version 8 is refused", VERSION,
                Http2Checks.refusedVersion("8"), Strictness.MUST));
        c.add(new ConformanceCase(id(5, 5), "the refusal of version 8 names version 13", VERSION_ANSWER,
                Http2Checks.versionNamed(), Strictness.SHOULD));
        c.add(new ConformanceCase(id(5, 6), "an offer of a sub-protocol the server does not know", SUBPROTOCOL,
                Http2Checks.unknownSubprotocol(), Strictness.MUST));
        c.add(onStream(7, "a text message echoed on the stream",
                actions(send(WireFrame.text("Hello over HTTP/2"))), echoes(Reply.text("Hello over HTTP/2"))));
        c.add(onStream(8, "a binary message echoed on the stream",
                actions(send(WireFrame.binary(filled(1000, 0xFE)))), echoes(Reply.binary(filled(1000, 0xFE)))));
        c.add(onStream(9, "one frame cut into a DATA frame per octet",
                actions(send(Chop.PER_OCTET, WireFrame.text("split across DATA frames"))),
                echoes(Reply.text("split across DATA frames"))));
        c.add(onStream(10, "a fragmented message and a Ping in one DATA frame",
                actions(send(frame(false, Opcode.TEXT, "frag"), WireFrame.ping(utf8("in between")),
                        frame(true, Opcode.CONTINUATION, "mented"))),
                echoes(Reply.pong(utf8("in between")), Reply.text("fragmented"))));
        c.add(onStream(11, "a 256 KiB message, four times the initial flow-control window (RFC 9113 §6.9.2)",
                actions(send(Chop.every(16 * 1024), WireFrame.binary(large))), echoes(Reply.binary(large))));
        c.add(onStream(12, "an unmasked frame on the stream fails the WebSocket (RFC 6455 §5.1)",
                actions(send(WireFrame.text("unmasked").unmasked())), fails()));
        c.add(onStream(13, "invalid UTF-8 in a text message fails the WebSocket with 1007 (RFC 6455 §8.1)",
                actions(send(WireFrame.of(true, Opcode.TEXT.code(), new byte[] {(byte) 0xCE, (byte) 0xBA, (byte) 0xF4,
                        (byte) 0x90, (byte) 0x80, (byte) 0x80}))),
                new Expectation(List.of(), new Ending.FailConnection(Set.of(1007)))));
        c.add(new ConformanceCase(id(5, 14), "after the closing handshake the server ends the stream with END_STREAM",
                CLOSURE, Http2Checks.endsStream(), Strictness.MUST)); // the Close echo is a MUST, END_STREAM a SHOULD
        c.add(new ConformanceCase(id(5, 15), "two WebSockets on one connection, messages interleaved", MULTIPLEX,
                Http2Checks.multiplexed(), Strictness.MUST));
        c.add(new ConformanceCase(id(5, 16), "one WebSocket's stream reset, the other still echoes", MULTIPLEX,
                Http2Checks.resetLeavesOthers(), Strictness.MUST));
        return c;
    }

    private static ConformanceCase onStream(int n, String title, List<Action> actions, Expectation e) {
        return new ConformanceCase(id(5, n), title, STREAM, frames(actions, e), Strictness.MUST);
    }

    private static Rule rule(String section, String statement) {
        return new Rule("RFC 8441 §" + section, statement);
    }

    /** {@code h2.8441.<section>.<n>}: after every Autobahn-numbered case, and naming the RFC and its section. */
    private static CaseId id(int section, int n) {
        return CaseId.of("h2", 8441, section, n);
    }
}
