package org.wslab.lab.load;

import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.HandshakeFailure;
import org.wslab.framing.transport.WebSocketChannel;
import org.wslab.framing.transport.WebSocketHandler;
import org.wslab.lab.common.ConnectFailures;
import org.wslab.lab.drive.ScaleOpening;

/**
 * What every connection of a {@link LoadRun} does, on its loop thread, whatever it sends: times its
 * opening handshake (RFC 6455 §4.1), counts a refusal by the failure vocabulary's kind, keeps a
 * {@link SendSchedule}, closes with 1000 once the run is over (§7.1.2), and counts any other end of
 * an open connection as an error of its kind. {@link EchoConnection} sends to an echo endpoint,
 * {@link StompConnection} SENDs to its own STOMP destination.
 */
abstract class LoadConnection implements WebSocketHandler {
    protected final LoadTally tally;
    protected final LoadPlan plan;
    protected final int index;
    protected final SendSchedule schedule;
    private final long connectedAt;
    private WebSocketChannel channel;
    private boolean closing;
    private boolean closed;

    LoadConnection(LoadTally tally, LoadPlan plan, int index) {
        this.tally = tally;
        this.plan = plan;
        this.index = index;
        this.schedule = new SendSchedule(tally, plan);
        this.connectedAt = System.nanoTime();
    }

    /** The connection is open at {@code now}; the channel may send. */
    protected abstract void opened(long now);

    /** Sends what is due at {@code now}; returns the next deadline. Only while open and not closing. */
    protected abstract long due(long now);

    /** The connection, once open. */
    protected final WebSocketChannel channel() {
        return channel;
    }

    /** Starts the schedule at {@code now} plus this connection's stagger. */
    protected final void startSending(long now) {
        schedule.startAt(now + plan.staggerNanos(index));
    }

    @Override
    public final void onOpen(WebSocketChannel ch, Event.HandshakeCompleted opened) {
        long now = System.nanoTime();
        channel = ch;
        tally.handshake(now - connectedAt);
        tally.scale.opened();
        opened(now);
    }

    @Override
    public final void onHandshakeFailed(HandshakeFailure failure) {
        tally.scale.handshakeFailed(failure);
        tally.refused(ConnectFailures.opening(failure, plan.uri(), ScaleOpening.OPEN_WAIT).kind());
    }

    @Override
    public final long tick(long now) {
        return channel == null || closed || closing ? Long.MAX_VALUE : due(now);
    }

    @Override
    public final void onWritable() {
        schedule.writable();
    }

    /** Has the loop close with 1000 now that the run is over; false when the connection never opened. */
    final boolean finish() {
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
    public final void onClosed(Event.Closed c) {
        boolean wasOpen = channel != null;
        if (wasOpen && !(closing && c.code() == 1000)) {
            tally.error(ConnectFailures.closed(c, ConnectFailures.where(plan.uri())).kind());
        }
        closed = true;
        tally.scale.closed(wasOpen);
    }
}
