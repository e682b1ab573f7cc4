package org.wslab.conformance.http2;

import static org.wslab.conformance.http2.ExtendedConnectScript.left;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wslab.conformance.Action;
import org.wslab.conformance.Ending;
import org.wslab.conformance.Expectation;
import org.wslab.conformance.Finding;
import org.wslab.conformance.FrameScript;
import org.wslab.conformance.Reply;
import org.wslab.conformance.Verdict;
import org.wslab.conformance.peer.Chop;
import org.wslab.conformance.peer.H2Connect;
import org.wslab.conformance.peer.H2Response;
import org.wslab.conformance.peer.H2Session;
import org.wslab.conformance.peer.H2Stream;
import org.wslab.conformance.peer.Observation;
import org.wslab.conformance.peer.WireFrame;
import org.wslab.framing.codec.Opcode;
import org.wslab.handshake.http.HeaderField;

/**
 * The RFC 8441 cases that judge more than frames on one stream: the setting (§3), the response to the
 * extended CONNECT (§4, §5) for good and bad requests, the stream's end (§5), and several WebSockets on
 * one connection. Each answers an {@link ExtendedConnectScript}.
 */
public final class Http2Checks {
    /** How long the server is given to end its side of the stream after the closing handshake. */
    static final Duration END_GRACE = Duration.ofSeconds(2);

    private Http2Checks() {}

    /** §3: the setting is 1 (the script already found it non-zero, or the case is UNIMPLEMENTED). */
    public static ExtendedConnectScript setting() {
        return new ExtendedConnectScript("the HTTP/2 client preface (RFC 9113 §3.4)",
                "SETTINGS carry SETTINGS_ENABLE_CONNECT_PROTOCOL = 1", (session, deadline) ->
                new Finding(Verdict.OK, "SETTINGS " + H2Session.named(session.settings())));
    }

    /** §5: the 200, and the stream's RFC 6455 state OPEN. */
    public static ExtendedConnectScript accepted() {
        return ExtendedConnectScript.onWebSockets(1, "an extended CONNECT, :protocol websocket, sec-websocket-version 13",
                "a 200 response (RFC 8441 §5)", (streams, deadline) -> {
                    int status = streams.get(0).response().get().status();
                    return new Finding(status == 200 ? Verdict.OK : Verdict.NON_STRICT, "answered " + status
                            + (status == 200 ? "" : " — a 2xx opens the tunnel (RFC 9113 §8.5), but RFC 8441 §5 says 200"));
                });
    }

    /** §5: no Sec-WebSocket-Accept, nothing to compute it from. */
    public static ExtendedConnectScript noAccept() {
        return ExtendedConnectScript.onWebSockets(1, "an extended CONNECT, :protocol websocket, no sec-websocket-key",
                "a 200 without sec-websocket-accept", (streams, deadline) -> {
                    List<String> accept = streams.get(0).response().get().headers().all("sec-websocket-accept");
                    return accept.isEmpty() ? new Finding(Verdict.OK, "200 without sec-websocket-accept")
                            : new Finding(Verdict.NON_STRICT, "the 200 carries sec-websocket-accept " + accept
                            + " though no key was sent (RFC 8441 §5: the :protocol pseudo-header supersedes them)");
                });
    }

    /** RFC 6455 §4.2.1 (6) through RFC 8441 §5: no version, or version {@code version}, is refused. */
    public static ExtendedConnectScript refusedVersion(String version) {
        String what = version == null ? "without sec-websocket-version" : "with sec-websocket-version " + version;
        return new ExtendedConnectScript("an extended CONNECT, :protocol websocket, " + what,
                "a refusal: any status but 2xx", (session, deadline) -> {
                    H2Connect request = version == null ? H2Connect.websocket(session.uri().resourceName())
                            : H2Connect.websocket(session.uri().resourceName(), new HeaderField("sec-websocket-version", version));
                    H2Stream s = session.connect(request, left(deadline));
                    Optional<H2Response> r = s.response();
                    if (r.isEmpty()) {
                        return new Finding(Verdict.FAILED, "no response to the CONNECT " + what + " (RFC 8441 §5: it is answered"
                                + " as a WebSocket handshake, here a refusal)");
                    }
                    return r.get().accepted()
                            ? new Finding(Verdict.FAILED, "the CONNECT " + what + " was accepted with " + r.get().status()
                                    + " (RFC 6455 §4.2.1 (6): only version 13 is this protocol)")
                            : new Finding(Verdict.OK, "refused with " + r.get().status());
                });
    }

    /** RFC 6455 §4.4 through RFC 8441 §5: the refusal of version 8 says which version the server speaks. */
    public static ExtendedConnectScript versionNamed() {
        return new ExtendedConnectScript("an extended CONNECT, :protocol websocket, sec-websocket-version 8",
                "a refusal carrying sec-websocket-version: 13", (session, deadline) -> {
                    H2Stream s = session.connect(H2Connect.websocket(session.uri().resourceName(),
                            new HeaderField("sec-websocket-version", "8")), left(deadline));
                    Optional<H2Response> r = s.response();
                    if (r.isEmpty() || r.get().accepted()) {
                        return new Finding(Verdict.FAILED, r.map(x -> "accepted with " + x.status()).orElse("no response")
                                + ": nothing refused (case h2.8441.5.4 judges that)");
                    }
                    List<String> named = r.get().headers().tokens("sec-websocket-version");
                    return named.contains("13")
                            ? new Finding(Verdict.OK, r.get().status() + " with sec-websocket-version " + named)
                            : new Finding(Verdict.NON_STRICT, r.get().status() + " without sec-websocket-version 13 (RFC 6455 §4.4)");
                });
    }

    /** RFC 6455 §4.2.2 (4) through RFC 8441 §5: an unknown offer is not selected. */
    public static ExtendedConnectScript unknownSubprotocol() {
        String offered = "wslab.unknown-subprotocol";
        return new ExtendedConnectScript("an extended CONNECT offering sec-websocket-protocol " + offered,
                "no sec-websocket-protocol in the answer, or one offered", (session, deadline) -> {
                    H2Stream s = session.connect(H2Connect.websocket(session.uri().resourceName(), H2Connect.VERSION_13,
                            new HeaderField("sec-websocket-protocol", offered)), left(deadline));
                    Optional<H2Response> r = s.response();
                    if (r.isEmpty()) {
                        return new Finding(Verdict.FAILED, "no response to the CONNECT (RFC 8441 §5: it is answered as a"
                                + " WebSocket handshake)");
                    }
                    List<String> picked = r.get().headers().tokens("sec-websocket-protocol");
                    if (!r.get().accepted() || picked.isEmpty()) {
                        return new Finding(Verdict.OK, r.get().status() + (picked.isEmpty() ? " without a sub-protocol" : ""));
                    }
                    return picked.equals(List.of(offered)) ? new Finding(Verdict.OK, "200 selecting " + offered)
                            : new Finding(Verdict.FAILED, "200 selecting " + picked + ", not offered (RFC 6455 §4.2.2 (4))");
                });
    }

    /** RFC 8441 §4, RFC 9220 §3: an unknown {@code :protocol} is refused. */
    public static ExtendedConnectScript unknownProtocol() {
        return new ExtendedConnectScript("an extended CONNECT with :protocol wslab-unknown",
                "a refusal, 501 as RFC 9220 §3 says for HTTP/3", (session, deadline) -> {
                    H2Stream s = session.connect(new H2Connect("wslab-unknown", session.uri().resourceName(),
                            List.of(H2Connect.VERSION_13)), left(deadline));
                    Optional<H2Response> r = s.response();
                    if (r.isEmpty()) {
                        return new Finding(Verdict.NON_STRICT, "no response to a :protocol it does not support");
                    }
                    int status = r.get().status();
                    return r.get().accepted()
                            ? new Finding(Verdict.NON_STRICT, "accepted :protocol wslab-unknown with " + status)
                            : new Finding(Verdict.OK, "refused with " + status);
                });
    }

    /** §5: after Close both ways, the server ends the stream (END_STREAM), as it closes TCP first (RFC 6455 §7.1.1). */
    public static ExtendedConnectScript endsStream() {
        return ExtendedConnectScript.onWebSockets(1, "the extended CONNECT, then Close 1000 on the stream",
                "Close echoed, then END_STREAM (not RST_STREAM) from the server", (streams, deadline) -> {
                    H2Stream s = streams.get(0);
                    s.send(List.of(WireFrame.close(WireFrame.closeBody(1000, ""))), Chop.ONE_WRITE);
                    Observation o = s.next(left(deadline));
                    if (!(o instanceof Observation.Received r && r.frame().opcode() == Opcode.CLOSE)) {
                        return new Finding(Verdict.FAILED, "our Close was not answered with a Close (RFC 6455 §5.5.1): " + o);
                    }
                    Observation after = s.next(END_GRACE);
                    if (after instanceof Observation.TcpClosed t) {
                        boolean orderly = t.how().contains("END_STREAM");
                        return new Finding(orderly ? Verdict.OK : Verdict.NON_STRICT, "Close echoed, then " + t.how()
                                + (orderly ? "" : " (RFC 8441 §5: an orderly close is END_STREAM)"));
                    }
                    return new Finding(after instanceof Observation.Silence ? Verdict.NON_STRICT : Verdict.FAILED,
                            "Close echoed, then " + after + " within " + END_GRACE.toMillis() + " ms (RFC 8441 §5:"
                            + " the server SHOULD end the stream first, RFC 6455 §7.1.1)");
                });
    }

    /**
     * Two WebSockets at once: three text messages on each, interleaved on the connection, then each
     * stream judged as {@link FrameScript} judges one connection — its own three echoes, then the closing
     * handshake.
     */
    public static ExtendedConnectScript multiplexed() {
        return ExtendedConnectScript.onWebSockets(2, "two extended CONNECTs on one connection, then a text message on"
                + " each, alternately, three times", "each stream echoes its own messages", (streams, deadline) -> {
                    List<List<Reply>> echoes = List.of(new ArrayList<>(), new ArrayList<>());
                    for (int i = 0; i < 3; i++) {
                        for (int n = 0; n < 2; n++) {
                            String text = "stream " + "AB".charAt(n) + " message " + i;
                            streams.get(n).send(List.of(WireFrame.text(text)), Chop.ONE_WRITE);
                            echoes.get(n).add(Reply.text(text));
                        }
                    }
                    for (int n = 0; n < 2; n++) {
                        Finding f = new FrameScript(List.of(), closingAfter(echoes.get(n))).playFrames(streams.get(n), deadline);
                        if (f.verdict() != Verdict.OK) {
                            return new Finding(f.verdict(), "stream " + "AB".charAt(n) + ": " + f.observed());
                        }
                    }
                    return new Finding(Verdict.OK, "three messages echoed on each of two streams, each on its own");
                });
    }

    /** RST_STREAM on one WebSocket (a TCP reset, §5) leaves the connection and its other WebSocket open. */
    public static ExtendedConnectScript resetLeavesOthers() {
        return ExtendedConnectScript.onWebSockets(2, "two extended CONNECTs; RST_STREAM CANCEL on the first, then a"
                + " message on the second", "the second stream still echoes", (streams, deadline) -> {
                    streams.get(0).reset();
                    String text = "still here after the other stream's reset";
                    Finding f = new FrameScript(List.of(new Action.Send(List.of(WireFrame.text(text)), Chop.ONE_WRITE)),
                            closingAfter(List.of(Reply.text(text)))).playFrames(streams.get(1), deadline);
                    return f.verdict() == Verdict.OK ? new Finding(Verdict.OK, "the other stream echoed after the reset: "
                            + f.observed()) : f;
                });
    }

    /** {@code replies} in order, then the closing handshake we start (RFC 6455 §5.5.1). */
    private static Expectation closingAfter(List<Reply> replies) {
        return new Expectation(replies, new Ending.CloseNormally());
    }
}
