package org.wslab.lab.stomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Type;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;

/**
 * What the Spring STOMP tests check on a connected session: a SUBSCRIBE confirmed by its RECEIPT,
 * a SEND confirmed by its RECEIPT, and the MESSAGE that SEND produced (STOMP 1.2 "SUBSCRIBE",
 * "SEND", "RECEIPT", "MESSAGE"), then DISCONNECT.
 */
final class SpringRoundTrip {
    private SpringRoundTrip() {
    }

    /** Subscribes to {@code destination}, sends {@code body} there, asserts it arrives; waits 10 s at most each. */
    static void subscribeSendReceive(StompSession session, String destination, String body) throws Exception {
        session.setAutoReceipt(true);
        BlockingQueue<Object[]> got = new LinkedBlockingQueue<>();
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return String.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                got.add(new Object[] {headers, payload});
            }
        }).addReceiptTask(() -> subscribed.complete(null));
        subscribed.get(10, TimeUnit.SECONDS);

        CompletableFuture<Void> sent = new CompletableFuture<>();
        session.send(destination, body).addReceiptTask(() -> sent.complete(null));
        sent.get(10, TimeUnit.SECONDS);
        Object[] message = got.poll(10, TimeUnit.SECONDS);
        assertNotNull(message, "Spring got the MESSAGE");
        assertEquals(body, message[1]);
        assertEquals(destination, ((StompHeaders) message[0]).getDestination());
        session.disconnect();
    }
}
