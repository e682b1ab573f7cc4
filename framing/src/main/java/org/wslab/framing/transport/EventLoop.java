package org.wslab.framing.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One selector thread of a {@link Transport}: waits for readiness, runs tasks other threads hand
 * it ({@link #execute}, which wakes the selector), expires deadlines from a timer queue and
 * settles the connections touched in this round (their output written, their interest updated).
 * One read buffer serves every connection of the loop. Each member keeps at most one live timer
 * entry: a later deadline is queued only when the earlier entry comes due.
 */
final class EventLoop implements Runnable {
    private record Timer(long at, LoopMember member) {}

    private static final Comparator<Timer> BY_TIME = (a, b) -> Long.compare(a.at - b.at, 0);

    private final Selector selector;
    private final Thread thread;
    private final ByteBuffer readBuffer;
    private final TlsBuffers tlsBuffers = new TlsBuffers();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean wakeupPending = new AtomicBoolean();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>(BY_TIME);
    private final ArrayDeque<ChannelDriver> touched = new ArrayDeque<>();
    private final java.util.Set<LoopMember> members = new java.util.HashSet<>();
    private volatile boolean running = true;

    EventLoop(String name, int readBufferBytes) {
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.readBuffer = ByteBuffer.allocateDirect(readBufferBytes);
        this.thread = new Thread(this, name);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    Selector selector() {
        return selector;
    }

    /** The loop's one read buffer, cleared. */
    ByteBuffer readBuffer() {
        return readBuffer.clear();
    }

    /** The loop's TLS buffers (its {@code wss://} connections share them). */
    TlsBuffers tlsBuffers() {
        return tlsBuffers;
    }

    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on this loop soon; thread-safe; wakes the selector when called from elsewhere. */
    void execute(Runnable task) {
        tasks.add(task);
        if (!inLoop() && wakeupPending.compareAndSet(false, true)) {
            selector.wakeup();
        }
    }

    void add(LoopMember member) {
        members.add(member);
    }

    void remove(LoopMember member) {
        members.remove(member);
    }

    /** Queues {@code member}'s deadline unless an entry at or before it is already queued. */
    void schedule(LoopMember member) {
        long at = member.deadline();
        if (at == Long.MAX_VALUE || member.scheduledAt != Long.MAX_VALUE && member.scheduledAt - at <= 0) {
            return;
        }
        member.scheduledAt = at;
        timers.add(new Timer(at, member));
    }

    /** {@code channel} changed this round: settle it before the loop waits again. */
    void touch(ChannelDriver channel) {
        touched.add(channel);
    }

    @Override
    public void run() {
        try {
            while (running) {
                select();
                long now = System.nanoTime();
                for (Iterator<SelectionKey> it = selector.selectedKeys().iterator(); it.hasNext(); ) {
                    SelectionKey key = it.next();
                    it.remove();
                    if (key.isValid() && key.attachment() instanceof LoopMember m) {
                        m.ready(key, now);
                    }
                }
                runTasks();
                expireTimers(System.nanoTime());
                settleTouched();
            }
        } catch (ClosedSelectorException stopped) {
            // stopped from outside
        } finally {
            for (LoopMember m : new ArrayList<>(members)) {
                m.abort();
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void select() {
        try {
            if (!tasks.isEmpty() || !touched.isEmpty()) {
                selector.selectNow();
            } else {
                Timer next = timers.peek();
                long waitNanos = next == null ? Long.MAX_VALUE : next.at - System.nanoTime();
                if (next != null && waitNanos <= 0) {
                    selector.selectNow();
                } else {
                    long millis = next == null ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos) + 1);
                    selector.select(millis);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        wakeupPending.set(false);
    }

    private void runTasks() {
        for (int n = tasks.size(); n > 0; n--) {
            Runnable task = tasks.poll();
            if (task == null) {
                break;
            }
            try {
                task.run();
            } catch (RuntimeException | LinkageError e) {
                // a task's failure (even a JDK class that could not initialise) ends that task, not the loop
                System.err.println("wslab transport: a task failed: " + e);
            }
        }
    }

    private void expireTimers(long now) {
        while (!timers.isEmpty() && now - timers.peek().at >= 0) {
            Timer t = timers.poll();
            if (t.member.scheduledAt != t.at) {
                continue; // an earlier entry replaced this one
            }
            t.member.scheduledAt = Long.MAX_VALUE;
            if (LoopMember.due(t.member.deadline(), now)) {
                t.member.expire(now);
            }
            schedule(t.member);
        }
    }

    private void settleTouched() {
        long now = System.nanoTime();
        for (ChannelDriver c; (c = touched.poll()) != null; ) {
            c.settle(now);
        }
    }

    /** Stops the loop: every member is aborted and the selector closed, on the loop thread. */
    void stop() {
        running = false;
        selector.wakeup();
    }

    /** Waits up to {@code millis} for the loop thread to end. */
    void awaitStopped(long millis) throws InterruptedException {
        if (!inLoop()) {
            thread.join(millis);
        }
    }
}
