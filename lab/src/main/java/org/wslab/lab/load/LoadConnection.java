package org.wslab.lab.load;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.HandshakeFailure;
import org.wslab.framing.transport.SendResult;
import org.wslab.framing.transport.WebSocketChannel;
import org.wslab.framing.transport.WebSocketHandler;
import org.wslab.lab.common.ConnectFailures;
import org.wslab.lab.drive.ScaleOpening;

/**
 * One connection of a {@link LoadRun}, on its loop thread: once open, it sends a binary message
 * (RFC 6455 §5.6) at each intended time {@code first + k × period} until sending ends, each
 * carrying its sequence number and intended time, and checks that every echo is the oldest message
 * outstanding, byte for byte. Latency counts from the intended time, so a send the server held
 * back (a full window, a full outbound queue) still counts its wait — the coordinated-omission
 * correction; how late the client itself sent counts apart, as its lag.
 */
final class LoadConnection implements WebSocketHandler {
    /** A message sent and not yet echoed. */
    private record Pending(byte[] data, long intended, long actual) {}

    private final LoadTally tally;
    private final LoadPlan plan;
    private final int index;
    private final long connectedAt;
    private final ArrayDeque<Pending> outstanding = new ArrayDeque<>();
    private WebSocketChannel channel;
    private long next = Long.MAX_VALUE;
    private long seq;
    private boolean backpressured;
    private long unblockedAt = Long.MIN_VALUE;
    private boolean closing;
    private boolean closed;

    LoadConnection(LoadTally tally, LoadPlan plan, int index) {
        this.tally = tally;
        this.plan = plan;
        this.index = index;
        this.connectedAt = System.nanoTime();
    }

    @Override
    public void onOpen(WebSocketChannel ch, Event.HandshakeCompleted opened) {
        long now = System.nanoTime();
        channel = ch;
        tally.handshake(now - connectedAt);
        tally.scale.opened();
        next = now + plan.staggerNanos(index);
    }

    @Override
    public void onHandshakeFailed(HandshakeFailure failure) {
        tally.scale.handshakeFailed(failure);
        tally.refused(ConnectFailures.opening(failure, plan.uri(), ScaleOpening.OPEN_WAIT).kind());
    }

    @Override
    public long tick(long now) {
        if (channel == null || closed || closing || backpressured) {
            return Long.MAX_VALUE;
        }
        long end = tally.sendEnd();
        while (next < end && now - next >= 0) {
            if (plan.window() > 0 && outstanding.size() >= plan.window()) {
                unblockedAt = Long.MAX_VALUE; // waiting for an echo: the server holds the schedule back
                return Long.MAX_VALUE;
            }
            byte[] m = ByteBuffer.allocate(plan.size()).putLong(seq).putLong(next).array();
            if (channel.sendBinary(m) != SendResult.SENT) {
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
            outstanding.add(new Pending(m, next, actual));
            tally.scale.sent();
            seq++;
            next += plan.periodNanos();
            now = actual;
        }
        return next < end ? next : Long.MAX_VALUE;
    }

    @Override
    public void onWritable() {
        backpressured = false;
        unblocked();
    }

    private void unblocked() {
        if (unblockedAt == Long.MAX_VALUE) {
            unblockedAt = System.nanoTime();
        }
    }

    @Override
    public void onBinary(byte[] data) {
        long now = System.nanoTime();
        Pending expected = outstanding.poll();
        if (expected == null || !Arrays.equals(expected.data(), data)) {
            tally.scale.mismatch();
            return;
        }
        tally.echoed(expected.intended(), expected.actual(), now);
        if (plan.window() > 0) {
            unblocked();
        }
    }

    @Override
    public void onText(byte[] utf8) {
        tally.scale.mismatch();
    }

    /** Has the loop close with 1000 now that the run is over; false when the connection never opened. */
    boolean finish() {
        if (channel == null) {
            return false;
        }
        channel.execute(() -> {
            closing = true;
            channel.close(1000, "done");
        });
        return true;
    }

    @Override
    public void onClosed(Event.Closed c) {
        boolean wasOpen = channel != null;
        if (wasOpen && !(closing && c.code() == 1000)) {
            tally.error(ConnectFailures.closed(c, ConnectFailures.where(plan.uri())).kind());
        }
        closed = true;
        tally.scale.closed(wasOpen);
    }
}
