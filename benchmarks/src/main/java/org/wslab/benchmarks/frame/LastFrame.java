package org.wslab.benchmarks.frame;

import java.util.Arrays;
import org.wslab.framing.codec.FrameSink;
import org.wslab.framing.codec.FrameViewSink;
import org.wslab.framing.codec.Opcode;

/**
 * A {@link FrameViewSink} (and {@link FrameSink}) keeping the fields of the last frame it got
 * (RFC 6455 §5.2), so a benchmark can return them and the agreement check can compare them;
 * allocates nothing itself.
 */
public final class LastFrame implements FrameViewSink, FrameSink {
    /** FIN of the last frame. */
    public boolean fin;
    /** Opcode of the last frame. */
    public Opcode opcode;
    /** The array holding the last frame's unmasked payload, at {@link #off} for {@link #len} octets. */
    public byte[] buf;
    /** Where the payload starts in {@link #buf}. */
    public int off;
    /** The payload length. */
    public int len;
    /** Frames received so far. */
    public int count;

    @Override
    public void frame(boolean fin, int rsv, Opcode opcode, boolean masked, int maskKey, byte[] buf, int off, int len) {
        this.fin = fin;
        this.opcode = opcode;
        this.buf = buf;
        this.off = off;
        this.len = len;
        count++;
    }

    @Override
    public void frame(boolean fin, int rsv, Opcode opcode, boolean masked, int maskKey, byte[] payload) {
        frame(fin, rsv, opcode, masked, maskKey, payload, 0, payload.length);
    }

    /** A copy of the last payload (for the agreement check). */
    public byte[] payload() {
        return Arrays.copyOfRange(buf, off, off + len);
    }
}
