package org.wslab.framing.codec;

/**
 * The frame-header rules of RFC 6455 §5.1, §5.2, §5.5 and §7.4.1 as {@link FrameDecoder} applies
 * them, in the order it always has: each answers the first rule broken, or null.
 */
final class HeaderRules {
    private HeaderRules() {}

    /** The rules the first two octets decide: RSV bits, opcode, control frames, masking, 7-bit length. */
    static ProtocolError firstTwo(DecoderSettings settings, int b0, int b1) {
        boolean fin = (b0 & 0x80) != 0;
        int rsv = (b0 & 0x70) >>> 4;
        if ((rsv & ~settings.allowedRsv()) != 0) {
            return new ProtocolError(Violation.RESERVED_BITS, "RSV bits " + Integer.toBinaryString(rsv));
        }
        Opcode opcode = Opcode.orNull(b0 & 0x0F);
        if (opcode == null) {
            return new ProtocolError(Violation.RESERVED_OPCODE, String.format("opcode 0x%X", b0 & 0x0F));
        }
        int len7 = b1 & 0x7F;
        if (opcode.isControl()) {
            if (!fin) {
                return new ProtocolError(Violation.CONTROL_FRAGMENTED, opcode + " without FIN");
            }
            if (len7 > 125) {
                return new ProtocolError(Violation.CONTROL_TOO_LONG, opcode + " with length code " + len7);
            }
        }
        boolean masked = (b1 & 0x80) != 0;
        if (settings.localRole() == Role.SERVER && !masked) {
            return new ProtocolError(Violation.UNMASKED_CLIENT_FRAME, opcode + " frame");
        }
        if (settings.localRole() == Role.CLIENT && masked) {
            return new ProtocolError(Violation.MASKED_SERVER_FRAME, opcode + " frame");
        }
        if (len7 <= 125 && len7 > settings.maxFramePayload()) {
            return new ProtocolError(Violation.FRAME_TOO_BIG, len7 + " bytes > limit " + settings.maxFramePayload());
        }
        return null;
    }

    /** The rules on the whole length: minimal form (strict), the 64-bit top bit, the frame limit. */
    static ProtocolError length(DecoderSettings settings, int len7, long length) {
        if (len7 == 126 && settings.strictLengths() && length <= 125) {
            return new ProtocolError(Violation.NON_MINIMAL_LENGTH, "16-bit length " + length);
        }
        if (len7 == 127) {
            if (length < 0) {
                return new ProtocolError(Violation.LENGTH_TOP_BIT, "64-bit length 0x" + Long.toHexString(length));
            }
            if (settings.strictLengths() && length <= 0xFFFF) {
                return new ProtocolError(Violation.NON_MINIMAL_LENGTH, "64-bit length " + length);
            }
        }
        if (length > settings.maxFramePayload()) {
            return new ProtocolError(Violation.FRAME_TOO_BIG, length + " bytes > limit " + settings.maxFramePayload());
        }
        return null;
    }
}
