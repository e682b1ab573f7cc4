package org.wslab.stomp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.broker.BrokerConnection;
import org.wslab.stomp.broker.InMemoryBroker;
import org.wslab.stomp.broker.Mailbox;
import org.wslab.stomp.broker.MailboxItem;
import org.wslab.stomp.broker.StompBroker;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompHeader;

/**
 * STOMP 1.2 "Header receipt" with a broker that confirms later (as the relay does when its upstream
 * is down): the RECEIPT waits for the broker's {@code Confirmed(seq)}, receipts keep frame order,
 * DISCONNECT's RECEIPT and close wait too, and a broker failure sends no RECEIPT.
 */
class HeldReceiptsTest {
    /** Confirmations the broker has not yet posted: the test releases them. */
    private final List<Runnable> gate = new ArrayList<>();
    private final List<Mailbox> mailboxes = new ArrayList<>();
    private boolean confirmAtOnce;

    private final StompBroker broker = new StompBroker() {
        private final InMemoryBroker memory = new InMemoryBroker();

        @Override
        public BrokerConnection connect(String sessionId, Mailbox mailbox) {
            BrokerConnection c = memory.connect(sessionId, mailbox);
            mailboxes.add(mailbox);
            return new BrokerConnection() {
                public void subscribe(long seq, String id, String destination, AckMode mode, int prefetch) {
                    c.subscribe(seq, id, destination, mode, prefetch);
                }

                public void unsubscribe(long seq, String id) {
                    c.unsubscribe(seq, id);
                }

                public void send(long seq, String destination, List<StompHeader> headers, byte[] body) {
                    c.send(seq, destination, headers, body);
                }

                public void ack(long seq, String id) {
                    c.ack(seq, id);
                }

                public void nack(long seq, String id) {
                    c.nack(seq, id);
                }

                public void confirm(long seq) {
                    if (confirmAtOnce) {
                        c.confirm(seq);
                    } else {
                        gate.add(() -> mailbox.post(new MailboxItem.Confirmed(seq)));
                    }
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

    private void open(int n) {
        for (int i = 0; i < n; i++) {
            gate.remove(0).run();
        }
        h.pumpAll(0);
    }

    @Test
    void receiptsWaitForTheBrokerAndKeepFrameOrder() {
        ServerHarness.Client c = h.open(0).connect("1.2");
        c.send("SEND\ndestination:/queue/a\nreceipt:1\n\nx\0");
        c.send("SUBSCRIBE\nid:0\ndestination:/topic/t\nreceipt:2\n\n\0");
        assertEquals(List.of(), receipts(c), "nothing confirmed yet");
        open(1);
        assertEquals(List.of("1"), receipts(c), "receipt 2 waits for its own confirmation");
        open(1);
        assertEquals(List.of("1", "2"), receipts(c));
        confirmAtOnce = true;
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
        open(2);
        assertEquals(List.of("1", "bye"), receipts(c), "nothing after DISCONNECT is processed");
        assertTrue(c.closed);
    }

    @Test
    void readingPausesWhileTooManyReceiptsWaitForTheBroker() {
        // Rule (SessionLimits.maxHeldReceipts, wslab policy): held receipts are bounded by pausing input.
        ServerHarness limited = new ServerHarness(broker, StompServerConfig.DEFAULT
                .withSessionLimits(SessionLimits.DEFAULT.withMaxHeldReceipts(3)));
        ServerHarness.Client c = limited.open(0).connect("1.2");
        for (int i = 0; i < 3; i++) {
            assertFalse(c.session.readPaused());
            c.send("SEND\ndestination:/queue/a\nreceipt:" + i + "\n\nx\0");
        }
        assertTrue(c.session.readPaused(), "three receipts held: stop reading");
        gate.remove(0).run();
        limited.pumpAll(0);
        assertFalse(c.session.readPaused(), "one confirmed: read again");
        assertEquals(List.of("0"), receipts(c));
    }

    @Test
    void aBrokerFailureSendsNoReceipt() {
        ServerHarness.Client c = h.open(0).connect("1.2");
        c.send("SEND\ndestination:/queue/a\nreceipt:1\n\nx\0");
        // what a relay posts when it gives up before its confirmations came
        mailboxes.get(0).post(new MailboxItem.BrokerFailed(StompViolation.of(StompRule.RELAY_GAVE_UP, "upstream gone")));
        open(1); // a confirmation arriving after the failure changes nothing
        assertEquals(List.of(), receipts(c), "no receipt after the broker failed");
        assertEquals(StompCommand.ERROR, c.last().command());
        assertTrue(c.last().header("message").contains("wslab policy"), c.last().header("message"));
        assertTrue(c.closed);
    }
}
