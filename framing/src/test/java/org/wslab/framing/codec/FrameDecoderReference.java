package org.wslab.framing.codec;

import java.nio.ByteBuffer;

/**
 * The frame decoder exactly as it was before the in-place header and the sink (RFC 6455 §5.2),
 * kept as the oracle {@link FrameDecoderEquivalencePropertiesTest} compares the fast paths with:
 * same frames, same typed errors with the same detail, same input consumed, for any input and
 * any split.
 */
final class FrameDecoderReference {
    private static final int FIN = 0x80;
    private static final int RSV_MASK = 0x70;
    private static final int OPCODE_MASK = 0x0F;
    private static final int MASK_BIT = 0x80;
    private static final int LEN7_MASK = 0x7F;
    /** First allocation for a payload that has not arrived yet. */
    static final int INITIAL_PAYLOAD_BUFFER = FrameDecoder.INITIAL_PAYLOAD_BUFFER;

    private final DecoderSettings settings;
    private final byte[] head = new byte[14];
    private int headHave;
    private int headNeed = 2;
    private byte[] payload;
    private int payloadLength = -1;
    private int payloadHave;
    private boolean fin;
    private int rsv;
    private Opcode opcode;
    private boolean masked;
    private int maskKey;
    private DecodeResult.Failed failure;

    /** A decoder enforcing {@code settings}. */
    FrameDecoderReference(DecoderSettings settings) {
        this.settings = settings;
    }

    /** The settings in force. */
    public DecoderSettings settings() {
        return settings;
    }

    /** Whether the decoder sits between frames (no partial header or payload buffered). */
    public boolean atFrameBoundary() {
        return headHave == 0 && payloadLength < 0;
    }

    /** Bytes held for the frame in progress (0 between frames): grows with the bytes received. */
    public int bufferedCapacity() {
        return payload == null ? 0 : payload.length;
    }

    /**
     * Consumes bytes from {@code in} until one frame is complete, the buffer is empty, or a rule
     * is broken. Never throws for any input.
     */
    public DecodeResult decode(ByteBuffer in) {
        if (failure != null) {
            return failure;
        }
        if (payloadLength < 0) {
            // the header in at most two bulk reads: the first two bytes (checked at once, they say
            // how long the rest is), then extended length and mask key
            while (headHave < headNeed) {
                if (!in.hasRemaining()) {
                    return DecodeResult.NeedMore.INSTANCE;
                }
                int before = headHave;
                int n = Math.min(headNeed - headHave, in.remaining());
                in.get(head, headHave, n);
                headHave += n;
                if (before < 2 && headHave == 2) {
                    ProtocolError e = checkFirstTwo();
                    if (e != null) {
                        return fail(e);
                    }
                }
            }
            ProtocolError e = startPayload();
            if (e != null) {
                return fail(e);
            }
        }
        int take = Math.min(payloadLength - payloadHave, in.remaining());
        if (take > 0) {
            ensureCapacity(payloadHave + take);
            in.get(payload, payloadHave, take);
            if (masked) {
                Masking.apply(payload, payloadHave, take, maskKey, payloadHave);
            }
            payloadHave += take;
        }
        if (payloadHave < payloadLength) {
            return DecodeResult.NeedMore.INSTANCE;
        }
        // the buffer never grows past the claim, so a complete payload fills it exactly
        Frame frame = new Frame(fin, rsv, opcode, masked, masked ? maskKey : 0,
                payloadLength == 0 ? EMPTY : payload);
        payload = null;
        payloadLength = -1;
        payloadHave = 0;
        headHave = 0;
        headNeed = 2;
        return new DecodeResult.Decoded(frame);
    }

    private ProtocolError checkFirstTwo() {
        int b0 = head[0] & 0xFF;
        int b1 = head[1] & 0xFF;
        fin = (b0 & FIN) != 0;
        rsv = (b0 & RSV_MASK) >>> 4;
        if ((rsv & ~settings.allowedRsv()) != 0) {
            return new ProtocolError(Violation.RESERVED_BITS, "RSV bits " + Integer.toBinaryString(rsv));
        }
        opcode = Opcode.orNull(b0 & OPCODE_MASK);
        if (opcode == null) {
            return new ProtocolError(Violation.RESERVED_OPCODE, String.format("opcode 0x%X", b0 & OPCODE_MASK));
        }
        int len7 = b1 & LEN7_MASK;
        if (opcode.isControl()) {
            if (!fin) {
                return new ProtocolError(Violation.CONTROL_FRAGMENTED, opcode + " without FIN");
            }
            if (len7 > 125) {
                return new ProtocolError(Violation.CONTROL_TOO_LONG, opcode + " with length code " + len7);
            }
        }
        masked = (b1 & MASK_BIT) != 0;
        if (settings.localRole() == Role.SERVER && !masked) {
            return new ProtocolError(Violation.UNMASKED_CLIENT_FRAME, opcode + " frame");
        }
        if (settings.localRole() == Role.CLIENT && masked) {
            return new ProtocolError(Violation.MASKED_SERVER_FRAME, opcode + " frame");
        }
        if (len7 <= 125 && len7 > settings.maxFramePayload()) {
            return new ProtocolError(Violation.FRAME_TOO_BIG, len7 + " bytes > limit " + settings.maxFramePayload());
        }
        int ext = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
        headNeed = 2 + ext + (masked ? 4 : 0);
        return null;
    }

    private ProtocolError startPayload() {
        int len7 = head[1] & LEN7_MASK;
        long length;
        int p;
        if (len7 == 126) {
            length = ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
            p = 4;
            if (settings.strictLengths() && length <= 125) {
                return new ProtocolError(Violation.NON_MINIMAL_LENGTH, "16-bit length " + length);
            }
        } else if (len7 == 127) {
            length = 0;
            for (int i = 2; i < 10; i++) {
                length = (length << 8) | (head[i] & 0xFF);
            }
            p = 10;
            if (length < 0) {
                return new ProtocolError(Violation.LENGTH_TOP_BIT, "64-bit length 0x" + Long.toHexString(length));
            }
            if (settings.strictLengths() && length <= 0xFFFF) {
                return new ProtocolError(Violation.NON_MINIMAL_LENGTH, "64-bit length " + length);
            }
        } else {
            length = len7;
            p = 2;
        }
        if (length > settings.maxFramePayload()) {
            return new ProtocolError(Violation.FRAME_TOO_BIG,
                    length + " bytes > limit " + settings.maxFramePayload());
        }
        if (masked) {
            maskKey = ((head[p] & 0xFF) << 24) | ((head[p + 1] & 0xFF) << 16)
                    | ((head[p + 2] & 0xFF) << 8) | (head[p + 3] & 0xFF);
        } else {
            maskKey = 0;
        }
        payloadLength = (int) length;
        payloadHave = 0;
        return null;
    }

    /**
     * Makes room for {@code needed} payload bytes: exact when the whole payload is here (one copy,
     * no regrowth), else at least 64 KiB and at least double the old size, never past the claim.
     */
    private void ensureCapacity(int needed) {
        int have = payload == null ? 0 : payload.length;
        if (needed <= have) {
            return;
        }
        int grown = (int) Math.min(payloadLength,
                Math.max(needed, Math.max((long) INITIAL_PAYLOAD_BUFFER, 2L * have)));
        payload = payload == null ? new byte[grown] : java.util.Arrays.copyOf(payload, grown);
    }

    private DecodeResult fail(ProtocolError error) {
        failure = new DecodeResult.Failed(error);
        payload = null;
        payloadLength = -1;
        return failure;
    }

    private static final byte[] EMPTY = new byte[0];
}
