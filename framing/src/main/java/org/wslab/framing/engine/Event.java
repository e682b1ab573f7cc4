package org.wslab.framing.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.codec.ProtocolError;
import org.wslab.handshake.deflate.DeflateParameters;

/** What {@link Connection} reports to the application (RFC 6455 §6.2, §7). */
public sealed interface Event {
    /** The opening handshake succeeded (§4.1, §4.2.2); the connection is OPEN. */
    record HandshakeCompleted(Optional<String> subprotocol, Optional<DeflateParameters> deflate,
                              HandshakeExchange exchange) implements Event {}

    /** The opening handshake failed (§4.1 "_Fail the WebSocket Connection_"). */
    record HandshakeFailed(HandshakeFailure failure) implements Event {
        /** The rule with its cite and what was found, in one line. */
        public String reason() {
            return failure.reason();
        }
    }

    /**
     * A complete text message (§6.2) as the validated UTF-8 bytes it arrived as (§8.1: the engine
     * has checked every byte); {@link #text()} decodes on demand. The array is the engine's and not
     * copied: do not change it.
     */
    record TextMessage(byte[] utf8) implements Event {
        /** A text message of {@code text}'s UTF-8 bytes. */
        public static TextMessage of(String text) {
            return new TextMessage(text.getBytes(StandardCharsets.UTF_8));
        }

        /** The text, decoded now. */
        public String text() {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TextMessage t && Arrays.equals(utf8, t.utf8);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(utf8);
        }

        @Override
        public String toString() {
            return "TextMessage[" + utf8.length + " bytes]";
        }
    }

    /** A complete binary message (§6.2). */
    record BinaryMessage(byte[] data) implements Event {
        @Override
        public boolean equals(Object o) {
            return o instanceof BinaryMessage b && Arrays.equals(data, b.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "BinaryMessage[" + data.length + " bytes]";
        }
    }

    /** A ping (§5.5.2); the engine has already queued the pong. */
    record PingReceived(byte[] data) implements Event {}

    /** A pong (§5.5.3). */
    record PongReceived(byte[] data) implements Event {}

    /**
     * The connection is CLOSED (§7.1.4–§7.1.6): close the transport once the output is written.
     *
     * @param code   the close code: the peer's in a clean close (1005 when it sent none), ours when
     *               we failed the connection, 1006 when it ended without a closing handshake
     * @param reason the close reason
     * @param clean  whether both close frames were exchanged (§7.1.4 "closed cleanly")
     * @param error  the rule the peer broke, when we failed the connection
     */
    record Closed(int code, String reason, boolean clean, Optional<ProtocolError> error) implements Event {
        /** The code's meaning, e.g. {@code "1000 normal closure"}. */
        public String describe() {
            return CloseCode.describe(code) + (reason.isEmpty() ? "" : ": " + reason);
        }
    }
}
