package org.wslab.stomp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.session.ClientConnectOptions;
import org.wslab.stomp.broker.InMemoryBroker;

/**
 * {@link StompClient} runs message handlers with its lock released (STOMP 1.2 "ACK": a client
 * acks what it received, here from another thread while the handler waits). The server → client
 * direction goes through a single reader thread, as on a real transport; under the old design (the
 * handler ran holding the session's lock) the acking thread could never enter the session.
 */
class HandlerOutsideLockTest {
    private final InMemoryBroker broker = new InMemoryBroker();
    private final ExecutorService reader = Executors.newSingleThreadExecutor();
    private final ExecutorService other = Executors.newSingleThreadExecutor();
    private int ids;

    @AfterEach
    void stop() {
        reader.shutdownNow();
        other.shutdownNow();
    }

    /** The server → client direction runs on one reader thread, as on a real transport. */
    private StompClient client() {
        return Loopback.client(broker, reader, "h" + (++ids), new ArrayList<>());
    }

    @Test
    void aHandlerMayAckFromAnotherThreadAndWaitForIt() throws Exception {
        StompClient sub = client();
        sub.connect(ClientConnectOptions.DEFAULT, 0).get(10, TimeUnit.SECONDS);
        List<String> outcome = new ArrayList<>();
        CompletableFuture<Void> handled = new CompletableFuture<>();
        sub.subscribe("s", "/queue/q", AckMode.CLIENT_INDIVIDUAL, m -> {
            try {
                // blocks the handler until the other thread's ACK has gone through the session
                other.submit(() -> sub.ack(m, null, false)).get(10, TimeUnit.SECONDS);
                outcome.add("acked");
            } catch (TimeoutException e) {
                outcome.add("deadlock: the ACK could not enter the session");
            } catch (Exception e) {
                outcome.add(e.toString());
            }
            handled.complete(null);
        }, true).get(10, TimeUnit.SECONDS);

        StompClient pub = client();
        pub.connect(ClientConnectOptions.DEFAULT, 0).get(10, TimeUnit.SECONDS);
        pub.send("/queue/q", "work", null, true).get(10, TimeUnit.SECONDS);
        handled.get(30, TimeUnit.SECONDS);
        assertEquals(List.of("acked"), outcome);

        // the ACK reached the broker: nothing comes back to the queue when the subscriber leaves
        sub.disconnect().get(10, TimeUnit.SECONDS);
        assertEquals(0, broker.backlog("/queue/q"));
    }

    @Test
    void receiptFuturesCompleteWithTheLockReleased() throws Exception {
        StompClient c = client();
        c.connect(ClientConnectOptions.DEFAULT, 0).get(10, TimeUnit.SECONDS);
        CompletableFuture<Boolean> lockFree = new CompletableFuture<>();
        // hold the reader until the dependant is registered, so the RECEIPT completes it on the reader
        CountDownLatch registered = new CountDownLatch(1);
        reader.execute(() -> {
            try {
                registered.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        c.send("/topic/t", "x", null, true).thenAccept(r -> lockFree.complete(!Thread.holdsLock(c)));
        registered.countDown();
        assertTrue(lockFree.get(10, TimeUnit.SECONDS), "a receipt's dependants ran under the session's lock");
    }
}
