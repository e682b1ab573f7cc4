package org.wslab.stomp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import org.junit.jupiter.api.Test;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.broker.BrokerLimits;
import org.wslab.stomp.broker.InMemoryBroker;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.testkit.Props;

/** The in-memory broker's memory budget (wslab policy): bytes per queue and in all, and destinations. */
class BrokerLimitsTest {
    private static boolean isError(StompFrame f, StompRule rule) {
        return f.command() == StompCommand.ERROR && f.bodyText().contains("[" + rule + "]");
    }

    private static String send(String destination, int bytes, String receipt) {
        return "SEND\ndestination:" + destination + "\nreceipt:" + receipt + "\n\n" + "x".repeat(bytes) + "\0";
    }

    @Test
    void aQueueHoldsAtMostItsByteBudget() {
        // Rule QUEUE_FULL (per-queue bytes): the SEND that would pass maxQueueBytes is refused, its receipt named.
        InMemoryBroker broker = new InMemoryBroker(BrokerLimits.DEFAULT.withBytes(10_000, 1_000_000));
        ServerHarness.Client c = new ServerHarness(broker, StompServerConfig.DEFAULT).open(0).connect("1.2");
        for (int i = 0; i < 10; i++) {
            c.send(send("/queue/q", 1000, "r" + i));
        }
        assertFalse(c.closed, "exactly at the budget");
        c.send(send("/queue/q", 1, "over"));
        assertTrue(isError(c.last(), StompRule.QUEUE_FULL), c.last().toString());
        assertEquals("over", c.last().header("receipt-id"));
        assertEquals(10_000, broker.retainedBytes());
    }

    @Test
    void theBrokerHoldsAtMostItsTotalBudget() {
        // Rule QUEUE_FULL (total bytes): many queues together stay within maxTotalBytes.
        InMemoryBroker broker = new InMemoryBroker(BrokerLimits.DEFAULT.withBytes(1_000_000, 5_000));
        ServerHarness.Client c = new ServerHarness(broker, StompServerConfig.DEFAULT).open(0).connect("1.2");
        for (int i = 0; i < 5; i++) {
            c.send(send("/queue/q" + i, 1000, "r" + i));
        }
        c.send(send("/queue/another", 1, "over"));
        assertTrue(isError(c.last(), StompRule.QUEUE_FULL), c.last().toString());
    }

    @Test
    void oneDestinationTooManyIsRefused() {
        // Rule TOO_MANY_DESTINATIONS: at most maxDestinations topics and queues exist at once.
        InMemoryBroker broker = new InMemoryBroker(BrokerLimits.DEFAULT.withMaxDestinations(3));
        ServerHarness.Client c = new ServerHarness(broker, StompServerConfig.DEFAULT).open(0).connect("1.2");
        c.send("SUBSCRIBE\nid:0\ndestination:/topic/a\n\n\0").send("SUBSCRIBE\nid:1\ndestination:/topic/b\n\n\0")
                .send(send("/queue/c", 1, "1"));
        assertFalse(c.closed);
        c.send("SUBSCRIBE\nid:2\ndestination:/topic/d\n\n\0");
        assertTrue(isError(c.last(), StompRule.TOO_MANY_DESTINATIONS), c.last().toString());
        assertTrue(c.last().header("message").endsWith("(wslab policy)"));
    }

    @Test
    void retainedBytesNeverPassTheBudget() {
        // Rule: whatever is sent to queues nobody consumes, the broker retains at most maxTotalBytes
        // and at most maxQueueBytes per queue; every refusal is an ERROR naming QUEUE_FULL.
        Props.qt().forAll(lists().of(integers().between(0, 2_000)).ofSizeBetween(1, 40), integers().between(1, 4))
                .checkAssert((sizes, queues) -> {
                    InMemoryBroker broker = new InMemoryBroker(BrokerLimits.DEFAULT.withBytes(6_000, 10_000));
                    ServerHarness h = new ServerHarness(broker, StompServerConfig.DEFAULT);
                    ServerHarness.Client c = h.open(0).connect("1.2");
                    for (int i = 0; i < sizes.size(); i++) {
                        if (c.closed) {
                            assertTrue(isError(c.last(), StompRule.QUEUE_FULL), c.last().toString());
                            c = h.open(0).connect("1.2");
                        }
                        c.send(send("/queue/q" + (i % queues), sizes.get(i), "r"));
                        assertTrue(broker.retainedBytes() <= 10_000, "total " + broker.retainedBytes());
                    }
                });
    }
}
