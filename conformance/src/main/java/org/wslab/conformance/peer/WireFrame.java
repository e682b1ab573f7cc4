package org.wslab.conformance.peer;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameEncoder;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.trace.FrameTrace;

/**
 * A frame a case sends, free to break any rule of RFC 6455 §5.2: any 4-bit opcode (the reserved
 * {@code %x3-7}, {@code %xB-F} included), any RSV bits, a control frame longer than 125 bytes,
 * and an unmasked client frame. Encoded with framing's {@link FrameEncoder} (minimal length form).
 *
 * @param fin     the FIN bit
 * @param rsv     RSV1-RSV3 as a 3-bit value
 * @param opcode  the 4-bit opcode, reserved values allowed
 * @param masked  whether to mask it (a client MUST, §5.3)
 * @param payload the payload, unmasked
 */
public record WireFrame(boolean fin, int rsv, int opcode, boolean masked, byte[] payload) {
    public WireFrame {
        Objects.requireNonNull(payload, "payload");
        if ((rsv & ~0b111) != 0 || (opcode & ~0xF) != 0) {
            throw new IllegalArgumentException("rsv is 3 bits and opcode 4 bits: rsv=" + rsv + " opcode=" + opcode);
        }
    }

    /** A masked frame with no RSV bits. */
    public static WireFrame of(boolean fin, int opcode, byte[] payload) {
        return new WireFrame(fin, 0, opcode, true, payload);
    }

    /** A whole text message in one masked frame. */
    public static WireFrame text(String text) {
        return of(true, Opcode.TEXT.code(), text.getBytes(StandardCharsets.UTF_8));
    }

    /** A whole binary message in one masked frame. */
    public static WireFrame binary(byte[] data) {
        return of(true, Opcode.BINARY.code(), data);
    }

    /** A masked ping. */
    public static WireFrame ping(byte[] data) {
        return of(true, Opcode.PING.code(), data);
    }

    /** A masked pong. */
    public static WireFrame pong(byte[] data) {
        return of(true, Opcode.PONG.code(), data);
    }

    /** A masked close frame with exactly {@code body} as its payload (§5.5.1). */
    public static WireFrame close(byte[] body) {
        return of(true, Opcode.CLOSE.code(), body);
    }

    /** A close body: the 2-byte code then the UTF-8 reason (§5.5.1). */
    public static byte[] closeBody(int code, String reason) {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[2 + r.length];
        body[0] = (byte) (code >>> 8);
        body[1] = (byte) code;
        System.arraycopy(r, 0, body, 2, r.length);
        return body;
    }

    /** This frame with other RSV bits. */
    public WireFrame withRsv(int bits) {
        return new WireFrame(fin, bits, opcode, masked, payload);
    }

    /** This frame without a mask (a client MUST mask, §5.1). */
    public WireFrame unmasked() {
        return new WireFrame(fin, rsv, opcode, false, payload);
    }

    /**
     * This frame as the server end sends it (the client under test, {@link AcceptedPeer}): the mask
     * bit inverted, so a case written for a server plays unchanged — a frame masked the client's way
     * (§5.3) goes unmasked, the server's way (§5.1), and one a case writes {@link #unmasked()} goes
     * masked, breaking §5.1 on purpose ("a server MUST NOT mask any frames").
     */
    public WireFrame mirrored() {
        return new WireFrame(fin, rsv, opcode, !masked, payload);
    }

    /** The opcode when it is a defined one. */
    public boolean reservedOpcode() {
        return Opcode.of(opcode).isEmpty();
    }

    /** The wire bytes with {@code maskKey} (ignored when unmasked). */
    public byte[] encode(int maskKey) {
        byte[] wire = FrameEncoder.toBytes(asFrame(maskKey));
        wire[0] = (byte) ((wire[0] & 0xF0) | opcode);
        return wire;
    }

    /** The frame as framing's {@link FrameTrace} labels it, the opcode line naming a reserved opcode for what it is. */
    public String trace(int maskKey) {
        String dump = FrameTrace.render(asFrame(maskKey));
        if (!reservedOpcode()) {
            return dump;
        }
        byte first = encode(maskKey)[0];
        return String.format("%02x", first & 0xFF) + dump.substring(2)
                .replaceFirst("opcode=0x1 \\(TEXT\\)", String.format("opcode=0x%X (reserved, §5.2)", opcode));
    }

    /** A {@link Frame} framing can encode: a reserved opcode stands in as TEXT until {@link #encode} patches it. */
    private Frame asFrame(int maskKey) {
        Opcode op = Opcode.of(opcode).orElse(Opcode.TEXT);
        return new Frame(fin, rsv, op, masked, masked ? maskKey : 0, payload);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WireFrame w && fin == w.fin && rsv == w.rsv && opcode == w.opcode && masked == w.masked
                && java.util.Arrays.equals(payload, w.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fin, rsv, opcode, masked) * 31 + java.util.Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        String name = Opcode.of(opcode).map(Enum::name).orElse(String.format("reserved opcode 0x%X", opcode));
        return (fin ? "" : "non-final ") + name + (rsv != 0 ? " RSV=" + Integer.toBinaryString(rsv) : "")
                + (masked ? "" : " unmasked") + " (" + payload.length + " bytes)";
    }
}
