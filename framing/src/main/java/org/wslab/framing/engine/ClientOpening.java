package org.wslab.framing.engine;

import java.nio.ByteBuffer;
import org.wslab.handshake.ClientHandshake;
import org.wslab.handshake.ClientVerdict;
import org.wslab.handshake.http.HeadLimits;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.ResponseHead;
import org.wslab.handshake.http.ResponseHeadParser;

/**
 * The client's opening handshake (RFC 6455 §4.1) for the engine, on the {@code handshake}
 * module: sends {@link ClientHandshake#requestBytes()}, parses the response head incrementally
 * and validates it. Frames that arrive in the same read as the head stay in the buffer.
 * Details of the outcome: {@link Details}.
 */
public final class ClientOpening implements OpeningHandshake {
    /**
     * What {@link Event.HandshakeCompleted#details()} / {@link Event.HandshakeFailed#details()} hold:
     * our request and the server's response with the verdict of its RFC 6455 §4.1 checks.
     *
     * @param handshake the request side
     * @param response  the server's response head, null when it did not parse
     * @param verdict   the verdict, null when the head did not parse
     * @param parseFailure the parse failure, null when it parsed
     */
    public record Details(ClientHandshake handshake, ResponseHead response, ClientVerdict verdict,
                          Object parseFailure) {}

    private final ClientHandshake handshake;
    private final ResponseHeadParser parser;

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
        ParseResult<ResponseHead> r = parser.feed(in);
        if (r instanceof ParseResult.Parsed<ResponseHead> parsed) {
            ClientVerdict verdict = handshake.validate(parsed.head());
            Details details = new Details(handshake, parsed.head(), verdict, null);
            if (verdict instanceof ClientVerdict.Accepted ok) {
                return new Step.Completed(new byte[0], ok.subprotocol(), ok.deflate(), details);
            }
            ClientVerdict.Rejected no = (ClientVerdict.Rejected) verdict;
            return new Step.Rejected(new byte[0], no.rule().cite() + " (" + no.detail() + ")", details);
        }
        if (r instanceof ParseResult.Failed<ResponseHead> failed) {
            return new Step.Rejected(new byte[0], failed.failure().toString(),
                    new Details(handshake, null, null, failed.failure()));
        }
        return new Step.NeedMore();
    }
}
