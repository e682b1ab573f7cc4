package org.wslab.framing.codec;

/**
 * Receives a decoded frame's fields (RFC 6455 §5.2) from {@link FrameDecoder#decode(java.nio.ByteBuffer,
 * FrameSink)} without a {@link Frame} or result object being built: the payload array is the only
 * allocation per frame.
 */
@FunctionalInterface
public interface FrameSink {
    /**
     * One whole frame.
     *
     * @param fin     the final fragment of a message (§5.4)
     * @param rsv     RSV1–RSV3 as a 3-bit value, RSV1 = {@code 0b100}
     * @param opcode  the frame type
     * @param masked  whether the frame carried a masking key (§5.3)
     * @param maskKey the key, big-endian as on the wire; 0 when not masked
     * @param payload the payload, already unmasked, of its exact length (a shared empty array
     *                when empty); the sink owns it
     */
    void frame(boolean fin, int rsv, Opcode opcode, boolean masked, int maskKey, byte[] payload);
}
