package org.wslab.framing.codec;

import java.security.SecureRandom;
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
     * Writes one frame from its fields (the hot path: no {@link Frame} needed): header in the
     * minimal length form, then the payload copied once and masked in place when {@code masked}.
     */
    public static byte[] write(boolean fin, int rsv, Opcode opcode, boolean masked, int maskKey, byte[] payload) {
        int len = payload.length;
        int header = headerLength(len, masked);
        byte[] out = new byte[header + len];
        out[0] = (byte) ((fin ? 0x80 : 0) | (rsv << 4) | opcode.code());
        int maskBit = masked ? 0x80 : 0;
        int p;
        if (len <= 125) {
            out[1] = (byte) (maskBit | len);
            p = 2;
        } else if (len <= 0xFFFF) {
            out[1] = (byte) (maskBit | 126);
            out[2] = (byte) (len >>> 8);
            out[3] = (byte) len;
            p = 4;
        } else {
            out[1] = (byte) (maskBit | 127);
            long l = len;
            for (int i = 0; i < 8; i++) {
                out[2 + i] = (byte) (l >>> (56 - 8 * i));
            }
            p = 10;
        }
        if (masked) {
            int key = maskKey;
            out[p] = (byte) (key >>> 24);
            out[p + 1] = (byte) (key >>> 16);
            out[p + 2] = (byte) (key >>> 8);
            out[p + 3] = (byte) key;
            p += 4;
        }
        System.arraycopy(payload, 0, out, p, len);
        if (masked) {
            Masking.apply(out, p, len, maskKey, 0);
        }
        return out;
    }
}
