package org.wslab.framing.engine;

/**
 * The three deadlines of a {@link Connection}, on the caller's clock: the opening handshake
 * (CONNECTING may last {@code handshakeTimeoutNanos}), the closing handshake (after sending a
 * close we wait {@code closeTimeoutNanos} for the peer's, RFC 6455 §7.1.1 "wait for a
 * reasonable time") and idleness (no input for {@code idleTimeoutNanos} closes with 1001,
 * §7.4.1 "going away"). Nothing here reads a clock: every method takes {@code nowNanos}, and
 * deadlines compare by subtraction so {@link System#nanoTime()} wrap-around is harmless.
 */
final class ConnectionClock {
    /** Which deadline {@link #expired} found passed. */
    enum Expired { NONE, HANDSHAKE, CLOSE, IDLE }

    private final EngineSettings settings;
    private long lastInputNanos;
    private long connectDeadline = Long.MAX_VALUE;
    private long closeDeadline = Long.MAX_VALUE;

    ConnectionClock(EngineSettings settings, long nowNanos) {
        this.settings = settings;
        this.lastInputNanos = nowNanos;
    }

    /** The opening handshake starts now. */
    void handshakeStarted(long nowNanos) {
        if (settings.handshakeTimeoutNanos() > 0) {
            connectDeadline = nowNanos + settings.handshakeTimeoutNanos();
        }
    }

    /** The connection is OPEN: the handshake deadline no longer applies. */
    void opened() {
        connectDeadline = Long.MAX_VALUE;
    }

    /** Bytes arrived (resets the idle timer). */
    void input(long nowNanos) {
        lastInputNanos = nowNanos;
    }

    /** We sent our close frame now. */
    void closeSent(long nowNanos) {
        closeDeadline = nowNanos + settings.closeTimeoutNanos();
    }

    /** CLOSED: nothing is pending any more. */
    void closed() {
        connectDeadline = Long.MAX_VALUE;
        closeDeadline = Long.MAX_VALUE;
    }

    /** The deadline that has passed in {@code state} at {@code nowNanos}, if any. */
    Expired expired(ConnectionState state, long nowNanos) {
        return switch (state) {
            case CONNECTING -> passed(connectDeadline, nowNanos) ? Expired.HANDSHAKE : Expired.NONE;
            case CLOSING -> passed(closeDeadline, nowNanos) ? Expired.CLOSE : Expired.NONE;
            case OPEN -> settings.idleTimeoutNanos() > 0 && nowNanos - lastInputNanos >= settings.idleTimeoutNanos()
                    ? Expired.IDLE : Expired.NONE;
            case CLOSED -> Expired.NONE;
        };
    }

    /**
     * Whether {@code deadline} has passed. {@link Long#MAX_VALUE} means "none" and never passes:
     * {@code nanoTime()} may be negative, and {@code now - MAX_VALUE} then overflows to positive.
     */
    private static boolean passed(long deadline, long nowNanos) {
        return deadline != Long.MAX_VALUE && nowNanos - deadline >= 0;
    }

    /** When the next deadline in {@code state} falls; {@link Long#MAX_VALUE} when none is pending. */
    long next(ConnectionState state) {
        return switch (state) {
            case CONNECTING -> connectDeadline;
            case CLOSING -> closeDeadline;
            case OPEN -> settings.idleTimeoutNanos() > 0 ? lastInputNanos + settings.idleTimeoutNanos() : Long.MAX_VALUE;
            case CLOSED -> Long.MAX_VALUE;
        };
    }
}
