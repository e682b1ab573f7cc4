package org.wslab.lab.client;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.ClientVerdict;
import org.wslab.handshake.ServerJudgement;
import org.wslab.handshake.WebSocketUri;
import org.wslab.handshake.explain.TranscriptExplainer;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.http.ResponseHeadParser;
import org.wslab.handshake.spec.HandshakeRule;
import org.wslab.handshake.spec.Outcome;
import org.wslab.handshake.spec.RuleCheck;
import org.wslab.lab.common.ConnectFailure;
import org.wslab.lab.common.ConnectFailures;

/**
 * Performs a real opening handshake (RFC 6455 §4.1) against any server over a plain socket, with
 * the {@code handshake} module doing the protocol: the request comes from {@link ClientHandshake},
 * the answer is read through an incremental {@link ResponseHeadParser} (so reading stops exactly at
 * the end of the head, and its 8 KiB limit bounds it), the start of a refusal's body is read
 * ({@link ResponseBody}, bounded), and the server is judged by {@link ServerJudgement}: the request
 * as a server must check it (§4.2.1), the response as a client does (§4.1). After a 101 the probe
 * says goodbye with a masked Close frame (RFC 6455 §5.5.1, code 1000) and closes.
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
        HeadSink head = new HeadSink();
        try (HandshakeSocket socket = HandshakeSocket.connect(
                new HandshakeSocket.Address(uri.host(), uri.port()), timeout, tls)) {
            long sent = System.nanoTime();
            socket.send(handshake.requestBytes());
            HandshakeSocket.Received got = socket.read(head, HandshakeSocket.MAX_RESPONSE_BYTES);
            ProbeTimings timings = new ProbeTimings(socket.connectTime(), socket.tlsTime(),
                    Duration.ofNanos(System.nanoTime() - sent));
            if (head.last instanceof ParseResult.Parsed<ResponseHead> p) {
                ResponseHead response = p.head();
                byte[] all = got.received();
                ResponseBody body = response.status() == 101 ? ResponseBody.none()
                        : ResponseBody.read(socket, response, Arrays.copyOfRange(all, head.end, all.length));
                ServerJudgement judgement = ServerJudgement.of(handshake.request(), response);
                if (judgement.clientVerdict() instanceof ClientVerdict.Accepted) {
                    socket.sendQuietly(normalClosure(random));
                }
                return new ProbeResult.Answered(handshake, Arrays.copyOf(all, head.end), response, body, judgement,
                        findings(handshake, response), socket.tls(), timings);
            }
            return unanswered(handshake, got, head.last, socket, timings);
        }
    }

    /** A client's Close with 1000 and no reason (RFC 6455 §5.5.1), masked with a fresh key (§5.3). */
    static byte[] normalClosure(SecureRandom random) {
        byte[] body = new CloseBody(CloseCode.NORMAL.code(), "").toPayload();
        return new FrameEncoder(Role.CLIENT, random::nextInt).encode(Frame.of(true, Opcode.CLOSE, body));
    }

    /**
     * The explainer's findings, no verdict in them: obsolete fields always; the sub-protocol and
     * permessage-deflate outcomes only on a 101, where something was negotiated.
     */
    private static List<RuleCheck> findings(ClientHandshake handshake, ResponseHead response) {
        List<RuleCheck> out = new ArrayList<>();
        for (RuleCheck c : TranscriptExplainer.explain(handshake.request(), response).checks()) {
            boolean negotiation = c.rule() == HandshakeRule.SUBPROTOCOL_CHOSEN
                    || c.rule() == HandshakeRule.PERMESSAGE_DEFLATE_OUTCOME;
            if (c.outcome() == Outcome.INFO && (response.status() == 101 || !negotiation)) {
                out.add(c);
            }
        }
        return out;
    }

    private static ProbeResult unanswered(ClientHandshake handshake, HandshakeSocket.Received got,
                                          ParseResult<ResponseHead> parsed, HandshakeSocket socket,
                                          ProbeTimings timings) {
        byte[] received = got.received();
        Optional<TlsFacts> tls = socket.tls();
        boolean looksHttp = startsWithHttp(received);
        if (parsed instanceof ParseResult.Failed<ResponseHead> f && looksHttp) {
            return new ProbeResult.BrokenHttp(handshake, received, f.failure(), tls, timings);
        }
        String where = ConnectFailures.where(handshake.uri());
        ConnectFailure failure;
        if (received.length > 0 && !looksHttp && tls.isEmpty() && TlsRecords.looksLikeTls(received, received.length)) {
            failure = new ConnectFailure.Tls(new TlsFailure(TlsProblem.TLS_ON_PLAIN_URL, "", List.of()),
                    handshake.uri().host(), handshake.uri().port());
        } else if (received.length > 0 && !looksHttp && !maybeHttp(received)) {
            failure = new ConnectFailure.NotHttp(where, Arrays.copyOf(received, Math.min(received.length, 64)),
                    received.length);
        } else if (got.ending() == HandshakeSocket.Ending.TIMED_OUT) {
            failure = socket.timedOut(received.length);
        } else {
            failure = new ConnectFailure.ClosedEarly(where, received.length);
        }
        return new ProbeResult.NoHttp(handshake, received, failure, tls);
    }

    private static boolean startsWithHttp(byte[] received) {
        return prefixOfHttp(received, true);
    }

    /** Whether {@code received} could still become an {@code HTTP/} status line (it is a prefix of one). */
    private static boolean maybeHttp(byte[] received) {
        return prefixOfHttp(received, false);
    }

    private static boolean prefixOfHttp(byte[] received, boolean whole) {
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
        return !whole || n == http.length;
    }

    /** Feeds the head parser, remembering where in the whole answer the head ended. */
    private static final class HeadSink implements ResponseSink {
        private final ResponseHeadParser parser = new ResponseHeadParser();
        private ParseResult<ResponseHead> last = new ParseResult.NeedMore<>();
        private int fed;
        private int end;

        @Override
        public boolean accept(byte[] data, int off, int len) {
            last = parser.feed(data, off, len);
            if (last instanceof ParseResult.Parsed<ResponseHead> p) {
                end = fed + p.consumed();
            }
            fed += len;
            return !(last instanceof ParseResult.NeedMore);
        }
    }
}
