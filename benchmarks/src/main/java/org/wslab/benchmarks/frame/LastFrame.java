package org.wslab.benchmarks.frame;

import org.wslab.framing.codec.FrameSink;
import org.wslab.framing.codec.Opcode;

/**
 * A {@link FrameSink} keeping the fields of the last frame it got (RFC 6455 §5.2), so a
 * benchmark can return them and the agreement check can compare them; allocates nothing.
 */
public final class LastFrame implements FrameSink {
    /** FIN of the last frame. */
    public boolean fin;
    /** Opcode of the last frame. */
    public Opcode opcode;
    /** Unmasked payload of the last frame. */
    public byte[] payload;
    /** Frames received so far. */
    public int count;

    @Override
    public void frame(boolean fin, int rsv, Opcode opcode, boolean masked, int maskKey, byte[] payload) {
        this.fin = fin;
        this.opcode = opcode;
        this.payload = payload;
        count++;
    }
}
