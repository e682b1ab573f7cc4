package org.wslab.conformance.peer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.codec.Role;
import org.wslab.handshake.ServerDecision;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.WebSocketUri;
import org.wslab.handshake.http.HeadWriter;
import org.wslab.handshake.http.Headers;
import org.wslab.handshake.http.HttpParseFailure;
import org.wslab.handshake.http.HttpRule;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.RequestHeadParser;
import org.wslab.handshake.http.ResponseHead;

/**
 * The server end of a conformance case, for a client under test: a TCP connection we accepted,
 * the client's opening handshake read and judged by the handshake module's {@link ServerHandshake}
 * (RFC 6455 §4.2.1) and answered (§4.2.2), then frames as a {@link RawPeer} in the server role —
 * ours sent unmasked (§5.1, a case's frames {@link WireFrame#mirrored() mirrored}), the client's
 * decoded as a server must, so an unmasked client frame is an {@link Observation.Undecodable} (§5.1).
 * Once both Close frames have passed, the server closes TCP first (§7.1.1) after giving the client
 * {@code linger} to show whether it waits for that: {@link #tcpEnding()} says which. One thread.
 */
public final class AcceptedPeer implements FramePeer, AutoCloseable {
    private final Socket socket;
    private final RawPeer raw;
    private Duration linger;
    private RequestHead request;
    private boolean closeSent;
    private boolean closeReceived;
    private String tcpEnding;
    private Boolean clientWaited;

    private AcceptedPeer(Socket socket, RawPeer raw, Duration linger) {
        this.socket = socket;
        this.raw = raw;
        this.linger = linger;
    }

    /**
     * Reads the request head on an accepted {@code socket} within {@code timeout}; {@code served} is
     * the URL the client was pointed at. Answers the peer and the parse (a client that closes or stays
     * silent answers {@link ParseResult.Failed}); bytes after the head are kept as the first frame bytes.
     */
    public static Accepted accept(Socket socket, WebSocketUri served, Duration timeout, Duration linger) throws IOException {
        socket.setTcpNoDelay(true);
        AcceptedPeer peer = new AcceptedPeer(socket, new RawPeer(served, socket, Role.SERVER), linger);
        return new Accepted(peer, peer.readHead(timeout));
    }

    /**
     * A peer whose request head was read.
     *
     * @param peer the peer
     * @param head the client's request head, or why it did not parse
     */
    public record Accepted(AcceptedPeer peer, ParseResult<RequestHead> head) {}

    private ParseResult<RequestHead> readHead(Duration timeout) throws IOException {
        RequestHeadParser parser = new RequestHeadParser();
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[RawPeer.READ_BUFFER];
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            int n;
            try {
                socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left)));
                n = left <= 0 ? 0 : in.read(buf);
            } catch (SocketTimeoutException e) {
                n = 0;
            } catch (SocketException e) {
                n = -1;
            }
            if (n <= 0) {
                String what = n < 0 ? "the client closed the connection" : "no request within " + timeout.toMillis() + " ms";
                return new ParseResult.Failed<>(new HttpParseFailure(HttpRule.REQUEST_LINE_SYNTAX, head.size(),
                        what + " before the request head ended"));
            }
            ParseResult<RequestHead> r = parser.feed(buf, 0, n);
            int used = r instanceof ParseResult.Parsed<RequestHead> p ? p.consumed() : n;
            head.write(buf, 0, used);
            raw.log().received(java.util.Arrays.copyOf(buf, n));
            if (r instanceof ParseResult.Parsed<RequestHead> p) {
                request = p.head();
                raw.log().note("opening handshake request (RFC 6455 §4.1)\n" + head.toString(StandardCharsets.ISO_8859_1).stripTrailing());
                raw.keep(buf, used, n - used);
                return r;
            }
            if (r instanceof ParseResult.Failed<RequestHead>) {
                return r;
            }
        }
    }

    /** Gives the client {@code d} (instead of the linger it was accepted with) to close TCP after the closing handshake. */
    public void linger(Duration d) {
        linger = d;
    }

    /** The client's request head, once read. */
    public Optional<RequestHead> request() {
        return Optional.ofNullable(request);
    }

    /**
     * Judges the request with {@code handshake} (§4.2.1) and writes its answer: 101 (§4.2.2), after
     * which frames flow, or the refusal naming the broken rule (400, 426, 403), after which the case is over.
     */
    public ServerDecision upgrade(ServerHandshake handshake) throws IOException {
        ServerDecision d = handshake.respond(request);
        writeResponse(d.bytes(), "opening handshake response");
        return d;
    }

    /** Answers a request that is not an upgrade to a case (the case list, an unknown path) with a plain HTTP response. */
    public void respond(int status, String reason, String body) throws IOException {
        byte[] text = body.getBytes(StandardCharsets.UTF_8);
        ResponseHead h = ResponseHead.of(status, reason, Headers.of("Content-Type", "text/plain; charset=utf-8",
                "Content-Length", Integer.toString(text.length), "Connection", "close"));
        byte[] head = HeadWriter.write(h);
        byte[] all = java.util.Arrays.copyOf(head, head.length + text.length);
        System.arraycopy(text, 0, all, head.length, text.length);
        writeResponse(all, "HTTP response");
    }

    private void writeResponse(byte[] bytes, String what) throws IOException {
        raw.log().note(what + "\n" + new String(bytes, StandardCharsets.ISO_8859_1).stripTrailing());
        raw.write(bytes);
    }

    @Override
    public WireLog log() {
        return raw.log();
    }

    @Override
    public void send(List<WireFrame> frames, Chop chop) throws IOException {
        closeSent |= frames.stream().anyMatch(f -> f.opcode() == Opcode.CLOSE.code());
        raw.send(frames, chop);
    }

    /**
     * As {@link RawPeer#next}; once both Close frames have passed, waits at most {@code linger} for the
     * client: a frame is answered as it is (the judge fails it), its TCP close means it did not wait;
     * silence means it waited, and then the server closes TCP first (§7.1.1).
     */
    @Override
    public Observation next(Duration timeout) throws IOException {
        if (!(closeSent && closeReceived) || tcpEnding != null) {
            Observation o = raw.next(timeout);
            closeReceived |= o instanceof Observation.Received r && r.frame().opcode() == Opcode.CLOSE;
            return o;
        }
        Duration wait = timeout.compareTo(linger) < 0 ? timeout : linger;
        Observation o = raw.next(wait);
        if (o instanceof Observation.TcpClosed t) {
            clientWaited = false;
            tcpEnding = "the client closed TCP (" + t.how() + ") before the server did (§7.1.1: the server closes"
                    + " it first; a client SHOULD wait for that)";
            return o;
        }
        if (o instanceof Observation.Silence) {
            clientWaited = true;
            tcpEnding = "the client waited " + wait.toMillis() + " ms for the server to close TCP first (§7.1.1)";
            raw.log().note("the server closes the TCP connection first (§7.1.1)");
            raw.abort();
            return new Observation.TcpClosed("closed by the server first (§7.1.1)");
        }
        return o;
    }

    /** How TCP ended after the closing handshake (§7.1.1), once the judge waited for it. */
    public Optional<String> tcpEnding() {
        return Optional.ofNullable(tcpEnding);
    }

    /** Whether the client waited for the server to close TCP after the closing handshake (§7.1.1), once known. */
    public Optional<Boolean> clientWaited() {
        return Optional.ofNullable(clientWaited);
    }

    /** Closes the socket at once, from any thread (a watchdog ending a case that overran). */
    public void abort() {
        raw.abort();
    }

    @Override
    public void close() {
        raw.close();
    }
}
