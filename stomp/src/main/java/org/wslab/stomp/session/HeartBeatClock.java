package org.wslab.stomp.session;

/**
 * One side's heart-beat schedule after negotiation (STOMP 1.2 "Heart-beating"), the same for a
 * client and a server: the intervals come from {@link HeartBeat#interval} (the MAX rule) each way;
 * we owe the peer an EOL whenever we have sent nothing for {@code sendEvery}, and we give the peer
 * up once nothing at all arrived for {@code expectEvery × tolerance} ("the other end … should
 * consider the connection dead"; the spec leaves the margin to the implementation, so it is a
 * setting). Sans-I/O: every instant is a {@code nowNanos} argument; not thread-safe.
 */
public final class HeartBeatClock {
    private final double tolerance;
    private long sendEveryNanos;
    private long expectEveryNanos;
    private long lastSentNanos;
    private long lastReceivedNanos;

    /**
     * A clock with no beats yet (both intervals 0) that starts counting at {@code nowNanos}.
     *
     * @param tolerance how many expected intervals of silence are tolerated, at least 1.0
     */
    public HeartBeatClock(double tolerance, long nowNanos) {
        if (!(tolerance >= 1.0)) {
            throw new IllegalArgumentException("heart-beat tolerance must be at least 1.0, got " + tolerance);
        }
        this.tolerance = tolerance;
        this.lastSentNanos = nowNanos;
        this.lastReceivedNanos = nowNanos;
    }

    /**
     * Applies the negotiation between our header and the peer's ({@link HeartBeat#NONE} under STOMP
     * 1.0, which has no heart-beats); the silence count restarts at {@code nowNanos}.
     */
    public void negotiate(HeartBeat ours, HeartBeat peers, long nowNanos) {
        sendEveryNanos = HeartBeat.interval(ours, peers) * 1_000_000;
        expectEveryNanos = HeartBeat.interval(peers, ours) * 1_000_000;
        lastSentNanos = nowNanos;
        lastReceivedNanos = nowNanos;
    }

    /** We wrote something (a frame or a beat) at {@code nowNanos}. */
    public void sent(long nowNanos) {
        lastSentNanos = nowNanos;
    }

    /** Something arrived from the peer at {@code nowNanos}: any octet counts (STOMP 1.2). */
    public void received(long nowNanos) {
        lastReceivedNanos = nowNanos;
    }

    /** Whether an EOL is owed now: beats are on and nothing was sent for an interval. */
    public boolean beatDue(long nowNanos) {
        return sendEveryNanos > 0 && nowNanos - lastSentNanos >= sendEveryNanos;
    }

    /** Nanoseconds the peer has been silent beyond the tolerance at {@code nowNanos}, or 0 when it has not. */
    public long silenceBeyondTolerance(long nowNanos) {
        if (expectEveryNanos == 0) {
            return 0;
        }
        long silent = nowNanos - lastReceivedNanos;
        return silent > toleratedNanos() ? silent : 0;
    }

    /** When a beat falls due or the peer's silence runs out, whichever is first; {@link Long#MAX_VALUE} when beats are off. */
    public long nextDeadlineNanos() {
        long next = sendEveryNanos > 0 ? lastSentNanos + sendEveryNanos : Long.MAX_VALUE;
        return expectEveryNanos > 0 ? Math.min(next, lastReceivedNanos + toleratedNanos() + 1) : next;
    }

    /** The negotiated send interval in milliseconds, 0 when off. */
    public long sendEveryMillis() {
        return sendEveryNanos / 1_000_000;
    }

    /** The negotiated expected interval in milliseconds, 0 when off. */
    public long expectEveryMillis() {
        return expectEveryNanos / 1_000_000;
    }

    /** The tolerance this clock was made with. */
    public double tolerance() {
        return tolerance;
    }

    private long toleratedNanos() {
        return (long) (expectEveryNanos * tolerance);
    }
}
