package org.wslab.stomp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.broker.BrokerConnection;
import org.wslab.stomp.broker.InMemoryBroker;
import org.wslab.stomp.broker.StompBroker;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompHeader;

/**
 * STOMP 1.2 "Header receipt" with a broker that confirms later (as the relay does when its upstream
 * is down): the RECEIPT waits for {@link BrokerConnection#confirmed()}, receipts keep frame order,
 * DISCONNECT's RECEIPT and close wait too, and a failed confirmation sends no RECEIPT.
 */
class HeldReceiptsTest {
    /** The in-memory broker, except that confirmation waits for the test to open {@link #gate}. */
    private CompletableFuture<Void> gate = new CompletableFuture<>();

    private final StompBroker broker = new StompBroker() {
        private final InMemoryBroker memory = new InMemoryBroker();

        @Override
        public BrokerConnection connect(String sessionId, org.wslab.stomp.broker.DeliveryTarget target) {
            BrokerConnection c = memory.connect(sessionId, target);
            return new BrokerConnection() {
                public Optional<StompViolation> subscribe(String id, String destination, AckMode mode) {
                    return c.subscribe(id, destination, mode);
                }

                public Optional<StompViolation> unsubscribe(String id) {
                    return c.unsubscribe(id);
                }

                public Optional<StompViolation> send(String destination, List<StompHeader> headers, byte[] body) {
                    return c.send(destination, headers, body);
                }

                public boolean isPending(String id) {
                    return c.isPending(id);
                }

                public Optional<StompViolation> ack(String id) {
                    return c.ack(id);
                }

                public Optional<StompViolation> nack(String id) {
                    return c.nack(id);
                }

                @Override
                public CompletableFuture<Void> confirmed() {
                    return gate;
                }

                public void close() {
                    c.close();
                }
            };
        }
    };
    private final ServerHarness h = new ServerHarness(broker, StompServerConfig.DEFAULT);

    private static List<String> receipts(ServerHarness.Client c) {
        return c.received.stream().filter(f -> f.command() == StompCommand.RECEIPT).map(f -> f.header("receipt-id")).toList();
    }

    @Test
    void receiptsWaitForTheBrokerAndKeepFrameOrder() {
        ServerHarness.Client c = h.open(0).connect("1.2");
        c.send("SEND\ndestination:/queue/a\nreceipt:1\n\nx\0");
        CompletableFuture<Void> first = gate;
        gate = new CompletableFuture<>();
        c.send("SUBSCRIBE\nid:0\ndestination:/topic/t\nreceipt:2\n\n\0");
        assertEquals(List.of(), receipts(c), "nothing confirmed yet");
        gate.complete(null); // the later frame is confirmed first
        assertEquals(List.of(), receipts(c), "receipt 2 waits behind receipt 1");
        first.complete(null);
        assertEquals(List.of("1", "2"), receipts(c));
        gate = CompletableFuture.completedFuture(null);
        c.send("UNSUBSCRIBE\nid:0\nreceipt:3\n\n\0");
        assertEquals(List.of("1", "2", "3"), receipts(c), "confirmed at once: sent at once");
    }

    @Test
    void disconnectReceiptAndCloseWaitForEarlierFrames() {
        ServerHarness.Client c = h.open(0).connect("1.2");
        c.send("SEND\ndestination:/queue/a\nreceipt:1\n\nx\0");
        c.send("DISCONNECT\nreceipt:bye\n\n\0");
        assertFalse(c.closed, "DISCONNECT waits for the broker to confirm the SEND");
        c.send("SEND\ndestination:/queue/a\nreceipt:late\n\nafter DISCONNECT\0");
        gate.complete(null);
        assertEquals(List.of("1", "bye"), receipts(c), "nothing after DISCONNECT is processed");
        assertTrue(c.closed);
    }

    @Test
    void aFailedConfirmationSendsNoReceipt() {
        ServerHarness.Client c = h.open(0).connect("1.2");
        c.send("SEND\ndestination:/queue/a\nreceipt:1\n\nx\0");
        gate.completeExceptionally(new IllegalStateException("upstream gave up"));
        gate = CompletableFuture.completedFuture(null);
        c.send("SEND\ndestination:/queue/a\nreceipt:2\n\nx\0");
        assertEquals(List.of(), receipts(c), "a receipt behind a failed one is not sent either");
    }
}
