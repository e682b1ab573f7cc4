package org.wslab.stomp.runtime;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs tasks one at a time, in submission order, on the threads that submit them — without a lock
 * and without anyone waiting (wslab's non-blocking policy for single-threaded state machines such as
 * a STOMP session or the in-memory broker). A task is queued in a lock-free queue; the caller that
 * finds the executor idle drains it (its own task and whatever others queue meanwhile); everybody
 * else returns at once. A task submitted by a running task runs after it, never inside it.
 *
 * <p>A task that throws does not stop the executor: the exception goes to the failure handler
 * given at construction (by default rethrown to nobody: reported to the thread's handler after the
 * queue is drained would lose order, so it is handed over and the drain goes on).
 */
public final class SerialExecutor implements Executor {
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final java.util.function.Consumer<RuntimeException> onFailure;

    /** An executor whose failing tasks are reported to the current thread's uncaught-exception handler. */
    public SerialExecutor() {
        this(e -> Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e));
    }

    /** An executor that hands a failing task's exception to {@code onFailure} and goes on. */
    public SerialExecutor(java.util.function.Consumer<RuntimeException> onFailure) {
        this.onFailure = onFailure;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (queued.getAndIncrement() != 0) {
            return; // another thread is draining and will run it
        }
        do {
            Runnable next = tasks.poll();
            try {
                next.run();
            } catch (RuntimeException e) {
                onFailure.accept(e);
            }
        } while (queued.decrementAndGet() != 0);
    }
}
