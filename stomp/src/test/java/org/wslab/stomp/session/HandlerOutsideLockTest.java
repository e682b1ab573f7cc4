package org.wslab.stomp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.broker.InMemoryBroker;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompLimits;

/**
 * {@link StompClientSession} runs message handlers with its lock released (STOMP 1.2 "ACK": a client
 * acks what it received, here from another thread while the handler waits). The server → client
 * direction goes through a single reader thread, as on a real transport; under the old design (the
 * handler ran holding the session's lock) the acking thread could never enter the session.
 */
class HandlerOutsideLockTest {
    private final InMemoryBroker broker = new InMemoryBroker();
    private final ExecutorService reader = Executors.newSingleThreadExecutor();
    private final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        reader.shutdownNow();
        other.shutdownNow();
    }

    private StompClientSession client() {
        StompClientSession[] c = new StompClientSession[1];
        StompServerSession[] s = new StompServerSession[1];
        c[0] = new StompClientSession(new StompClientOutput() {
            @Override
            public void write(byte[] octets) {
                s[0].receive(octets, 0, octets.length, 0);
            }

            @Override
            public void close() {
                s[0].transportClosed();
            }
        }, StompLimits.DEFAULT);
        s[0] = new StompServerSession(broker, StompServerConfig.DEFAULT, new StompServerOutput() {
            @Override
            public void write(byte[] octets, StompFrame frame) {
                reader.execute(() -> c[0].receive(octets, 0, octets.length, 0)); // the transport's reader thread
            }

            @Override
            public void close() {
                reader.execute(() -> c[0].transportClosed());
            }
        }, "h" + System.identityHashCode(c), 0);
        return c[0];
    }

    @Test
    void aHandlerMayAckFromAnotherThreadAndWaitForIt() throws Exception {
        StompClientSession sub = client();
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

        StompClientSession pub = client();
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
        StompClientSession c = client();
        c.connect(ClientConnectOptions.DEFAULT, 0).get(10, TimeUnit.SECONDS);
        CompletableFuture<Boolean> lockFree = new CompletableFuture<>();
        c.send("/topic/t", "x", null, true).thenAccept(r -> lockFree.complete(!Thread.holdsLock(c)));
        assertTrue(lockFree.get(10, TimeUnit.SECONDS), "a receipt's dependants ran under the session's lock");
    }
}
