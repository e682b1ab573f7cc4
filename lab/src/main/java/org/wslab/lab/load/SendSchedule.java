package org.wslab.lab.load;

import org.wslab.framing.transport.SendResult;

/**
 * One connection's open-loop schedule (on its loop thread): the intended send times
 * {@code first + k × period} until sending ends, each send's lag against its time recorded as the
 * client's own unless the server held it back (a full window of outstanding messages, or a full
 * outbound queue, RFC 6455 §5.6 sends refused until writable) — then the messages due meanwhile
 * go at once when it lets go, and their latency still counts from their intended times.
 */
final class SendSchedule {
    /** Sends message {@code seq} meant for {@code intended}. */
    interface Sender {
        SendResult send(long seq, long intended);
    }

    private final LoadTally tally;
    private final LoadPlan plan;
    private long next = Long.MAX_VALUE;
    private long seq;
    private boolean backpressured;
    private long unblockedAt = Long.MIN_VALUE;

    SendSchedule(LoadTally tally, LoadPlan plan) {
        this.tally = tally;
        this.plan = plan;
    }

    /** The first intended send is at {@code at} (nanoTime). */
    void startAt(long at) {
        next = at;
    }

    /** Sends what is due at {@code now} with {@code outstanding} unanswered; returns the next deadline. */
    long run(long now, int outstanding, Sender sender) {
        long end = tally.sendEnd();
        if (backpressured || next == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        int inFlight = outstanding;
        while (next < end && now - next >= 0) {
            if (plan.window() > 0 && inFlight >= plan.window()) {
                unblockedAt = Long.MAX_VALUE; // waiting for an answer: the server holds the schedule back
                return Long.MAX_VALUE;
            }
            if (sender.send(seq, next) != SendResult.SENT) {
                backpressured = true; // a refused message was not sent: again once writable
                unblockedAt = Long.MAX_VALUE;
                return Long.MAX_VALUE;
            }
            long actual = System.nanoTime();
            if (next >= unblockedAt) { // plain comparison: the two sentinels are MIN and MAX
                tally.sendLag(actual - next);
            } else {
                tally.heldBack();
            }
            tally.scale.sent();
            inFlight++;
            seq++;
            next += plan.periodNanos();
            now = actual;
        }
        return next < end ? next : Long.MAX_VALUE;
    }

    /** The outbound queue drained: sending may go on. */
    void writable() {
        backpressured = false;
        unblocked();
    }

    /** An answer came: a full window has room again. */
    void answered() {
        if (plan.window() > 0) {
            unblocked();
        }
    }

    private void unblocked() {
        if (unblockedAt == Long.MAX_VALUE) {
            unblockedAt = System.nanoTime();
        }
    }
}
