package org.wslab.stomp.jetty;

import java.nio.ByteBuffer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.codec.WebSocketPayload;

/**
 * Sends STOMP octets over a Jetty session as text or binary per {@link WebSocketPayload} (RFC 6455
 * §5.6), and sizes the session for a whole STOMP frame. Shared by the server and client endpoints.
 */
final class WebSocketText {
    private WebSocketText() {}

    /** Sends STOMP octets as one text message when they are UTF-8, else as one binary message. */
    static void send(Session ws, byte[] octets) {
        String text = WebSocketPayload.asText(octets);
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
