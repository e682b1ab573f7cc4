package org.wslab.framing.codec;

/**
 * What {@link FrameDecoder#decode(java.nio.ByteBuffer, FrameSink)} did: delivered one frame to the
 * sink, ran out of input mid-frame, or found a rule broken (RFC 6455 §7.1.7; the error is
 * {@link FrameDecoder#error()}). The allocation-free twin of {@link DecodeResult}.
 */
public enum DecodeStep {
    /** One whole frame went to the sink. */
    FRAME,
    /** The input ran out in the middle of a frame; feed more. */
    NEED_MORE,
    /** The stream broke a rule; the decoder stays failed. */
    FAILED
}
