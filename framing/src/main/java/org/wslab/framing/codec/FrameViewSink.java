package org.wslab.framing.codec;

/**
 * Receives a decoded frame (RFC 6455 §5.2) from {@link FrameDecoder#decodeInPlace} whose payload
 * is a window {@code buf[off, off+len)}, already unmasked (§5.3) — usually of the caller's own
 * input buffer, so nothing at all is allocated. The window is valid only during the call: copy
 * what must outlive it.
 */
@FunctionalInterface
public interface FrameViewSink {
    /**
     * One whole frame.
     *
     * @param fin     the final fragment of a message (§5.4)
     * @param rsv     RSV1–RSV3 as a 3-bit value, RSV1 = {@code 0b100}
     * @param opcode  the frame type
     * @param masked  whether the frame carried a masking key (§5.3)
     * @param maskKey the key, big-endian as on the wire; 0 when not masked
     * @param buf     the array holding the unmasked payload
     * @param off     where the payload starts in {@code buf}
     * @param len     the payload length
     */
    void frame(boolean fin, int rsv, Opcode opcode, boolean masked, int maskKey, byte[] buf, int off, int len);
}
