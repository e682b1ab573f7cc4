package org.wslab.lab.client;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameEncoder;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.codec.Role;
import org.wslab.framing.engine.CloseBody;
import org.wslab.framing.tls.ClientTls;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.framing.tls.TlsFailure;
import org.wslab.framing.tls.TlsProblem;
import org.wslab.framing.tls.TlsRecords;
import org.wslab.lab.common.TlsFailureLine;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.ClientVerdict;
import org.wslab.handshake.WebSocketUri;
import org.wslab.handshake.explain.TranscriptExplainer;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.http.ResponseHeadParser;

/**
 * Performs a real opening handshake (RFC 6455 §4.1) against any server over a plain socket, with
 * the {@code handshake} module doing the protocol: the request comes from {@link ClientHandshake},
 * the answer is read through an incremental {@link ResponseHeadParser} (so reading stops exactly at
 * the end of the head, and its 8 KiB limit bounds it), and the verdict and annotations come from
 * the module's checks and explainer. After an accepted handshake the probe says goodbye with a
 * masked Close frame (RFC 6455 §5.5.1, code 1000) and closes.
 */
public final class HandshakeProbe {
    private HandshakeProbe() {}

    /** Connects to {@code uri} (ws://), handshakes with {@code options}, all within {@code timeout}. */
    public static ProbeResult run(WebSocketUri uri, ClientOptions options, Duration timeout) {
        return run(uri, options, timeout, Optional.empty());
    }

    /** The same over TLS when {@code tls} is given (wss://, RFC 6455 §4.1 (5)). */
    public static ProbeResult run(WebSocketUri uri, ClientOptions options, Duration timeout, Optional<ClientTls> tls) {
        SecureRandom random = new SecureRandom();
        ClientHandshake handshake = ClientHandshake.create(uri, options, random);
        ResponseHeadParser parser = new ResponseHeadParser();
        AtomicReference<ParseResult<ResponseHead>> last = new AtomicReference<>(new ParseResult.NeedMore<>());
        try (HandshakeSocket socket = HandshakeSocket.connect(
                new HandshakeSocket.Address(uri.host(), uri.port()), timeout, tls)) {
            socket.send(handshake.requestBytes());
            HandshakeSocket.Received got = socket.readResponse((data, off, len) -> {
                last.set(parser.feed(data, off, len));
                return !(last.get() instanceof ParseResult.NeedMore);
            });
            ProbeResult result = judge(handshake, got, last.get(), socket.tls());
            if (result instanceof ProbeResult.Answered a && a.verdict() instanceof ClientVerdict.Accepted) {
                socket.sendQuietly(normalClosure(random));
            }
            return result;
        }
    }

    /** A client's Close with 1000 and no reason (RFC 6455 §5.5.1), masked with a fresh key (§5.3). */
    static byte[] normalClosure(SecureRandom random) {
        byte[] body = new CloseBody(CloseCode.NORMAL.code(), "").toPayload();
        return new FrameEncoder(Role.CLIENT, random::nextInt).encode(Frame.of(true, Opcode.CLOSE, body));
    }

    private static ProbeResult judge(ClientHandshake handshake, HandshakeSocket.Received got,
                                     ParseResult<ResponseHead> parsed, Optional<TlsFacts> tls) {
        byte[] received = got.received();
        if (parsed instanceof ParseResult.Parsed<ResponseHead> p) {
            ResponseHead head = p.head();
            return new ProbeResult.Answered(handshake, received, head,
                    TranscriptExplainer.explain(handshake.request(), head), handshake.validate(head), tls);
        }
        boolean looksHttp = startsWithHttp(received);
        if (parsed instanceof ParseResult.Failed<ResponseHead> f && looksHttp) {
            return new ProbeResult.BrokenHttp(handshake, received, f.failure(), tls);
        }
        if (received.length == 0) {
            return new ProbeResult.NoHttp(handshake, received, "closed the connection without answering", tls);
        }
        if (!looksHttp && tls.isEmpty() && TlsRecords.looksLikeTls(received, received.length)) {
            throw TlsFailureLine.failure(new TlsFailure(TlsProblem.TLS_ON_PLAIN_URL, "", List.of()),
                    handshake.uri().host(), handshake.uri().port(), null);
        }
        if (!looksHttp) {
            return new ProbeResult.NoHttp(handshake, received, "answered " + received.length
                    + " bytes that are not an HTTP response (no \"HTTP/\" status line, RFC 9112 §4)", tls);
        }
        return new ProbeResult.NoHttp(handshake, received, switch (got.ending()) {
            case PEER_CLOSED -> "closed the connection after " + received.length
                    + " bytes, before the response head ended (RFC 9112 §8: incomplete message)";
            case TOO_LONG, SINK_DONE -> "sent " + received.length + " bytes without ending the response head";
        }, tls);
    }

    private static boolean startsWithHttp(byte[] received) {
        int i = 0;
        while (i < received.length && (received[i] == '\r' || received[i] == '\n')) {
            i++; // RFC 9112 §2.2: a recipient may skip empty lines before the start line
        }
        byte[] http = "HTTP/".getBytes(StandardCharsets.US_ASCII);
        int n = Math.min(http.length, received.length - i);
        for (int k = 0; k < n; k++) {
            if (received[i + k] != http[k]) {
                return false;
            }
        }
        return n == http.length;
    }
}
