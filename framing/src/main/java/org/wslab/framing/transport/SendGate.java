package org.wslab.framing.transport;

/**
 * The outbound limit of one connection (wslab policy): a send is admitted while fewer than
 * {@link TransportSettings#maxOutboundBytes()} are queued; the first send into a full queue is
 * refused, a second before the queue drained below the low-water mark is an overflow (the
 * connection fails with {@link org.wslab.framing.codec.Violation#OUTBOUND_OVERFLOW}); draining
 * below the mark after a refusal or a fill is reported once ({@link WebSocketHandler#onWritable()}).
 */
final class SendGate {
    /** What to do with a send. */
    enum Admission { ADMIT, REFUSE, OVERFLOW }

    private final long limit;
    private final long lowWater;
    private boolean refused;
    private boolean full;

    SendGate(TransportSettings settings) {
        this.limit = settings.maxOutboundBytes();
        this.lowWater = settings.lowWaterBytes();
    }

    /** The decision for a send while {@code queued} bytes wait. */
    Admission admit(long queued) {
        if (queued < limit) {
            return Admission.ADMIT;
        }
        full = true;
        if (refused) {
            return Admission.OVERFLOW;
        }
        refused = true;
        return Admission.REFUSE;
    }

    /** After an admitted send, {@code queued} bytes wait. */
    void sent(long queued) {
        if (queued >= limit) {
            full = true;
        }
    }

    /** Whether a send would be admitted. */
    boolean open(long queued) {
        return queued < limit;
    }

    /** True once when the queue drained below the low-water mark after it was full. */
    boolean drained(long queued) {
        if (full && queued < lowWater) {
            full = false;
            refused = false;
            return true;
        }
        return false;
    }
}
