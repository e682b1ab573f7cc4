package org.wslab.conformance.stomp;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.wslab.conformance.Dial;
import org.wslab.conformance.Finding;
import org.wslab.conformance.Script;
import org.wslab.conformance.Verdict;
import org.wslab.conformance.peer.AcceptedPeer;
import org.wslab.handshake.http.RequestHead;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.codec.StompFrame;

/**
 * A client-mode STOMP case: one {@link StompClientConversation} with the client under test (it
 * CONNECTs, SUBSCRIBEs, SENDs to its subscription, takes the MESSAGE and DISCONNECTs), judged by
 * one rule of STOMP 1.2 (or 1.1, 1.0 as negotiated). A step the client never took leaves its rule
 * UNIMPLEMENTED, not FAILED: the contract is ours, not the specification's. In server mode the
 * case is not playable and says so.
 */
public final class StompClientScript implements Script {
    /** Judges a finished conversation; {@code request} is the client's opening handshake. */
    private interface Judgement {
        Finding judge(StompClientConversation c, Optional<RequestHead> request);
    }

    private final String expects;
    private final boolean watchBeats;
    private final Judgement judgement;

    private StompClientScript(String expects, boolean watchBeats, Judgement judgement) {
        this.expects = expects;
        this.watchBeats = watchBeats;
        this.judgement = judgement;
    }

    @Override
    public String sends() {
        return "CONNECTED (the highest version offered, heart-beat:0," + StompClientConversation.SERVER_WANTS_MS
                + "), a RECEIPT for each receipt header, the client's SEND back as a MESSAGE to its subscription"
                + (watchBeats ? " after three agreed heart-beat periods" : "");
    }

    @Override
    public String expects() {
        return expects;
    }

    @Override
    public Finding play(Dial dial, Duration timeout, long deadlineNanos) {
        return new Finding(Verdict.UNIMPLEMENTED, "a client-mode case: wslab check --serve plays it to a STOMP client");
    }

    /** Plays the conversation on {@code peer}, upgraded, and judges it by {@code deadlineNanos}. */
    public Finding playAgainst(AcceptedPeer peer, long deadlineNanos) throws IOException {
        StompClientConversation c = new StompClientConversation();
        c.play(peer, deadlineNanos, watchBeats);
        return judgement.judge(c, peer.request());
    }

    /** RFC 6455 §1.9, §4.1: the opening handshake offers a STOMP sub-protocol. */
    public static StompClientScript offersSubProtocol() {
        return new StompClientScript("Sec-WebSocket-Protocol offers v10.stomp, v11.stomp or v12.stomp", false, (c, req) -> {
            List<String> offered = req.map(r -> r.headers().all("Sec-WebSocket-Protocol")).orElse(List.of()).stream()
                    .flatMap(v -> List.of(v.split(",")).stream()).map(String::strip).filter(s -> !s.isEmpty()).toList();
            boolean stomp = offered.stream().anyMatch(StompScript.STOMP_SUBPROTOCOLS::contains);
            return new Finding(stomp ? Verdict.OK : Verdict.FAILED, offered.isEmpty() ? "the client offered no sub-protocol"
                    : "the client offered " + String.join(", ", offered));
        });
    }

    /** STOMP 1.2 "CONNECT or STOMP Frame": accept-version and host are REQUIRED. */
    public static StompClientScript connectHeaders() {
        return new StompClientScript("CONNECT (or STOMP) with accept-version and host", false, (c, req) -> {
            if (c.connect == null) {
                return new Finding(Verdict.FAILED, c.ending);
            }
            String accept = c.connect.header("accept-version");
            String host = c.connect.header("host");
            String got = c.connect.command() + " with accept-version " + quote(accept) + " and host " + quote(host);
            if (accept == null) {
                return new Finding(Verdict.NON_STRICT, got + ": a STOMP 1.0 client (1.1 and 1.2 clients MUST send both)");
            }
            return new Finding(host == null ? Verdict.FAILED : Verdict.OK, got);
        });
    }

    /** STOMP 1.2 "SUBSCRIBE": destination and (1.1, 1.2) id are REQUIRED; ack is auto, client or client-individual. */
    public static StompClientScript subscribeHeaders() {
        return new StompClientScript("SUBSCRIBE with destination, id (1.1+) and a valid ack mode", false, (c, req) -> {
            if (c.subscribe == null) {
                return notTaken("SUBSCRIBE", c);
            }
            StompFrame s = c.subscribe;
            String ack = s.header("ack", "auto");
            AckMode mode = AckMode.fromHeader(ack); // null: not a mode at all
            boolean known = mode != null && (mode != AckMode.CLIENT_INDIVIDUAL || c.version != StompVersion.V1_0);
            String got = "SUBSCRIBE with destination " + quote(s.header("destination")) + ", id " + quote(s.header("id"))
                    + ", ack " + ack + " under STOMP " + c.version.text();
            boolean ok = s.header("destination") != null && known
                    && (c.version == StompVersion.V1_0 || s.header("id") != null);
            return new Finding(ok ? Verdict.OK : Verdict.FAILED, got);
        });
    }

    /** STOMP 1.2 "SEND": destination is REQUIRED; a body SHOULD come with content-length and content-type. */
    public static StompClientScript sendHeaders(boolean typesAndLengths) {
        return new StompClientScript(typesAndLengths ? "SEND with a body carries content-length and content-type"
                : "SEND carries a destination", false, (c, req) -> {
            if (c.send == null) {
                return notTaken("SEND", c);
            }
            StompFrame s = c.send;
            String got = "SEND with destination " + quote(s.header("destination")) + ", content-length "
                    + quote(s.header("content-length")) + ", content-type " + quote(s.header("content-type")) + ", "
                    + s.body().length + " octets of body";
            boolean ok = typesAndLengths
                    ? s.body().length == 0 || (s.header("content-length") != null && s.header("content-type") != null)
                    : s.header("destination") != null;
            return new Finding(ok ? Verdict.OK : Verdict.FAILED, got);
        });
    }

    /** STOMP 1.2 "Heart-beating": the client beats at least every max(cx, sy) ms. */
    public static StompClientScript heartBeats() {
        return new StompClientScript("data (a frame or an EOL) at least every max(cx, " + StompClientConversation.SERVER_WANTS_MS
                + ") ms while the MESSAGE is held back", true, StompClientScript::judgeBeats);
    }

    private static Finding judgeBeats(StompClientConversation c, Optional<RequestHead> req) {
        if (c.connect == null) {
            return new Finding(Verdict.FAILED, c.ending);
        }
        if (c.clientBeatMs == 0) {
            return new Finding(Verdict.UNIMPLEMENTED, "the client offers no heart-beats (heart-beat " + quote(c.connect
                    .header("heart-beat")) + " under STOMP " + c.version.text() + ")");
        }
        long n = Math.max(c.clientBeatMs, StompClientConversation.SERVER_WANTS_MS);
        if (c.holdNotGivenMs > 0) {
            return new Finding(Verdict.UNIMPLEMENTED, "heart-beats agreed every " + n + " ms; watching them needs the MESSAGE "
                    + "held back " + c.holdNotGivenMs + " ms, more than the case's time: not judged (a longer --timeout lets it be)");
        }
        if (c.messageSentAtNanos == 0) {
            return new Finding(Verdict.UNIMPLEMENTED, "watching " + n + " ms beats needs the MESSAGE held back " + c.holdMs
                    + " ms, and the conversation ended first (" + c.ending + "): a longer --timeout lets it be judged");
        }
        long last = c.connectedAtNanos;
        long longest = 0;
        int data = 0;
        for (StompClientConversation.Seen s : c.seen) {
            if (s.atNanos() - c.connectedAtNanos <= 0 || s.atNanos() - c.messageSentAtNanos > 0) {
                continue;
            }
            longest = Math.max(longest, s.atNanos() - last);
            last = s.atNanos();
            data++;
        }
        longest = Math.max(longest, c.messageSentAtNanos - last) / 1_000_000;
        long allowed = n + n / 2 + 250;
        String got = "agreed every " + n + " ms (cx " + c.clientBeatMs + ", our sy " + StompClientConversation.SERVER_WANTS_MS
                + "); over " + c.holdMs + " ms the client sent data " + data + " times, longest silence " + longest + " ms";
        return new Finding(longest <= allowed ? Verdict.OK : Verdict.FAILED, got + (longest <= allowed ? ""
                : " (more than " + allowed + " ms)"));
    }

    /** STOMP 1.2 "DISCONNECT": a graceful shutdown SHOULD send DISCONNECT with a receipt and wait for the RECEIPT. */
    public static StompClientScript disconnectWithReceipt() {
        return new StompClientScript("DISCONNECT with a receipt header", false, (c, req) -> {
            if (c.connect == null) {
                return notTaken("CONNECT", c);
            }
            if (c.disconnect == null) {
                return new Finding(Verdict.FAILED, "the client ended without DISCONNECT: " + c.ending);
            }
            String receipt = c.disconnect.header("receipt");
            return new Finding(receipt == null ? Verdict.FAILED : Verdict.OK, "DISCONNECT with receipt " + quote(receipt));
        });
    }

    /** STOMP 1.2 "DISCONNECT": clients MUST NOT send any more frames after the DISCONNECT frame. */
    public static StompClientScript nothingAfterDisconnect() {
        return new StompClientScript("no STOMP frame after DISCONNECT, then the client closes", false, (c, req) -> {
            if (c.disconnect == null) {
                return notTaken("DISCONNECT", c);
            }
            return new Finding(c.framesAfterDisconnect == 0 ? Verdict.OK : Verdict.FAILED, c.framesAfterDisconnect
                    + " STOMP frame(s) after DISCONNECT; then " + c.ending);
        });
    }

    private static Finding notTaken(String step, StompClientConversation c) {
        return new Finding(Verdict.UNIMPLEMENTED, "the client sent no " + step + " (a client-mode STOMP client CONNECTs, "
                + "SUBSCRIBEs, SENDs to its subscription and DISCONNECTs); it ended: " + c.ending);
    }

    private static String quote(String value) {
        return value == null ? "(none)" : "\"" + value + "\"";
    }
}
