package org.wslab.framing.engine;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.codec.ProtocolError;
import org.wslab.framing.codec.Violation;
import org.wslab.framing.text.Utf8Validator;

/**
 * The body of a close frame (RFC 6455 §5.5.1): empty, or a 2-byte big-endian code followed by a
 * UTF-8 reason, 125 bytes at most in all.
 *
 * @param code   the code, {@code 1005} when the body was empty (§7.1.5)
 * @param reason the reason, possibly empty
 */
public record CloseBody(int code, String reason) {
    /** Largest reason in bytes (125 − 2). */
    public static final int MAX_REASON_BYTES = 123;

    /** Either a parsed body or the rule of RFC 6455 §5.5.1 / §7.4 it breaks. */
    public sealed interface Parsed {
        /** A valid body. */
        record Valid(CloseBody body) implements Parsed {}

        /** An invalid body: 1002 for the code, 1007 for the reason. */
        record Invalid(ProtocolError error) implements Parsed {}
    }

    /** Parses a received close payload. */
    public static Parsed parse(byte[] payload) {
        if (payload.length == 0) {
            return new Parsed.Valid(new CloseBody(CloseCode.NO_STATUS_RECEIVED.code(), ""));
        }
        if (payload.length == 1) {
            return new Parsed.Invalid(new ProtocolError(Violation.CLOSE_PAYLOAD_ONE_BYTE, "1-byte body"));
        }
        int code = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        if (!CloseCode.validOnWire(code)) {
            return new Parsed.Invalid(new ProtocolError(Violation.INVALID_CLOSE_CODE, CloseCode.describe(code)));
        }
        byte[] reason = Arrays.copyOfRange(payload, 2, payload.length);
        if (Utf8Validator.firstInvalid(reason) >= 0) {
            return new Parsed.Invalid(new ProtocolError(Violation.INVALID_CLOSE_REASON,
                    "bad byte at reason offset " + Utf8Validator.firstInvalid(reason)));
        }
        return new Parsed.Valid(new CloseBody(code, new String(reason, StandardCharsets.UTF_8)));
    }

    /**
     * The payload to send: empty for 1005 (no code), else code and the reason cut to 123 bytes
     * on a code-point boundary.
     *
     * @throws IllegalArgumentException for a code that may not be sent (§7.4.1)
     */
    public byte[] toPayload() {
        if (code == CloseCode.NO_STATUS_RECEIVED.code()) {
            return new byte[0];
        }
        if (!CloseCode.validOnWire(code)) {
            throw new IllegalArgumentException("close code may not be sent: " + CloseCode.describe(code));
        }
        byte[] text = truncate(reason);
        byte[] out = new byte[2 + text.length];
        out[0] = (byte) (code >>> 8);
        out[1] = (byte) code;
        System.arraycopy(text, 0, out, 2, text.length);
        return out;
    }

    private static byte[] truncate(String reason) {
        byte[] all = reason.getBytes(StandardCharsets.UTF_8);
        if (all.length <= MAX_REASON_BYTES) {
            return all;
        }
        int end = MAX_REASON_BYTES;
        while (end > 0 && (all[end] & 0xC0) == 0x80) {
            end--;
        }
        return Arrays.copyOf(all, end);
    }
}
