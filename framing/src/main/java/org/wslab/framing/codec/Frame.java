package org.wslab.framing.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One WebSocket frame (RFC 6455 §5.2) with its payload already unmasked.
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-------+-+-------------+-------------------------------+
 *  |F|R|R|R| opcode|M| Payload len |    Extended payload length    |
 *  |I|S|S|S|  (4)  |A|     (7)     |             (16/64)           |
 *  |N|V|V|V|       |S|             |                               |
 *  | |1|2|3|       |K|             |                               |
 *  +-+-+-+-+-------+-+-------------+-------------------------------+
 * </pre>
 *
 * @param fin     the final fragment of a message (§5.4)
 * @param rsv     RSV1–RSV3 as a 3-bit value, RSV1 = {@code 0b100} (§5.2; RSV1 is RFC 7692's
 *                "per-message compressed" bit)
 * @param opcode  the frame type
 * @param masked  whether the frame carries a masking key on the wire (§5.3)
 * @param maskKey the key, big-endian as on the wire; 0 and meaningless when not masked
 * @param payload application (or extension) data, unmasked; never null
 */
public record Frame(boolean fin, int rsv, Opcode opcode, boolean masked, int maskKey, byte[] payload) {
    /** RSV1, the bit RFC 7692 §6 uses for "per-message compressed". */
    public static final int RSV1 = 0b100;
    /** RSV2. */
    public static final int RSV2 = 0b010;
    /** RSV3. */
    public static final int RSV3 = 0b001;

    public Frame {
        Objects.requireNonNull(opcode, "opcode");
        Objects.requireNonNull(payload, "payload");
        if ((rsv & ~0b111) != 0) {
            throw new IllegalArgumentException("rsv is a 3-bit value: " + rsv);
        }
        if (!masked && maskKey != 0) {
            throw new IllegalArgumentException("an unmasked frame has no key");
        }
    }

    /** An unmasked frame with no RSV bits. */
    public static Frame of(boolean fin, Opcode opcode, byte[] payload) {
        return new Frame(fin, 0, opcode, false, 0, payload);
    }

    /** A complete text message in one frame. */
    public static Frame text(String text) {
        return of(true, Opcode.TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A complete binary message in one frame. */
    public static Frame binary(byte[] data) {
        return of(true, Opcode.BINARY, data);
    }

    /** A ping (§5.5.2). */
    public static Frame ping(byte[] data) {
        return of(true, Opcode.PING, data);
    }

    /** A pong (§5.5.3). */
    public static Frame pong(byte[] data) {
        return of(true, Opcode.PONG, data);
    }

    /** Whether RSV1 is set. */
    public boolean rsv1() {
        return (rsv & RSV1) != 0;
    }

    /** The payload length in bytes. */
    public int length() {
        return payload.length;
    }

    /** This frame carrying {@code key} on the wire. */
    public Frame withMask(int key) {
        return new Frame(fin, rsv, opcode, true, key, payload);
    }

    /** This frame without a mask. */
    public Frame withoutMask() {
        return masked ? new Frame(fin, rsv, opcode, false, 0, payload) : this;
    }

    /** This frame with the given RSV bits. */
    public Frame withRsv(int bits) {
        return new Frame(fin, bits, opcode, masked, maskKey, payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && fin == f.fin && rsv == f.rsv && opcode == f.opcode
                && masked == f.masked && maskKey == f.maskKey && Arrays.equals(payload, f.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fin, rsv, opcode, masked, maskKey) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "Frame[" + (fin ? "FIN " : "") + (rsv != 0 ? "RSV=" + Integer.toBinaryString(rsv) + " " : "")
                + opcode + (masked ? String.format(" key=%08x", maskKey) : "")
                + " len=" + payload.length + "]";
    }
}
