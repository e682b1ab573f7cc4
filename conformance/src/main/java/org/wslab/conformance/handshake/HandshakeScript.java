package org.wslab.conformance.handshake;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.wslab.conformance.Dial;
import org.wslab.conformance.Finding;
import org.wslab.conformance.Script;
import org.wslab.conformance.peer.Chop;
import org.wslab.conformance.peer.Observation;
import org.wslab.conformance.peer.RawPeer;
import org.wslab.conformance.peer.WireFrame;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.Opcode;
import org.wslab.handshake.ClientOffer;
import org.wslab.handshake.extension.ExtensionHeader;
import org.wslab.handshake.extension.ExtensionOffer;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.ResponseHead;

/**
 * A case of the opening handshake (RFC 6455 §4.1, §4.2): a request of the case's own writing
 * ({@link RequestTemplate}, filled with the target's host, port and path), written as the
 * {@link Delivery} says, the response head read with {@link RawPeer#request} and judged by the
 * {@link HandshakeExpectation}. After any 101 the script starts the closing handshake (§5.5.1, §7.1.2)
 * and waits for the server's Close, so the server is left tidy; what it did then is reported, not judged.
 *
 * @param title       what the request is, in words
 * @param request     the request
 * @param delivery    how it is written
 * @param expectation what a conforming server answers
 */
public record HandshakeScript(String title, RequestTemplate request, Delivery delivery, HandshakeExpectation expectation)
        implements Script {
    /** The longest wait for the server's Close after a 101. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(1);

    public HandshakeScript {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(expectation, "expectation");
    }

    /** {@code request} in one write. */
    public HandshakeScript(String title, RequestTemplate request, HandshakeExpectation expectation) {
        this(title, request, Delivery.ONE_WRITE, expectation);
    }

    @Override
    public String sends() {
        return "an opening handshake request: " + title + ", " + delivery;
    }

    @Override
    public String expects() {
        return expectation.describe();
    }

    @Override
    public Finding play(Dial dial, Duration timeout, long deadlineNanos) throws IOException, InterruptedException {
        RawPeer peer = dial.tcp();
        byte[] bytes = request.bytes(peer.uri());
        ParseResult<ResponseHead> response;
        if (delivery.writeBytes() == 0) {
            response = peer.request(bytes, left(deadlineNanos));
        } else {
            peer.log().note("opening handshake request (RFC 6455 §4.1), " + delivery + "\n"
                    + new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).stripTrailing());
            for (int off = 0; off < bytes.length; off += delivery.writeBytes()) {
                peer.write(Arrays.copyOfRange(bytes, off, Math.min(bytes.length, off + delivery.writeBytes())));
                if (delivery.pauseMillis() > 0 && off + delivery.writeBytes() < bytes.length) {
                    Thread.sleep(delivery.pauseMillis());
                }
            }
            response = peer.response(left(deadlineNanos));
        }
        ServerAnswer answer = answer(response, peer, deadlineNanos);
        Finding f = expectation.judge(answer, offer());
        if (answer instanceof ServerAnswer.Response r && r.head().status() == 101) {
            return new Finding(f.verdict(), f.observed() + "; then " + closeAfterUpgrade(peer, deadlineNanos));
        }
        return f;
    }

    /** What the request offered (§4.1): its key (OWS trimmed, RFC 9110 §5.5), sub-protocols and extensions. */
    ClientOffer offer() {
        List<String> keys = request.values("Sec-WebSocket-Key").stream().map(String::strip).toList();
        List<String> protocols = new ArrayList<>();
        for (String v : request.values("Sec-WebSocket-Protocol")) {
            Arrays.stream(v.split(",")).map(String::strip).filter(p -> !p.isEmpty()).forEach(protocols::add);
        }
        List<ExtensionOffer> extensions = ExtensionHeader.parse(request.values("Sec-WebSocket-Extensions"))
                instanceof ExtensionHeader.Result.Parsed p ? p.offers() : List.of();
        return new ClientOffer(String.join(", ", keys), protocols, extensions);
    }

    private static ServerAnswer answer(ParseResult<ResponseHead> r, RawPeer peer, long deadline) throws IOException {
        if (r instanceof ParseResult.Parsed<ResponseHead> p) {
            return new ServerAnswer.Response(p.head());
        }
        String failure = ((ParseResult.Failed<ResponseHead>) r).failure().toString();
        if (deadline - System.nanoTime() < 2_000_000) {
            return new ServerAnswer.Silent(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())).toMillis());
        }
        Observation after = peer.next(Duration.ofMillis(1));
        return after instanceof Observation.TcpClosed t ? new ServerAnswer.Closed(t.how()) : new ServerAnswer.Malformed(failure);
    }

    /** Our Close 1000, then what the server sent until its Close (§5.5.1), in words. */
    private static String closeAfterUpgrade(RawPeer peer, long deadline) throws IOException {
        peer.send(List.of(WireFrame.close(WireFrame.closeBody(1000, ""))), Chop.ONE_WRITE);
        List<String> seen = new ArrayList<>();
        long until = Math.min(deadline, System.nanoTime() + CLOSE_WAIT.toNanos());
        while (true) {
            Observation o = peer.next(left(until));
            if (o instanceof Observation.Received rec && rec.frame().opcode() == Opcode.CLOSE) {
                seen.add("answered our Close with a Close");
                return String.join(", ", seen);
            }
            if (o instanceof Observation.Received rec) {
                seen.add("sent " + describe(rec.frame()));
                continue;
            }
            seen.add(o instanceof Observation.TcpClosed ? "closed TCP without answering our Close"
                    : o instanceof Observation.Undecodable u ? "sent a broken frame: " + u.error()
                    : "did not answer our Close");
            return String.join(", ", seen);
        }
    }

    private static String describe(Frame f) {
        return f.opcode() == Opcode.TEXT && f.fin()
                ? "a text message \"" + new String(f.payload(), java.nio.charset.StandardCharsets.UTF_8) + "\""
                : "a " + f.opcode() + " frame of " + f.payload().length + " bytes";
    }

    private static Duration left(long deadline) {
        return Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
    }
}
