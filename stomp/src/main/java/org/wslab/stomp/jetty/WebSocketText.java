package org.wslab.stomp.jetty;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.wslab.stomp.codec.StompLimits;

/**
 * STOMP octets as a WebSocket text message when they are valid UTF-8 (RFC 6455 §5.6 requires it),
 * else null so the caller sends a binary message (a body with arbitrary octets). Shared by the
 * server and client endpoints, with the message-size limits a STOMP frame needs.
 */
final class WebSocketText {
    private WebSocketText() {}

    static String asText(byte[] octets) {
        boolean ascii = true;
        for (byte b : octets) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(octets, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(octets)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Sends STOMP octets as one text message when they are UTF-8, else as one binary message. */
    static void send(Session ws, byte[] octets) {
        String text = asText(octets);
        if (text != null) {
            ws.sendText(text, Callback.NOOP);
        } else {
            ws.sendBinary(ByteBuffer.wrap(octets), Callback.NOOP);
        }
    }

    /** One WebSocket message may carry a whole frame: the body limit plus room for the headers. */
    static void fitMessageSizes(Session ws, StompLimits limits) {
        long max = (long) limits.maxBodySize() + (long) limits.maxHeaders() * limits.maxLineLength() + 64;
        ws.setMaxTextMessageSize(max);
        ws.setMaxBinaryMessageSize(max);
    }
}
