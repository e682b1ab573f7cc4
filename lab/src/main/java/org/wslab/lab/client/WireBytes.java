package org.wslab.lab.client;

import java.util.concurrent.atomic.AtomicLong;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.engine.FrameListener;

/**
 * Counts the payload octets of data frames (TEXT, BINARY, CONTINUATION; RFC 6455 §5.6) each way as
 * they cross the wire — compressed under permessage-deflate (RFC 7692 §6) — so a run can set them
 * against the message octets: the compression ratio. Control frames are not counted. Passes every
 * frame on to {@code next} (the trace). Called on the transport's loop thread.
 */
final class WireBytes implements FrameListener {
    private final FrameListener next;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong received = new AtomicLong();

    WireBytes(FrameListener next) {
        this.next = next;
    }

    @Override
    public void onFrame(Direction direction, Frame frame) {
        if (!frame.opcode().isControl()) {
            (direction == Direction.SENT ? sent : received).addAndGet(frame.length());
        }
        next.onFrame(direction, frame);
    }

    long sent() {
        return sent.get();
    }

    long received() {
        return received.get();
    }
}
