package org.wslab.framing.codec;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.IntSupplier;

/**
 * Writes frames to bytes (RFC 6455 §5.2). A client stamps every frame with a fresh masking key
 * from its key source (§5.3: "unpredictable", a strong source by default, injectable for
 * tests); a server never masks. The payload length always takes its minimal form: 7 bits up to
 * 125, 16 bits up to 65535, 64 bits beyond.
 */
public final class FrameEncoder {
    private final Role role;
    private final IntSupplier maskKeys;

    /** An encoder for {@code role} with a {@link SecureRandom} key source. */
    public FrameEncoder(Role role) {
        this(role, new SecureRandom()::nextInt);
    }

    /** An encoder for {@code role} drawing client keys from {@code maskKeys}. */
    public FrameEncoder(Role role, IntSupplier maskKeys) {
        this.role = role;
        this.maskKeys = maskKeys;
    }

    /** The role whose masking rule this encoder applies. */
    public Role role() {
        return role;
    }

    /** The frame as this role sends it: with a fresh key for a client, without one for a server. */
    public Frame stamp(Frame frame) {
        return role.masksOutgoing() ? frame.withMask(maskKeys.getAsInt()) : frame.withoutMask();
    }

    /**
     * The key for the next frame this role sends: fresh for a client (§5.3), 0 (no mask) for a
     * server. With {@link #write} it encodes without building a stamped {@link Frame}.
     */
    public int nextMaskKey() {
        return role.masksOutgoing() ? maskKeys.getAsInt() : 0;
    }

    /** {@link #stamp} then {@link #toBytes}. */
    public byte[] encode(Frame frame) {
        return toBytes(stamp(frame));
    }

    /** Header length for a payload of {@code length} bytes. */
    public static int headerLength(long length, boolean masked) {
        int ext = length <= 125 ? 0 : length <= 0xFFFF ? 2 : 8;
        return 2 + ext + (masked ? 4 : 0);
    }

    /** Writes {@code frame} exactly as given (its own mask key, if any), minimal length form. */
    public static byte[] toBytes(Frame frame) {
        return write(frame.fin(), frame.rsv(), frame.opcode(), frame.masked(), frame.maskKey(), frame.payload());
    }

    /**
     * Writes one frame from its fields into a new array of its exact size: header in the minimal
     * length form, then the payload copied once, masked while it is copied when {@code masked}.
     */
    public static byte[] write(boolean fin, int rsv, Opcode opcode, boolean masked, int maskKey, byte[] payload) {
        byte[] out = new byte[headerLength(payload.length, masked) + payload.length];
        writeInto(out, 0, fin, rsv, opcode, masked, maskKey, payload, 0, payload.length);
        return out;
    }

    /**
     * The hot path: writes one frame (payload {@code payload[pOff, pOff+pLen)}) into the caller's
     * {@code out} from {@code off}, allocating nothing; answers the octets written,
     * {@code headerLength(pLen, masked) + pLen}. Masked payloads are masked in the same pass that
     * copies them (§5.3), {@code payload} itself is left as it was.
     *
     * @throws IndexOutOfBoundsException when {@code out} has no room for the whole frame (nothing
     *                                   is written then)
     */
    public static int writeInto(byte[] out, int off, boolean fin, int rsv, Opcode opcode, boolean masked,
                                int maskKey, byte[] payload, int pOff, int pLen) {
        Objects.checkFromIndexSize(pOff, pLen, payload.length);
        int header = headerLength(pLen, masked);
        Objects.checkFromIndexSize(off, header + pLen, out.length);
        out[off] = firstOctet(fin, rsv, opcode);
        int maskBit = masked ? 0x80 : 0;
        int p = off + 2;
        if (pLen <= 125) {
            out[off + 1] = (byte) (maskBit | pLen);
        } else if (pLen <= 0xFFFF) {
            out[off + 1] = (byte) (maskBit | 126);
            out[p++] = (byte) (pLen >>> 8);
            out[p++] = (byte) pLen;
        } else {
            out[off + 1] = (byte) (maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out[p++] = (byte) ((long) pLen >>> shift);
            }
        }
        if (masked) {
            for (int shift = 24; shift >= 0; shift -= 8) {
                out[p++] = (byte) (maskKey >>> shift);
            }
        }
        Masking.copy(payload, pOff, out, p, pLen, masked ? maskKey : 0, 0);
        return header + pLen;
    }

    /**
     * {@link #writeInto(byte[], int, boolean, int, Opcode, boolean, int, byte[], int, int)} at
     * {@code out}'s position (heap or direct, any byte order), which advances past the frame.
     *
     * @throws BufferOverflowException when the frame does not fit in {@code out}'s
     *                                          remaining space (nothing is written then)
     */
    public static int writeInto(ByteBuffer out, boolean fin, int rsv, Opcode opcode, boolean masked,
                                int maskKey, byte[] payload, int pOff, int pLen) {
        Objects.checkFromIndexSize(pOff, pLen, payload.length);
        int total = headerLength(pLen, masked) + pLen;
        if (out.remaining() < total) {
            throw new BufferOverflowException();
        }
        int pos = out.position();
        if (out.hasArray()) {
            writeInto(out.array(), out.arrayOffset() + pos, fin, rsv, opcode, masked, maskKey, payload, pOff, pLen);
            out.position(pos + total);
            return total;
        }
        int maskBit = masked ? 0x80 : 0;
        out.put(firstOctet(fin, rsv, opcode));
        if (pLen <= 125) {
            out.put((byte) (maskBit | pLen));
        } else if (pLen <= 0xFFFF) {
            out.put((byte) (maskBit | 126)).put((byte) (pLen >>> 8)).put((byte) pLen);
        } else {
            out.put((byte) (maskBit | 127));
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.put((byte) ((long) pLen >>> shift));
            }
        }
        if (masked) {
            out.put((byte) (maskKey >>> 24)).put((byte) (maskKey >>> 16)).put((byte) (maskKey >>> 8)).put((byte) maskKey);
        }
        int at = out.position();
        out.put(payload, pOff, pLen);
        if (masked) {
            Masking.apply(out, at, pLen, maskKey, 0);
        }
        return total;
    }

    private static byte firstOctet(boolean fin, int rsv, Opcode opcode) {
        return (byte) ((fin ? 0x80 : 0) | (rsv << 4) | opcode.code());
    }
}
