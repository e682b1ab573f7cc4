package org.wslab.stomp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;

/**
 * {@link SessionLimits}: what one session may accumulate on the server, each limit reached exactly
 * (served) and then crossed by one (an ERROR naming the rule and its section, then close).
 */
class SessionLimitsTest {
    /** 2 subscriptions, 2 open transactions, 2 frames and 10 body octets per transaction. */
    private final ServerHarness h = new ServerHarness(StompServerConfig.DEFAULT.withSessionLimits(new SessionLimits(2, 2, 2, 10)));

    /** Session limits are wslab policy: no STOMP section states them, so the ERROR cites none. */
    private static void assertRefused(ServerHarness.Client c, StompRule rule) {
        StompFrame error = c.last();
        assertEquals(StompCommand.ERROR, error.command());
        assertTrue(error.header("message").endsWith("(wslab policy)"), error.header("message"));
        assertTrue(error.bodyText().contains(rule.name()), error.bodyText());
        assertTrue(c.closed, "closed after ERROR");
    }

    @Test
    void subscriptionsUpToTheLimitThenOneMoreIsAnError() {
        ServerHarness.Client c = h.open(0).connect("1.2")
                .send("SUBSCRIBE\nid:a\ndestination:/topic/x\n\n\0")
                .send("SUBSCRIBE\nid:b\ndestination:/topic/x\nreceipt:r\n\n\0");
        assertEquals(StompCommand.RECEIPT, c.last().command());
        // an UNSUBSCRIBE frees a place
        c.send("UNSUBSCRIBE\nid:a\n\n\0").send("SUBSCRIBE\nid:c\ndestination:/topic/x\nreceipt:r2\n\n\0");
        assertEquals(StompCommand.RECEIPT, c.last().command());
        assertFalse(c.closed);
        c.send("SUBSCRIBE\nid:d\ndestination:/topic/x\n\n\0");
        assertRefused(c, StompRule.TOO_MANY_SUBSCRIPTIONS);
    }

    @Test
    void openTransactionsUpToTheLimitThenOneMoreIsAnError() {
        ServerHarness.Client c = h.open(0).connect("1.2")
                .send("BEGIN\ntransaction:t1\n\n\0")
                .send("BEGIN\ntransaction:t2\nreceipt:r\n\n\0");
        assertEquals(StompCommand.RECEIPT, c.last().command());
        c.send("BEGIN\ntransaction:t3\n\n\0");
        assertRefused(c, StompRule.TOO_MANY_TRANSACTIONS);
    }

    @Test
    void aTransactionHoldsAtMostItsFrameLimit() {
        ServerHarness.Client c = h.open(0).connect("1.2").send("BEGIN\ntransaction:t\n\n\0")
                .send("SEND\ndestination:/topic/x\ntransaction:t\n\na\0")
                .send("SEND\ndestination:/topic/x\ntransaction:t\nreceipt:r\n\nb\0");
        assertEquals(StompCommand.RECEIPT, c.last().command());
        c.send("SEND\ndestination:/topic/x\ntransaction:t\n\nc\0");
        assertRefused(c, StompRule.TRANSACTION_TOO_LARGE);
    }

    @Test
    void aTransactionHoldsAtMostItsBodyOctets() {
        // 10 octets exactly are held; one more octet crosses the limit
        ServerHarness.Client c = h.open(0).connect("1.2").send("BEGIN\ntransaction:t\n\n\0")
                .send("SEND\ndestination:/topic/x\ntransaction:t\nreceipt:r\n\n0123456789\0");
        assertEquals(StompCommand.RECEIPT, c.last().command());
        ServerHarness.Client d = h.open(0).connect("1.2").send("BEGIN\ntransaction:t\n\n\0")
                .send("SEND\ndestination:/topic/x\ntransaction:t\n\n0123456789A\0");
        assertRefused(d, StompRule.TRANSACTION_TOO_LARGE);
    }

    @Test
    void aCommitFreesItsPlace() {
        ServerHarness.Client c = h.open(0).connect("1.2");
        for (int i = 0; i < 5; i++) {
            c.send("BEGIN\ntransaction:t" + i + "\n\n\0").send("SEND\ndestination:/topic/x\ntransaction:t" + i + "\n\nx\0")
                    .send("COMMIT\ntransaction:t" + i + "\nreceipt:r" + i + "\n\n\0");
            assertEquals(StompCommand.RECEIPT, c.last().command(), "round " + i);
        }
        assertFalse(c.closed);
    }
}
