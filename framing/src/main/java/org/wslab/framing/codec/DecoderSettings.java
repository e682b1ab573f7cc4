package org.wslab.framing.codec;

/**
 * What a {@link FrameDecoder} enforces.
 *
 * @param localRole       our role; a server requires masked frames, a client forbids them (§5.1)
 * @param allowedRsv      RSV bits a negotiated extension claims (RFC 7692 claims RSV1); others
 *                        fail with 1002 (§5.2)
 * @param maxFramePayload largest payload accepted, checked from the header before any buffering
 *                        (1009, §7.4.1); at most {@link Integer#MAX_VALUE} - 8
 * @param strictLengths   reject non-minimal length encodings (§5.2 "the minimal number of bytes
 *                        MUST be used")
 */
public record DecoderSettings(Role localRole, int allowedRsv, long maxFramePayload, boolean strictLengths) {
    /** 16 MiB, the lab's default frame and message limit. */
    public static final long DEFAULT_MAX_FRAME = 16L * 1024 * 1024;
    /** The largest payload a Java array can hold, with headroom. */
    public static final long HARD_MAX_FRAME = Integer.MAX_VALUE - 8;

    public DecoderSettings {
        if (maxFramePayload < 0 || maxFramePayload > HARD_MAX_FRAME) {
            throw new IllegalArgumentException("maxFramePayload out of range: " + maxFramePayload);
        }
        if ((allowedRsv & ~0b111) != 0) {
            throw new IllegalArgumentException("allowedRsv is a 3-bit value");
        }
    }

    /** Defaults for {@code role}: no extension bits, 16 MiB frames, strict lengths. */
    public static DecoderSettings defaults(Role role) {
        return new DecoderSettings(role, 0, DEFAULT_MAX_FRAME, true);
    }

    /** These settings with a different frame limit. */
    public DecoderSettings withMaxFramePayload(long max) {
        return new DecoderSettings(localRole, allowedRsv, max, strictLengths);
    }

    /** These settings with the RSV bits an extension claims. */
    public DecoderSettings withAllowedRsv(int bits) {
        return new DecoderSettings(localRole, bits, maxFramePayload, strictLengths);
    }

    /** These settings with strict (or lenient) length checking. */
    public DecoderSettings withStrictLengths(boolean strict) {
        return new DecoderSettings(localRole, allowedRsv, maxFramePayload, strict);
    }
}
