package org.wslab.stomp.jetty;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * STOMP octets as a WebSocket text message when they are valid UTF-8 (RFC 6455 §5.6 requires it),
 * else null so the caller sends a binary message (a body with arbitrary octets).
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
}
