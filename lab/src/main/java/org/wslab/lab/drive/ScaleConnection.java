package org.wslab.lab.drive;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.HandshakeFailure;
import org.wslab.framing.transport.SendResult;
import org.wslab.framing.transport.WebSocketChannel;
import org.wslab.framing.transport.WebSocketHandler;

/**
 * One connection of an {@link EchoScale} run: once told to start, sends a binary message
 * (RFC 6455 §5.6) every {@code periodNanos} until it has sent {@code count}, each carrying its
 * send time and sequence number, and checks that every echo is the oldest message still
 * outstanding, byte for byte; the round trip goes to the run's histogram.
 */
final class ScaleConnection implements WebSocketHandler {
    private final ScaleTally tally;
    private final int count;
    private final long periodNanos;
    private final int size;
    private final ArrayDeque<byte[]> outstanding = new ArrayDeque<>();
    private WebSocketChannel channel;
    private long nextSend = Long.MAX_VALUE;
    private int sent;
    private boolean closed;

    ScaleConnection(ScaleTally tally, int count, long periodNanos, int size) {
        this.tally = tally;
        this.count = count;
        this.periodNanos = periodNanos;
        this.size = Math.max(16, size);
    }

    @Override
    public void onOpen(WebSocketChannel ch, Event.HandshakeCompleted opened) {
        channel = ch;
        tally.opened();
    }

    @Override
    public void onHandshakeFailed(HandshakeFailure failure) {
        tally.handshakeFailed(failure);
    }

    /** Starts sending at {@code at} (nanoTime); called on the loop through {@code execute}. */
    void startAt(long at) {
        if (channel != null && !closed) {
            nextSend = at;
        }
    }

    @Override
    public long tick(long nowNanos) {
        while (!closed && sent < count && nowNanos - nextSend >= 0 && nextSend != Long.MAX_VALUE) {
            byte[] m = ByteBuffer.allocate(size).putLong(System.nanoTime()).putLong(sent).array();
            if (channel.sendBinary(m) != SendResult.SENT) {
                break; // a refused message was not sent: try again at the next tick
            }
            outstanding.add(m);
            sent++;
            tally.sent();
            nextSend += periodNanos;
        }
        return sent < count && !closed ? nextSend : Long.MAX_VALUE;
    }

    @Override
    public void onBinary(byte[] data) {
        long now = System.nanoTime();
        byte[] expected = outstanding.poll();
        if (expected == null || !Arrays.equals(expected, data)) {
            tally.mismatch();
            return;
        }
        tally.received(now - ByteBuffer.wrap(data).getLong());
    }

    @Override
    public void onText(byte[] utf8) {
        tally.mismatch();
    }

    /** Closes with 1000 (on the loop). */
    void close() {
        if (channel != null && !closed) {
            channel.close(1000, "done");
        }
    }

    WebSocketChannel channel() {
        return channel;
    }

    @Override
    public void onClosed(Event.Closed c) {
        closed = true;
        tally.closed(channel != null);
    }
}
