package org.wslab.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wslab.conformance.peer.Chop;
import org.wslab.conformance.peer.FramePeer;
import org.wslab.conformance.peer.Observation;
import org.wslab.conformance.peer.WireFrame;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.deflate.MessageDecompressor;
import org.wslab.framing.text.Utf8Validator;

/**
 * Reads what the server does after a case's frames and compares it with the {@link Expectation}:
 * messages are reassembled (§5.4) before they are compared, a server Ping is answered (§5.5.2)
 * and otherwise ignored, and a server Close is checked against §5.5.1 and §7.4.1 before its code
 * is compared. With permessage-deflate agreed, a message whose first frame has RSV1 is inflated
 * (RFC 7692 §7.2.2) before it is compared, and RSV1 anywhere else breaks §6.1. One judge per connection.
 */
final class Judge {
    /** How long, after the closing handshake, the server is given to close TCP first (§7.1.1); reported, not judged. */
    static final Duration TCP_CLOSE_GRACE = Duration.ofMillis(500);

    private final FramePeer peer;
    private final long deadline;
    private final List<String> seen = new ArrayList<>();
    private ByteArrayOutputStream message;
    /** Round trips were timed: what would be OK is INFORMATIONAL, a report of the times. */
    private boolean timed;
    private Opcode messageOpcode;
    /** Inflates the server's compressed messages (RFC 7692 §7.2.2), or null without permessage-deflate. */
    private Inflation inflation;
    private boolean messageCompressed;

    Judge(FramePeer peer, long deadlineNanos) {
        this.peer = peer;
        this.deadline = deadlineNanos;
    }

    /** This judge, inflating the server's compressed messages with {@code d} (permessage-deflate agreed). */
    Judge inflating(MessageDecompressor d) {
        inflation = new Inflation(d);
        return this;
    }

    /** How many of the server's messages came compressed (RSV1, RFC 7692 §6). */
    int compressedMessages() {
        return inflation == null ? 0 : inflation.messages();
    }

    /** Adds a line to what the finding reports, e.g. a summary of many echoes. */
    void report(String line) {
        seen.add(line);
    }

    /**
     * Awaits {@code want} as the server's next message: null when it came, else the finding that
     * ends the case ({@code which} names the message in it), a refusal {@code e} allows included.
     */
    Finding await(Reply want, Expectation e, String which) throws IOException {
        Heard h = next();
        if (h instanceof Heard.Message m && m.reply().equals(want)) {
            return null;
        }
        Finding refused = refusal(h, e, want);
        return refused != null ? refused : failed(which + ": expected " + want + " but " + h
                + (h instanceof Heard.Message m ? m.reply().differenceFrom(want) : ""));
    }

    /** The verdict on this connection for {@code e}. */
    Finding judge(Expectation e) throws IOException {
        for (int i = 0; i < e.replies().size(); i++) {
            Reply want = e.replies().get(i);
            Heard h = next();
            if (h instanceof Heard.Message m && m.reply().equals(want)) {
                seen.add(m.reply().toString());
                continue;
            }
            if (e.ending() instanceof Ending.FailConnection f && endsConnection(h)) {
                // the frames that break the rule came in the same read as the ones before them: a server may
                // fail on the whole read before it answers any (Autobahn's non-strict outcome of 3.2, 4.1.3, 5.15)
                Finding failure = failConnection(h, f.codes());
                String missed = "failed the connection without first answering " + e.replies().subList(i, e.replies().size())
                        + ", the frames before the violation: ";
                return failure.verdict() == Verdict.FAILED ? failure
                        : new Finding(Verdict.NON_STRICT, missed + failure.observed());
            }
            Finding refused = refusal(h, e, want);
            return refused != null ? refused : failed("expected " + want + " but " + h);
        }
        if (e.ending() instanceof Ending.CloseNormally) {
            peer.send(List.of(WireFrame.close(WireFrame.closeBody(1000, ""))), Chop.ONE_WRITE);
            return awaitClose(Set.of(1000));
        }
        if (e.ending() instanceof Ending.AwaitClose a) {
            return awaitClose(a.codes());
        }
        return failConnection(next(), ((Ending.FailConnection) e.ending()).codes());
    }

    /**
     * Sends {@code t.message()} {@code t.count()} times, each after the last one's echo: null when
     * every echo came back (their round-trip times are then reported, and an OK ending becomes
     * INFORMATIONAL), else the finding that ends the case.
     */
    Finding roundTrips(Action.RoundTrips t, Expectation e) throws IOException {
        long[] nanos = new long[t.count()];
        for (int i = 0; i < t.count(); i++) {
            long sent = System.nanoTime();
            peer.send(List.of(t.message()), Chop.ONE_WRITE);
            Finding broken = await(t.echo(), e, "round trip " + (i + 1) + " of " + t.count());
            if (broken != null) {
                return broken;
            }
            nanos[i] = System.nanoTime() - sent;
        }
        java.util.Arrays.sort(nanos);
        long total = java.util.Arrays.stream(nanos).sum();
        seen.add(String.format("%d round trips of %s: median %d µs, 99th percentile %d µs, max %d µs, %d ms in all",
                t.count(), t.echo(), nanos[nanos.length / 2] / 1000, nanos[(int) (nanos.length * 0.99)] / 1000,
                nanos[nanos.length - 1] / 1000, total / 1_000_000));
        timed = true;
        return null;
    }

    /**
     * When {@code e} lets the server refuse a message (e.g. 1009 over its size limit, §7.4.1) and
     * {@code h} is such a refusal, the INFORMATIONAL finding that reports it (and our answering
     * Close, §5.5.1); a TCP close without a Close there is NON_STRICT (§7.1.7 SHOULD). Else null.
     */
    private Finding refusal(Heard h, Expectation e, Reply wanted) throws IOException {
        if (e.refusals().isEmpty()) {
            return null;
        }
        if (h instanceof Heard.Ended end && end.observation() instanceof Observation.TcpClosed t) {
            return found(Verdict.NON_STRICT, peer.closedText(t) + " instead of answering " + wanted
                    + "; a refusal should send Close " + Ending.codesText(e.refusals()) + " first (§7.1.7)");
        }
        if (!(h instanceof Heard.Close c) || closeProblem(c.frame()) != null || !e.refusals().contains(closeCode(c.frame()))) {
            return null;
        }
        peer.send(List.of(WireFrame.close(WireFrame.closeBody(closeCode(c.frame()), ""))), Chop.ONE_WRITE);
        return found(Verdict.INFORMATIONAL, h + ": refused " + wanted + " over the server's own limit (§7.4.1, §10.4)");
    }

    private static boolean endsConnection(Heard h) {
        return h instanceof Heard.Close || h instanceof Heard.Ended end && end.observation() instanceof Observation.TcpClosed;
    }

    private Finding awaitClose(Set<Integer> codes) throws IOException {
        Heard h = next();
        if (!(h instanceof Heard.Close c)) {
            return failed("our Close was not answered with a Close (§5.5.1 MUST): " + h);
        }
        String problem = closeProblem(c.frame());
        if (problem != null) {
            return failed(problem);
        }
        int code = closeCode(c.frame());
        long wait = Math.min(TCP_CLOSE_GRACE.toNanos(), Math.max(0, deadline - System.nanoTime()));
        Observation after = peer.next(Duration.ofNanos(wait));
        if (after instanceof Observation.Received r) {
            return failed(h + ", then a " + r.frame().opcode() + " frame after its Close (§5.5.1: no frames after Close)");
        }
        String tcp = after instanceof Observation.TcpClosed ? "then " + peer.closedText()
                : "TCP still open " + Duration.ofNanos(wait).toMillis() + " ms later (§7.1.1: the server SHOULD close it first)";
        if (codes.contains(code)) {
            return found(Verdict.OK, h + "; " + tcp);
        }
        return found(Verdict.NON_STRICT, h + ", expected " + Ending.codesText(codes) + "; " + tcp);
    }

    private Finding failConnection(Heard h, Set<Integer> codes) throws IOException {
        if (h instanceof Heard.Ended end && end.observation() instanceof Observation.TcpClosed t) {
            return found(Verdict.NON_STRICT, peer.closedText(t) + " without a Close frame"
                    + " (§7.1.7: it SHOULD send Close " + Ending.codesText(codes) + " first)");
        }
        if (!(h instanceof Heard.Close c)) {
            return failed("the server did not fail the connection (§7.1.7 MUST): " + h);
        }
        String problem = closeProblem(c.frame());
        if (problem != null) {
            return failed(problem);
        }
        int code = closeCode(c.frame());
        if (code == 1000 || code == Ending.NO_CODE) {
            return failed(h + ": a normal close, so the violation went unnoticed (§7.1.7 MUST fail the connection;"
                    + " §7.4.1: 1000 means the purpose was fulfilled)");
        }
        peer.send(List.of(WireFrame.close(code == Ending.NO_CODE ? new byte[0] : WireFrame.closeBody(code, ""))),
                Chop.ONE_WRITE);
        if (codes.contains(code)) {
            return found(Verdict.OK, h.toString());
        }
        return found(Verdict.NON_STRICT, h + ", expected " + Ending.codesText(codes) + " (§7.4.1)");
    }

    /** Why a server's Close breaks §5.5.1 or §7.4.1, or null. */
    static String closeProblem(Frame close) {
        byte[] p = close.payload();
        if (p.length == 1) {
            return "the server's Close has a 1-byte body (§5.5.1: empty, or a 2-byte code first)";
        }
        if (p.length >= 2 && !CloseCode.validOnWire(closeCode(close))) {
            return "the server's Close carries code " + CloseCode.describe(closeCode(close))
                    + ", which may not be sent (§7.4.1)";
        }
        if (p.length > 2 && Utf8Validator.firstInvalid(java.util.Arrays.copyOfRange(p, 2, p.length)) >= 0) {
            return "the server's Close reason is not UTF-8 (§5.5.1)";
        }
        return null;
    }

    static int closeCode(Frame close) {
        byte[] p = close.payload();
        return p.length < 2 ? Ending.NO_CODE : ((p[0] & 0xFF) << 8) | (p[1] & 0xFF);
    }

    /** The next whole message, control frame, Close or end of the connection. */
    private Heard next() throws IOException {
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new Heard.Ended(new Observation.Silence(0), "");
            }
            Observation o = peer.next(Duration.ofNanos(left));
            if (!(o instanceof Observation.Received r)) {
                return new Heard.Ended(o, o instanceof Observation.TcpClosed t ? peer.closedText(t) : "");
            }
            Frame f = r.frame();
            if (f.rsv1() && (f.opcode().isControl() || f.opcode() == Opcode.CONTINUATION)) {
                return new Heard.Broken("a " + f.opcode() + " frame with RSV1 set (RFC 7692 §6.1: only the first frame"
                        + " of a compressed data message carries it)");
            }
            switch (f.opcode()) {
                case PING -> peer.send(List.of(WireFrame.pong(f.payload())), Chop.ONE_WRITE); // §5.5.2, not judged
                case PONG -> {
                    return new Heard.Message(Reply.pong(f.payload()));
                }
                case CLOSE -> {
                    return new Heard.Close(f);
                }
                case TEXT, BINARY -> {
                    if (message != null) {
                        return new Heard.Broken("a new " + f.opcode() + " frame inside an unfinished message (§5.4)");
                    }
                    message = new ByteArrayOutputStream();
                    messageOpcode = f.opcode();
                    messageCompressed = f.rsv1();
                    Heard done = append(f);
                    if (done != null) {
                        return done;
                    }
                }
                case CONTINUATION -> {
                    if (message == null) {
                        return new Heard.Broken("a continuation frame with no message to continue (§5.4)");
                    }
                    Heard done = append(f);
                    if (done != null) {
                        return done;
                    }
                }
            }
        }
    }

    private Heard append(Frame f) {
        message.writeBytes(f.payload());
        if (!f.fin()) {
            return null;
        }
        byte[] payload = message.toByteArray();
        int compressed = messageCompressed ? payload.length : -1;
        message = null;
        if (messageCompressed) {
            Inflation.Outcome o = inflation == null ? new Inflation.Outcome(null,
                    "a compressed message (RSV1) without permessage-deflate agreed (RFC 7692 §6)")
                    : inflation.inflate(messageOpcode, payload);
            if (o.problem() != null) {
                return new Heard.Broken(o.problem());
            }
            payload = o.inflated();
        }
        return new Heard.Message(new Reply(messageOpcode, payload), compressed);
    }

    private Finding failed(String why) {
        return found(Verdict.FAILED, why);
    }

    private Finding found(Verdict v, String last) {
        List<String> all = new ArrayList<>(seen);
        all.add(last);
        return new Finding(timed && v == Verdict.OK ? Verdict.INFORMATIONAL : v, String.join("; ", all));
    }

    /** What the server did next, at message level. */
    private sealed interface Heard {
        /** A message or a Pong; {@code compressedBytes} is -1 unless it came compressed (RFC 7692 §6). */
        record Message(Reply reply, int compressedBytes) implements Heard {
            Message(Reply reply) {
                this(reply, -1);
            }

            @Override
            public String toString() {
                return "the server sent " + reply + (compressedBytes < 0 ? "" : ", inflated from " + compressedBytes + " bytes");
            }
        }

        record Close(Frame frame) implements Heard {
            @Override
            public String toString() {
                int code = closeCode(frame);
                String reason = frame.payload().length > 2
                        ? " \"" + new String(frame.payload(), 2, frame.payload().length - 2, StandardCharsets.UTF_8) + "\"" : "";
                return "the server sent Close " + (code == Ending.NO_CODE ? "without a code" : CloseCode.describe(code)) + reason;
            }
        }

        /** The connection's end, {@code closed} saying how the peer put a close of its carrier. */
        record Ended(Observation observation, String closed) implements Heard {
            @Override
            public String toString() {
                if (observation instanceof Observation.TcpClosed) {
                    return closed;
                }
                if (observation instanceof Observation.Undecodable u) {
                    return "the server sent a broken frame: " + u.error();
                }
                return "the server sent nothing more before the case timed out";
            }
        }

        record Broken(String what) implements Heard {
            @Override
            public String toString() {
                return "the server sent " + what;
            }
        }
    }
}
