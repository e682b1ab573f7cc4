package org.wslab.framing.socket;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.HandshakeFailure;
import org.wslab.framing.transport.WebSocketChannel;
import org.wslab.framing.transport.WebSocketHandler;

/**
 * Where a {@link BlockingWebSocket}'s loop thread and its caller's thread meet: the handler the
 * transport calls (on its loop) turns each call back into the engine's {@link Event} (RFC 6455
 * §6.2 messages, §5.5 control frames, §7 close) and queues it for {@link #take()}.
 *
 * <p>The queue is bounded by pausing, never by dropping: once {@link #capacity} events wait, the
 * handler pauses reading ({@link WebSocketChannel#pauseReading()}: the transport holds what it has
 * read, TCP holds the peer back); when the caller has taken the queue down to half, reading
 * resumes on the loop. Only the events of a connection that is ending are delivered while paused
 * (at most one read's worth), so the queue never holds much more than its capacity.
 *
 * <p>It also counts {@link WebSocketHandler#onWritable()} signals, so a caller whose send was
 * refused with {@code OUTBOUND_FULL} can wait for the queue to drain before it sends again.
 * The lock is never held while waiting ({@link Condition#await()} releases it) or while calling
 * into the transport.
 */
final class EventInbox implements WebSocketHandler {
    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Event> events = new ArrayDeque<>();
    private WebSocketChannel channel;
    private boolean paused;
    private boolean resumeAsked;
    private boolean closed;
    private boolean socketClosed;
    private long writableSignals;
    private int mostQueued;

    EventInbox(int capacity) {
        if (capacity < 2) {
            throw new IllegalArgumentException("an inbox holds at least 2 events");
        }
        this.capacity = capacity;
    }

    /** The channel to reach the loop through; set once the transport made it. */
    void channel(WebSocketChannel ch) {
        lock.lock();
        try {
            channel = ch;
        } finally {
            lock.unlock();
        }
    }

    // ---- the loop's side ---------------------------------------------------------------------

    @Override
    public void onOpen(WebSocketChannel ch, Event.HandshakeCompleted opened) {
        channel(ch);
        put(opened);
    }

    @Override
    public void onHandshakeFailed(HandshakeFailure failure) {
        put(new Event.HandshakeFailed(failure));
    }

    @Override
    public void onText(byte[] utf8) {
        put(new Event.TextMessage(utf8));
    }

    @Override
    public void onBinary(byte[] data) {
        put(new Event.BinaryMessage(data));
    }

    @Override
    public void onPing(byte[] payload) {
        put(new Event.PingReceived(payload));
    }

    @Override
    public void onPong(byte[] payload) {
        put(new Event.PongReceived(payload));
    }

    @Override
    public void onClosed(Event.Closed c) {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        put(c);
    }

    @Override
    public void onWritable() {
        lock.lock();
        try {
            writableSignals++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void onSocketClosed() {
        ended();
    }

    private void put(Event e) {
        boolean pause;
        WebSocketChannel ch;
        lock.lock();
        try {
            events.add(e);
            mostQueued = Math.max(mostQueued, events.size());
            ch = channel;
            pause = !paused && !closed && events.size() >= capacity && ch != null;
            if (pause) {
                paused = true;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (pause) {
            ch.pauseReading(); // on the loop thread: we are in a handler call
        }
    }

    /** The loop resumes reading (asked for by {@link #take()}). */
    private void resume(WebSocketChannel ch) {
        lock.lock();
        try {
            paused = false;
            resumeAsked = false;
        } finally {
            lock.unlock();
        }
        ch.resumeReading();
    }

    // ---- the caller's side -------------------------------------------------------------------

    /**
     * The next event, waiting for it; null once the queue is empty and the socket is closed.
     * Taking the queue down to half its capacity resumes reading.
     */
    Event take() throws InterruptedException {
        Event e;
        WebSocketChannel resumeOn = null;
        lock.lock();
        try {
            while (events.isEmpty() && !socketClosed) {
                changed.await();
            }
            e = events.poll();
            if (paused && !resumeAsked && events.size() <= capacity / 2) {
                resumeAsked = true;
                resumeOn = channel;
            }
        } finally {
            lock.unlock();
        }
        if (resumeOn != null) {
            WebSocketChannel ch = resumeOn;
            ch.execute(() -> resume(ch));
        }
        return e;
    }

    /** The {@link WebSocketHandler#onWritable()} signals so far. */
    long writableSignals() {
        return locked(() -> writableSignals);
    }

    /** Waits until a writable signal after {@code seen} came, or the connection closed; true for the signal. */
    boolean awaitWritable(long seen) throws InterruptedException {
        lock.lock();
        try {
            while (writableSignals == seen && !closed && !socketClosed) {
                changed.await();
            }
            return writableSignals != seen;
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code update} (a loop call's result) under the lock and wakes every waiter. */
    void set(Runnable update) {
        lock.lock();
        try {
            update.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code done} says so, or the connection closed (a task may then never run). */
    void await(java.util.function.BooleanSupplier done) throws InterruptedException {
        lock.lock();
        try {
            while (!done.getAsBoolean() && !closed && !socketClosed) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The socket is closed, or the transport stopped: nothing more will come. */
    void ended() {
        lock.lock();
        try {
            closed = true;
            socketClosed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Events waiting now. */
    int queued() {
        return locked(() -> events.size());
    }

    /** The most events that ever waited at once. */
    int mostQueued() {
        return locked(() -> mostQueued);
    }

    /** Whether reading is paused because the queue is full. */
    boolean paused() {
        return locked(() -> paused);
    }

    /** Whether the TCP connection is closed (after the §7.1.1 linger). */
    boolean socketClosed() {
        return locked(() -> socketClosed);
    }

    private <T> T locked(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }
}
