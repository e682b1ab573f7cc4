package org.wslab.conformance.peer;

import java.nio.ByteBuffer;
import org.wslab.framing.codec.DecodeResult;
import org.wslab.framing.codec.DecoderSettings;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.codec.FrameDecoder;
import org.wslab.framing.codec.Role;
import org.wslab.framing.trace.FrameTrace;

/**
 * The bytes a peer has read and not yet decoded, and framing's {@link FrameDecoder} they go through
 * in our role (RFC 6455 §5.2; a frame masked the wrong way for that role is an error, §5.1). Each frame
 * decoded is labelled in the {@link WireLog}; a framing error is noted there. Whatever carries the
 * bytes — a TCP connection ({@link RawPeer}) or an HTTP/2 stream ({@link H2Stream}, RFC 8441 §5) —
 * hands them in with {@link #keep}. One thread.
 */
final class InboundFrames {
    private final Role role;
    private final WireLog log;
    private FrameDecoder decoder;
    private ByteBuffer pending = ByteBuffer.allocate(0);

    InboundFrames(Role role, WireLog log) {
        this.role = role;
        this.log = log;
        this.decoder = new FrameDecoder(DecoderSettings.defaults(role));
    }

    /** From now on RSV1 is allowed: permessage-deflate was agreed (RFC 7692 §6). */
    void allowCompression() {
        decoder = new FrameDecoder(DecoderSettings.defaults(role).withAllowedRsv(Frame.RSV1));
    }

    /** Whether bytes wait to be decoded. */
    boolean hasPending() {
        return pending.hasRemaining();
    }

    /** Takes every byte waiting (read early, e.g. before a response head was parsed). */
    byte[] takePending() {
        byte[] b = new byte[pending.remaining()];
        pending.get(b);
        return b;
    }

    /** The next frame or framing error from the bytes kept so far, or null when more bytes are needed. */
    Observation decode() {
        if (!pending.hasRemaining() && decoder.error().isEmpty()) {
            return null;
        }
        DecodeResult r = decoder.decode(pending);
        if (r instanceof DecodeResult.Decoded d) {
            if (!log.muted()) {
                log.receivedFrame(FrameTrace.render(d.frame()));
            }
            return new Observation.Received(d.frame());
        }
        if (r instanceof DecodeResult.Failed f) {
            log.note("undecodable: " + f.error());
            return new Observation.Undecodable(f.error());
        }
        return null;
    }

    /** Appends {@code b[off, off+len)} to the bytes waiting for the decoder. */
    void keep(byte[] b, int off, int len) {
        if (len <= 0) {
            return;
        }
        if (pending.capacity() - pending.limit() < len) { // no room after the data: compact, or grow (amortised)
            int need = pending.remaining() + len;
            if (need <= pending.capacity() / 2) {
                pending.compact().flip();
            } else {
                ByteBuffer grown = ByteBuffer.allocate(Math.max(2 * pending.capacity(), need));
                grown.put(pending).flip();
                pending = grown;
            }
        }
        int end = pending.limit();
        pending.limit(end + len);
        pending.put(end, b, off, len);
    }
}
