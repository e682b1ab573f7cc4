package org.wslab.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.text.Utf8Validator;

/**
 * Something a conforming server sends back before the connection ends: a whole message (the
 * server may fragment it any way it likes, §5.4, so messages are compared, not frames) or a
 * control frame such as the Pong that answers a Ping (§5.5.3).
 *
 * @param opcode  TEXT or BINARY for a message, PING or PONG for a control frame
 * @param payload the message or control payload
 */
public record Reply(Opcode opcode, byte[] payload) {
    public Reply {
        Objects.requireNonNull(opcode, "opcode");
        Objects.requireNonNull(payload, "payload");
        if (opcode == Opcode.CONTINUATION || opcode == Opcode.CLOSE) {
            throw new IllegalArgumentException("a reply is a message, a ping or a pong: " + opcode);
        }
    }

    /** The echo of a text message. */
    public static Reply text(byte[] utf8) {
        return new Reply(Opcode.TEXT, utf8);
    }

    /** The echo of a text message. */
    public static Reply text(String s) {
        return text(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The echo of a binary message. */
    public static Reply binary(byte[] data) {
        return new Reply(Opcode.BINARY, data);
    }

    /** The Pong answering a Ping with {@code data} (§5.5.3: "identical Application data"). */
    public static Reply pong(byte[] data) {
        return new Reply(Opcode.PONG, data);
    }

    /** Where this reply, of {@code want}'s kind and length, first differs from it, as a clause; else "". */
    public String differenceFrom(Reply want) {
        if (opcode != want.opcode || payload.length != want.payload.length || equals(want)) {
            return "";
        }
        return ", which differs from it first at byte " + Arrays.mismatch(payload, want.payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reply r && opcode == r.opcode && Arrays.equals(payload, r.payload);
    }

    @Override
    public int hashCode() {
        return opcode.hashCode() * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        String kind = opcode.isControl() ? opcode.name() : opcode.name() + " message";
        if (payload.length <= 32 && opcode != Opcode.BINARY && printable(payload)) {
            return kind + " \"" + new String(payload, StandardCharsets.UTF_8) + "\"";
        }
        return kind + " of " + payload.length + " bytes";
    }

    /** Valid UTF-8 without control characters: safe to quote in a report. */
    private static boolean printable(byte[] p) {
        return Utf8Validator.firstInvalid(p) < 0
                && new String(p, StandardCharsets.UTF_8).codePoints().noneMatch(Character::isISOControl);
    }
}
