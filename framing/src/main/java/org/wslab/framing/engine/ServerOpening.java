package org.wslab.framing.engine;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.wslab.handshake.ServerDecision;
import org.wslab.handshake.ServerHandshake;
import org.wslab.handshake.http.HeadLimits;
import org.wslab.handshake.http.ParseResult;
import org.wslab.handshake.http.RequestHead;
import org.wslab.handshake.http.RequestHeadParser;

/**
 * The server's opening handshake (RFC 6455 §4.2) for the engine, on the {@code handshake}
 * module: parses the request head incrementally and answers with {@link ServerHandshake}'s
 * decision — 101 (the connection opens) or a refusal naming the broken rule (the connection
 * closes after it is written). The outcome is a {@link HandshakeExchange.Server}, whose request
 * tells a server which resource was asked for, or a {@link HandshakeFailure.Refused}.
 */
public final class ServerOpening implements OpeningHandshake {
    private final ServerHandshake server;
    private final RequestHeadParser parser;

    /** A server opening with default head limits. */
    public ServerOpening(ServerHandshake server) {
        this(server, HeadLimits.defaults());
    }

    /** A server opening with the given limits on the request head (431 beyond them). */
    public ServerOpening(ServerHandshake server, HeadLimits limits) {
        this.server = server;
        this.parser = new RequestHeadParser(limits);
    }

    @Override
    public byte[] start() {
        return new byte[0];
    }

    @Override
    public Step receive(ByteBuffer in) {
        ParseResult<RequestHead> r = parser.feed(in);
        if (r instanceof ParseResult.Parsed<RequestHead> parsed) {
            return step(parsed.head(), server.respond(parsed.head()));
        }
        if (r instanceof ParseResult.Failed<RequestHead> failed) {
            return step(null, server.refuse(failed.failure()));
        }
        return new Step.NeedMore();
    }

    /**
     * The engine's step for a server's {@code decision} on {@code request} (null when the head did
     * not parse): a 101 completes the handshake with the negotiated sub-protocol and deflate; a
     * refusal (§4.2.1, §4.4) is written and the connection closes, its reason citing the rule.
     * For servers that choose the {@link ServerHandshake} per request (routing by path).
     */
    public static Step step(RequestHead request, ServerDecision decision) {
        if (decision instanceof ServerDecision.Accept ok) {
            return new Step.Completed(ok.bytes(), ok.subprotocol(), ok.deflateParameters(),
                    new HandshakeExchange.Server(request, ok));
        }
        ServerDecision.Refuse no = (ServerDecision.Refuse) decision;
        return new Step.Rejected(no.bytes(), new HandshakeFailure.Refused(Optional.ofNullable(request), no));
    }
}
