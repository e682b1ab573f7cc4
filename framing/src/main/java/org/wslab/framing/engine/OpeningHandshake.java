package org.wslab.framing.engine;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.wslab.handshake.deflate.DeflateParameters;

/**
 * One side of the opening handshake (RFC 6455 §4) as the engine drives it while CONNECTING:
 * a client's request goes out first, then bytes come in until the handshake completes or fails.
 * Implementations consume only the handshake's bytes; frames that follow stay in the buffer.
 */
public interface OpeningHandshake {
    /** Bytes to send before anything is received: a client's request; empty for a server. */
    byte[] start();

    /** Consumes handshake bytes from {@code in}. */
    Step receive(ByteBuffer in);

    /** Progress of the handshake. */
    sealed interface Step {
        /** Not complete; feed more bytes. */
        record NeedMore() implements Step {}

        /**
         * Done: the connection is OPEN.
         *
         * @param toSend      bytes to send now (a server's 101 response)
         * @param subprotocol the agreed subprotocol (§4.2.2 /subprotocol/)
         * @param deflate     negotiated permessage-deflate, if any (RFC 7692 §7)
         * @param exchange    the handshake module's own record of the exchange
         */
        record Completed(byte[] toSend, Optional<String> subprotocol, Optional<DeflateParameters> deflate,
                         HandshakeExchange exchange) implements Step {}

        /**
         * Failed: no connection.
         *
         * @param toSend  bytes to send before closing (a server's error response)
         * @param failure the rule broken, with what was found
         */
        record Rejected(byte[] toSend, HandshakeFailure failure) implements Step {}
    }
}
