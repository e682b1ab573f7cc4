package org.wslab.stomp.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Which WebSocket message type carries a STOMP frame's octets: a text message only when they are
 * valid UTF-8 (RFC 6455 §5.6 requires text messages to be), else a binary one — a STOMP body may
 * hold arbitrary octets (STOMP 1.2 "Body"). Every transport (Jetty, our engine) decides with this.
 */
public final class WebSocketPayload {
    private WebSocketPayload() {}

    /** The octets as text when they are valid UTF-8 (all-ASCII, the usual case, without a decoder), else null. */
    public static String asText(byte[] octets) {
        if (ascii(octets)) {
            return new String(octets, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(octets)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Whether the octets may go in a text message (valid UTF-8), for a transport that sends text as
     * bytes (our engine): all-ASCII needs no decoder and builds no String.
     */
    public static boolean isText(byte[] octets) {
        return ascii(octets) || asText(octets) != null;
    }

    private static boolean ascii(byte[] octets) {
        for (byte b : octets) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }
}
