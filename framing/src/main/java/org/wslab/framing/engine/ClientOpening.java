package org.wslab.framing.engine;

import java.nio.ByteBuffer;
import org.wslab.framing.tls.TlsFailure;
import org.wslab.framing.tls.TlsProblem;
import org.wslab.framing.tls.TlsRecords;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.ClientVerdict;
import org.wslab.handshake.http.HeadLimits;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.http.ResponseHeadParser;

/**
 * The client's opening handshake (RFC 6455 §4.1) for the engine, on the {@code handshake}
 * module: sends {@link ClientHandshake#requestBytes()}, parses the response head incrementally
 * and validates it. Frames that arrive in the same read as the head stay in the buffer; a refusal
 * keeps the start of its body that came with the head.
 * The outcome is a {@link HandshakeExchange.Client} or a {@link HandshakeFailure.ResponseRejected} /
 * {@link HandshakeFailure.ResponseUnreadable}; TLS records where the response should start (a
 * {@code ws://} URL of a TLS port) are {@link HandshakeFailure.TlsFailed} with
 * {@link TlsProblem#TLS_ON_PLAIN_URL}.
 */
public final class ClientOpening implements OpeningHandshake {
    private final ClientHandshake handshake;
    private final ResponseHeadParser parser;
    /** The response's first octets, until {@value #HEAD} are seen: TLS records where HTTP should be are named, garbage shown. */
    private final byte[] first = new byte[HEAD];
    private int firstLength;
    private static final int HEAD = HandshakeFailure.ResponseUnreadable.MAX_FIRST;

    /** A client opening with default head limits. */
    public ClientOpening(ClientHandshake handshake) {
        this(handshake, HeadLimits.defaults());
    }

    /** A client opening with the given limits on the response head. */
    public ClientOpening(ClientHandshake handshake, HeadLimits limits) {
        this.handshake = handshake;
        this.parser = new ResponseHeadParser(limits);
    }

    @Override
    public byte[] start() {
        return handshake.requestBytes();
    }

    @Override
    public Step receive(ByteBuffer in) {
        if (firstLength < HEAD && in.hasRemaining()) {
            int n = Math.min(HEAD - firstLength, in.remaining());
            in.get(in.position(), first, firstLength, n);
            firstLength += n;
            if (firstLength >= 3 && TlsRecords.looksLikeTls(first, firstLength)) {
                return new Step.Rejected(new byte[0], new HandshakeFailure.TlsFailed(new TlsFailure(
                        TlsProblem.TLS_ON_PLAIN_URL, "it sent \"" + TlsRecords.quote(first, firstLength) + "\""
                        + (TlsRecords.alertDescription(first, firstLength) >= 0 ? ", a TLS alert" : ", a TLS record")
                        + "; use wss://", java.util.List.of())));
            }
        }
        ParseResult<ResponseHead> r = parser.feed(in);
        if (r instanceof ParseResult.Parsed<ResponseHead> parsed) {
            ResponseHead head = parsed.head();
            ClientVerdict verdict = handshake.validate(head);
            if (verdict instanceof ClientVerdict.Accepted ok) {
                return new Step.Completed(new byte[0], ok.subprotocol(), ok.deflate(),
                        new HandshakeExchange.Client(handshake, head, ok));
            }
            byte[] body = new byte[Math.min(in.remaining(), HandshakeFailure.ResponseRejected.MAX_BODY_START)];
            in.get(in.position(), body);
            return new Step.Rejected(new byte[0],
                    new HandshakeFailure.ResponseRejected(handshake, head, (ClientVerdict.Rejected) verdict, body));
        }
        if (r instanceof ParseResult.Failed<ResponseHead> failed) {
            return new Step.Rejected(new byte[0], new HandshakeFailure.ResponseUnreadable(handshake, failed.failure(),
                    java.util.Arrays.copyOf(first, firstLength)));
        }
        return new Step.NeedMore();
    }
}
