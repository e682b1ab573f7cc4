package org.wslab.conformance.peer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.wslab.framing.codec.FrameDecoder;
import org.wslab.framing.codec.Role;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.ClientTrust;
import org.wslab.framing.tls.TlsContexts;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.ClientVerdict;
import org.wslab.handshake.WebSocketUri;
import org.wslab.handshake.deflate.DeflateParameters;
import org.wslab.handshake.http.HttpRule;
import org.wslab.handshake.http.HttpParseFailure;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.http.ResponseHeadParser;

/**
 * A byte-level WebSocket client for conformance cases: a plain TCP socket to a {@code ws://} URL
 * (or a TLS one to a {@code wss://} URL, RFC 6455 §4.1 (5): the log then shows what TLS carries), the
 * opening handshake of RFC 6455 §4.1 done with the {@code handshake} module (or any request a
 * case writes itself), then any bytes at all — frames that break §5.2 on purpose, in any chops.
 * What the server answers is decoded with framing's {@link FrameDecoder} in the client role, so
 * a masked or malformed server frame is itself an observation. Every byte both ways is recorded,
 * with its time, in a {@link WireLog}. Reads wait at most the timeout given; a closed TCP
 * connection and a Close frame are both observations, never exceptions. One thread per peer.
 */
public final class RawPeer implements FramePeer, AutoCloseable {
    /** Bytes read per {@code read} call. */
    public static final int READ_BUFFER = 16 * 1024;
    /** Bytes per {@code write} call of a large write, the server's answer taken in between. */
    static final int WRITE_SLICE = 64 * 1024;

    private final WebSocketUri uri;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final WireLog log = new WireLog();
    private final InboundFrames inbound;
    private Optional<DeflateParameters> deflate = Optional.empty();
    /** Our role: CLIENT for a server under test; SERVER ({@link AcceptedPeer}) for a client under test. */
    private final Role role;
    private final String other;
    private final Random maskKeys = new SecureRandom();
    private final byte[] readBuffer = new byte[READ_BUFFER];
    private boolean tcpClosed;
    /** A write failed (the server closed or reset): later writes are no-ops, but what it sent first is still read. */
    private boolean writeFailed;
    private String tcpClosedHow = "closed";

    private RawPeer(WebSocketUri uri, Socket socket) throws IOException {
        this(uri, socket, Role.CLIENT);
    }

    /** A peer on {@code socket} in {@code role}: frames decoded as that role receives them (§5.1). */
    RawPeer(WebSocketUri uri, Socket socket, Role role) throws IOException {
        this.uri = uri;
        this.socket = socket;
        this.role = role;
        this.other = role == Role.CLIENT ? "server" : "client";
        this.inbound = new InboundFrames(role, log);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /**
     * Opens a TCP connection to a {@code ws://} URL within {@code timeout}, or a TLS one to a
     * {@code wss://} URL trusted as the system trusts it; no WebSocket handshake yet.
     *
     * @throws IllegalArgumentException for a URL that is not a WebSocket URI (RFC 6455 §3)
     * @throws IOException              when the connection (or its TLS handshake) cannot be opened
     */
    public static RawPeer connect(URI target, Duration timeout) throws IOException {
        return connect(target, timeout, Optional.empty());
    }

    /**
     * {@link #connect(URI, Duration)} with the TLS of a {@code wss://} URL (RFC 6455 §4.1 (5)):
     * {@code tls}'s trust, SNI, host name check and versions, or when empty the system's trust
     * store with the host name checked. The frames then go inside TLS records, unchanged; the
     * wire log shows them in the clear. {@code tls} is ignored for {@code ws://}.
     */
    public static RawPeer connect(URI target, Duration timeout, Optional<ClientTls> tls) throws IOException {
        WebSocketUri uri = target(target);
        Socket s = new Socket();
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try {
            s.connect(new InetSocketAddress(uri.host(), uri.port()), millis);
            s.setTcpNoDelay(true); // chops must reach the server as written
            if (uri.secure()) {
                ClientTls t = tls.orElseGet(() -> systemTls(uri));
                SSLSocket ssl = (SSLSocket) t.context().getSocketFactory().createSocket(s, uri.host(), uri.port(), true);
                s = ssl;
                ssl.setSSLParameters(t.parameters());
                ssl.setSoTimeout(millis);
                ssl.startHandshake();
            }
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return new RawPeer(uri, s);
    }

    /** The TLS a {@code wss://} URL gets when none is given: the system's trust store, the host name checked. */
    static ClientTls systemTls(WebSocketUri uri) {
        return new ClientTls(TlsContexts.client(ClientTrust.system()), uri.host(), uri.port(), true, List.of());
    }

    /**
     * The {@code ws://} or {@code wss://} URL the peer can connect to.
     *
     * @throws IllegalArgumentException naming the rule for a URL that is not a WebSocket URI (RFC 6455 §3)
     */
    public static WebSocketUri target(URI target) {
        WebSocketUri.Parse parse = WebSocketUri.parse(target.toString());
        if (parse instanceof WebSocketUri.Parse.Invalid i) {
            throw new IllegalArgumentException(i.rule() + ": " + i.detail());
        }
        return ((WebSocketUri.Parse.Valid) parse).uri();
    }

    /** The URL connected to. */
    public WebSocketUri uri() {
        return uri;
    }

    /** The bytes both ways so far. */
    public WireLog log() {
        return log;
    }

    /** The permessage-deflate parameters the server accepted in the opening handshake, if any (RFC 7692 §7.1). */
    public Optional<DeflateParameters> deflate() {
        return deflate;
    }

    /** The standard opening handshake (RFC 6455 §4.1): our request, the server's answer judged by the handshake module. */
    public ClientVerdict openingHandshake(Duration timeout) throws IOException {
        return openingHandshake(timeout, ClientOptions.defaults());
    }

    /**
     * The opening handshake (RFC 6455 §4.1) with {@code options}: sub-protocol offers (§1.9, §4.1 (10)),
     * permessage-deflate offers (RFC 7692 §5), the response judged by the handshake module (RFC 7692 §7.1
     * included). Once the server accepted permessage-deflate, frames with RSV1 decode (§6) and
     * {@link #deflate()} holds what was agreed.
     */
    public ClientVerdict openingHandshake(Duration timeout, ClientOptions options) throws IOException {
        ClientHandshake hs = ClientHandshake.create(uri, options);
        ParseResult<ResponseHead> r = request(hs.requestBytes(), timeout);
        if (r instanceof ParseResult.Parsed<ResponseHead> p) {
            ClientVerdict v = hs.validate(p.head());
            if (v instanceof ClientVerdict.Accepted a && a.deflate().isPresent()) {
                deflate = a.deflate();
                inbound.allowCompression();
            }
            return v;
        }
        HttpParseFailure f = ((ParseResult.Failed<ResponseHead>) r).failure();
        return new ClientVerdict.Rejected(f.rule(), f.toString());
    }

    /**
     * Sends a request a case wrote itself and reads the response head within {@code timeout}; bytes
     * after the head are kept as the first frame bytes. A server that closes or stays silent
     * answers {@link ParseResult.Failed}.
     */
    public ParseResult<ResponseHead> request(byte[] request, Duration timeout) throws IOException {
        log.note("opening handshake request (RFC 6455 §4.1)\n" + new String(request, java.nio.charset.StandardCharsets.ISO_8859_1).stripTrailing());
        write(request);
        return response(timeout);
    }

    /**
     * Reads a response head within {@code timeout} to what was already written (a request a case
     * wrote in pieces, with {@link #write}); as {@link #request}, bytes after the head are kept.
     */
    public ParseResult<ResponseHead> response(Duration timeout) throws IOException {
        ResponseHeadParser parser = new ResponseHeadParser();
        long deadline = System.nanoTime() + timeout.toNanos();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        if (inbound.hasPending()) { // read while a large request was written (an early refusal, e.g. 431)
            byte[] early = inbound.takePending();
            ParseResult<ResponseHead> r = parser.feed(early, 0, early.length);
            if (r instanceof ParseResult.Parsed<ResponseHead> p) {
                head.write(early, 0, p.consumed());
                log.note("opening handshake response\n" + head.toString(java.nio.charset.StandardCharsets.ISO_8859_1).stripTrailing());
                keep(early, p.consumed(), early.length - p.consumed());
                return r;
            }
            if (r instanceof ParseResult.Failed<ResponseHead>) {
                return r;
            }
            head.write(early, 0, early.length);
        }
        while (true) {
            int n = read(deadline);
            if (n <= 0) {
                String what = n < 0 ? "the server closed the connection" : "no response within " + timeout.toMillis() + " ms";
                return new ParseResult.Failed<>(new HttpParseFailure(HttpRule.STATUS_LINE_SYNTAX, head.size(),
                        what + " before the response head ended"));
            }
            ParseResult<ResponseHead> r = parser.feed(readBuffer, 0, n);
            if (r instanceof ParseResult.Parsed<ResponseHead> p) {
                head.write(readBuffer, 0, p.consumed());
                log.note("opening handshake response\n" + head.toString(java.nio.charset.StandardCharsets.ISO_8859_1).stripTrailing());
                keep(readBuffer, p.consumed(), n - p.consumed());
                return r;
            }
            head.write(readBuffer, 0, n);
            if (r instanceof ParseResult.Failed<ResponseHead>) {
                return r;
            }
        }
    }

    /**
     * Writes {@code frames} masked with fresh keys (§5.3) where they ask for a mask (in the server
     * role {@link WireFrame#mirrored() mirrored}), cut into writes as {@code chop} says. A server that has closed the connection makes the write a no-op
     * noted in the log; the next {@link #next} then observes the close.
     */
    public void send(List<WireFrame> frames, Chop chop) throws IOException {
        FrameWrites.send(frames, chop, role, maskKeys, log, this::write);
    }

    /** Writes raw bytes exactly as given (a no-op noted in the log once the connection is gone). */
    public void write(byte[] bytes) throws IOException {
        if (tcpClosed || writeFailed || bytes.length == 0) {
            return;
        }
        try {
            for (int off = 0; off < bytes.length; off += WRITE_SLICE) {
                int n = Math.min(WRITE_SLICE, bytes.length - off);
                out.write(bytes, off, n);
                out.flush();
                log.sent(n == bytes.length ? bytes : Arrays.copyOfRange(bytes, off, off + n));
                if (off + n < bytes.length) {
                    drainAvailable(); // only between slices: a small write (the handshake request) reads nothing early
                }
            }
        } catch (SocketException | SSLException e) {
            writeFailed = true; // the server's Close (e.g. 1009 mid-message) may still wait in our receive buffer
            log.note("write failed, the " + other + " closed the connection: " + e.getMessage());
        }
    }

    /** The next thing the server does within {@code timeout}: a frame, a TCP close, silence or bad bytes. */
    public Observation next(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Observation decoded = inbound.decode();
            if (decoded != null) {
                return decoded;
            }
            if (tcpClosed) {
                return new Observation.TcpClosed("closed");
            }
            int n = read(deadline);
            if (n == 0) {
                log.note("silence for " + timeout.toMillis() + " ms");
                return new Observation.Silence(timeout.toMillis());
            }
            if (n < 0) {
                return new Observation.TcpClosed(tcpClosedHow);
            }
            keep(readBuffer, 0, n);
        }
    }

    /**
     * Takes in what the server has already sent without waiting: a server that echoes while we
     * still write (frame by frame) must never block us both on full TCP buffers.
     */
    private void drainAvailable() throws IOException {
        while (!tcpClosed && in.available() > 0) {
            int n = read(System.nanoTime() + 1_000_000_000L);
            if (n <= 0) {
                return;
            }
            keep(readBuffer, 0, n);
        }
    }

    /** Reads once before {@code deadline}: bytes read, 0 on timeout, -1 when the TCP connection ended. */
    private int read(long deadline) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000;
        if (tcpClosed) {
            return -1;
        }
        if (left <= 0) {
            return 0;
        }
        try {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            int n = in.read(readBuffer);
            if (n < 0) {
                tcpClosed = true;
                tcpClosedHow = "closed (FIN)";
                log.note(other + " closed the TCP connection");
                return -1;
            }
            log.received(Arrays.copyOf(readBuffer, n));
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (SocketException | SSLException e) { // over TLS: a TCP close without close_notify, or a reset
            tcpClosed = true;
            tcpClosedHow = "reset (" + e.getMessage() + ")";
            log.note("TCP connection reset: " + e.getMessage());
            return -1;
        }
    }

    /** Appends {@code b[off, off+len)} to the bytes waiting for the decoder. */
    void keep(byte[] b, int off, int len) {
        inbound.keep(b, off, len);
    }

    /** Closes the socket at once, from any thread (a watchdog ending a case that overran). */
    public void abort() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() {
        abort();
    }
}
