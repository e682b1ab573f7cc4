package org.wslab.stomp.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The serial executor runs every task exactly once, one at a time, and in order per submitter. */
class SerialExecutorTest {
    @Test
    void tasksFromManyThreadsRunOneAtATimeAndNoneIsLost() throws Exception {
        // Rule: mutual exclusion without a lock, and no lost task.
        SerialExecutor serial = new SerialExecutor();
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger maxInside = new AtomicInteger();
        int[] count = {0}; // touched only inside tasks: the executor is what makes this safe
        int threads = 8;
        int perThread = 20_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    serial.execute(() -> {
                        maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                        count[0]++;
                        inside.decrementAndGet();
                    });
                }
            });
            th.start();
            ts.add(th);
        }
        start.countDown();
        for (Thread th : ts) {
            th.join();
        }
        serial.execute(() -> { });
        assertEquals(1, maxInside.get());
        assertEquals(threads * perThread, count[0]);
    }

    @Test
    void aTaskSubmittedByATaskRunsAfterItAndAFailingTaskStopsNothing() {
        // Rule: no re-entrancy; a throwing task is reported and the queue goes on.
        List<String> order = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        SerialExecutor serial = new SerialExecutor(failures::add);
        serial.execute(() -> {
            serial.execute(() -> order.add("inner"));
            order.add("outer");
            throw new IllegalStateException("boom");
        });
        serial.execute(() -> order.add("next"));
        assertEquals(List.of("outer", "inner", "next"), order);
        assertEquals(1, failures.size());
    }
}
