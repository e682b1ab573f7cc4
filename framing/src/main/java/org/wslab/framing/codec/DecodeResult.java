package org.wslab.framing.codec;

/**
 * What {@link FrameDecoder#decode} answers: a whole frame, a request for more bytes, or the
 * protocol error that fails the connection (RFC 6455 §7.1.7).
 */
public sealed interface DecodeResult {
    /** A complete frame. */
    record Decoded(Frame frame) implements DecodeResult {}

    /** The input ran out in the middle of a frame; feed more. */
    record NeedMore() implements DecodeResult {
        static final NeedMore INSTANCE = new NeedMore();
    }

    /** The stream broke a rule; the decoder stays failed. */
    record Failed(ProtocolError error) implements DecodeResult {}
}
