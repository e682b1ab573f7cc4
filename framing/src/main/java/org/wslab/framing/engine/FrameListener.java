package org.wslab.framing.engine;

import org.wslab.framing.codec.Frame;

/**
 * Sees every frame the engine sends or receives, with its mask key as on the wire, so a CLI can
 * print {@link org.wslab.framing.trace.FrameTrace} dumps of the real traffic (RFC 6455 §5.2).
 */
@FunctionalInterface
public interface FrameListener {
    /** Which way a frame went. */
    enum Direction { SENT, RECEIVED }

    /** Called once per frame, in wire order for each direction. */
    void onFrame(Direction direction, Frame frame);

    /** A listener that ignores everything. */
    FrameListener NONE = (d, f) -> { };
}
