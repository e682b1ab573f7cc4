package org.wslab.stomp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.broker.MailboxLimits;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;

/**
 * Producer flow control, the slow-consumer cut-off and prefetch (wslab policy; STOMP 1.2 leaves
 * flow control to the server). Time is driven as {@code nowNanos} values; nothing here waits.
 */
class FlowControlTest {
    private static final long MS = 1_000_000;
    /** 4 KiB soft, 2 KiB low water, 64 KiB hard, 1 s over the soft limit. */
    private static final MailboxLimits SMALL = new MailboxLimits(4096, 2048, 65_536, 1_000 * MS);
    private static final String BODY = "x".repeat(1000);

    private final ServerHarness h = new ServerHarness(StompServerConfig.DEFAULT.withMailbox(SMALL)
            .withHeartBeat(HeartBeat.NONE));

    private static String send(String destination) {
        return "SEND\ndestination:" + destination + "\n\n" + BODY + "\0";
    }

    private static boolean isError(StompFrame f, StompRule rule) {
        return f.command() == StompCommand.ERROR && f.bodyText().contains("[" + rule + "]");
    }

    @Test
    void aPublisherPausesWhileASubscriberIsOverItsLimitAndResumesWhenItDrains() {
        // Rule (flow control): a SEND that puts a subscriber's mailbox over its soft limit pauses the
        // publisher; the subscriber draining below its low-water mark resumes it; nothing is dropped.
        ServerHarness.Client sub = h.open(0).connect("1.2").send("SUBSCRIBE\nid:0\ndestination:/topic/t\n\n\0");
        ServerHarness.Client pub = h.open(0).connect("1.2");
        sub.stalled = true;
        int sent = 0;
        while (!pub.session.readPaused() && sent < 100) {
            pub.send(send("/topic/t"));
            sent++;
        }
        assertTrue(pub.session.readPaused(), "the publisher was paused");
        assertTrue(sent <= 6, "paused as soon as the subscriber passed 4 KiB: " + sent);
        sub.stalled = false;
        h.pumpAll(1);
        assertFalse(pub.session.readPaused(), "resumed once the subscriber drained");
        assertEquals(sent, sub.messages().size(), "the burst slowed down; nothing was dropped");
        assertFalse(sub.closed);
    }

    @Test
    void aSubscriberOverItsSoftLimitForLongerThanTheTimeLimitIsCutOff() {
        // Rule SLOW_CONSUMER: over the soft limit for longer than slowConsumerNanos ends the session
        // with an ERROR; its publisher resumes; a queue message it never acknowledged goes to another consumer.
        ServerHarness.Client slow = h.open(0).connect("1.2")
                .send("SUBSCRIBE\nid:0\ndestination:/topic/t\n\n\0")
                .send("SUBSCRIBE\nid:1\ndestination:/queue/q\nack:client-individual\n\n\0");
        ServerHarness.Client pub = h.open(0).connect("1.2");
        pub.send(send("/queue/q"), 0);
        assertEquals(1, slow.messages().size());
        slow.stalled = true;
        for (int i = 0; i < 6; i++) {
            pub.send(send("/topic/t"), 0);
        }
        assertTrue(pub.session.readPaused());
        slow.tick(999 * MS);
        assertFalse(slow.closed, "within the time limit");
        assertTrue(slow.session.nextDeadlineNanos() <= 1_000 * MS + 1, "the session asks to be ticked at the limit");
        slow.tick(1_001 * MS);
        assertTrue(slow.closed, "cut off after the time limit");
        assertTrue(isError(slow.last(), StompRule.SLOW_CONSUMER), slow.last().toString());
        assertTrue(slow.last().header("message").contains("wslab policy"));
        assertFalse(pub.session.readPaused(), "the publisher resumes");
        ServerHarness.Client other = h.open(0).connect("1.2").send("SUBSCRIBE\nid:0\ndestination:/queue/q\n\n\0");
        assertEquals(1, other.messages().size(), "the unacknowledged queue message is redelivered");
        assertEquals("true", other.messages().get(0).header("redelivered"));
    }

    @Test
    void aSubscriberThatStallsBetweenItsMarksWhileHoldingAPublisherIsCutOffToo() {
        // Rule SLOW_CONSUMER: a mailbox that went over its soft limit holds its publisher back until it
        // drains below the low-water mark; stalling in between (found on our engine: the subscriber's
        // socket filled after it had drained a little) must still run the clock, or the publisher waits forever.
        ServerHarness.Client slow = h.open(0).connect("1.2").send("SUBSCRIBE\nid:0\ndestination:/topic/t\n\n\0");
        ServerHarness.Client pub = h.open(0).connect("1.2");
        slow.stalled = true;
        for (int i = 0; i < 5 && !pub.session.readPaused(); i++) {
            pub.send(send("/topic/t"), 0);
        }
        assertTrue(pub.session.readPaused(), "over the soft limit: the publisher is paused");
        slow.session.pump(0, 1); // its transport takes one message, then its socket fills
        slow.collect();
        assertTrue(slow.session.mailboxBytes() <= SMALL.softLimitBytes(), "back under the soft limit");
        assertTrue(slow.session.mailboxBytes() >= SMALL.lowWaterBytes(), "but not under the low-water mark");
        assertTrue(pub.session.readPaused(), "so the publisher is still held back");
        slow.tick(500 * MS);
        assertFalse(slow.closed, "within the time limit");
        slow.tick(1_002 * MS);
        assertTrue(slow.closed, "cut off after the time limit");
        assertTrue(isError(slow.last(), StompRule.SLOW_CONSUMER), slow.last().toString());
        assertFalse(pub.session.readPaused(), "the publisher resumes");
    }

    @Test
    void aMessageThatWouldPassTheHardLimitCutsTheSubscriberOffAtOnce() {
        // Rule SLOW_CONSUMER (hard cap): the mailbox never holds more than hardLimitBytes.
        ServerHarness.Client slow = h.open(0).connect("1.2").send("SUBSCRIBE\nid:0\ndestination:/topic/t\n\n\0");
        slow.stalled = true;
        ServerHarness.Client[] pubs = new ServerHarness.Client[100];
        for (int p = 0; p < pubs.length && !slow.closed; p++) { // fresh publishers ignore being paused
            pubs[p] = h.open(0).connect("1.2").send(send("/topic/t"));
            assertTrue(slow.session.mailboxBytes() <= SMALL.hardLimitBytes(), "never over the hard limit");
        }
        assertTrue(slow.closed);
        assertTrue(isError(slow.last(), StompRule.SLOW_CONSUMER), slow.last().toString());
    }

    @Test
    void aReaderThatKeepsUpIsNeverCutOff() {
        // Rule: a burst to a subscriber whose transport takes everything never trips SLOW_CONSUMER.
        ServerHarness.Client sub = h.open(0).connect("1.2").send("SUBSCRIBE\nid:0\ndestination:/topic/t\n\n\0");
        ServerHarness.Client pub = h.open(0).connect("1.2");
        for (int i = 0; i < 500; i++) {
            pub.send(send("/topic/t"), i * 10 * MS);
            sub.tick(i * 10 * MS);
        }
        assertEquals(500, sub.messages().size());
        assertFalse(sub.closed);
    }

    @Test
    void prefetchBoundsUnacknowledgedMessagesInFlight() {
        // Rule (prefetch-count): at most N unacknowledged messages per client-ack subscription; the rest
        // waits in the broker and follows as acknowledgements come.
        ServerHarness.Client sub = h.open(0).connect("1.2")
                .send("SUBSCRIBE\nid:0\ndestination:/topic/t\nack:client-individual\nprefetch-count:3\n\n\0");
        ServerHarness.Client pub = h.open(0).connect("1.2");
        for (int i = 0; i < 5; i++) {
            pub.send("SEND\ndestination:/topic/t\n\n" + i + "\0");
        }
        assertEquals(3, sub.messages().size(), "three in flight");
        sub.send("ACK\nid:" + sub.messages().get(0).header("ack") + "\n\n\0");
        assertEquals(4, sub.messages().size());
        sub.send("ACK\nid:" + sub.messages().get(1).header("ack") + "\n\n\0");
        assertEquals(5, sub.messages().size());
        assertEquals("4", sub.messages().get(4).bodyText(), "in publish order");
    }

    @Test
    void aQueueGivesAConsumerWithoutPrefetchRoomNothingMore() {
        // Rule (prefetch-count on a queue): a consumer at its window is skipped; the backlog waits.
        ServerHarness.Client a = h.open(0).connect("1.2")
                .send("SUBSCRIBE\nid:0\ndestination:/queue/q\nack:client\nprefetch-count:1\n\n\0");
        ServerHarness.Client pub = h.open(0).connect("1.2");
        for (int i = 0; i < 3; i++) {
            pub.send("SEND\ndestination:/queue/q\n\n" + i + "\0");
        }
        assertEquals(1, a.messages().size());
        a.send("ACK\nid:" + a.messages().get(0).header("ack") + "\n\n\0");
        assertEquals(2, a.messages().size());
    }

    @Test
    void aMalformedPrefetchCountIsRefused() {
        // Rule INVALID_PREFETCH: prefetch-count is a whole number from 1 to 65536.
        for (String bad : new String[] {"0", "-1", "x", "", "65537", "9999999999"}) {
            ServerHarness.Client c = new ServerHarness(StompServerConfig.DEFAULT).open(0).connect("1.2")
                    .send("SUBSCRIBE\nid:0\ndestination:/queue/q\nack:client\nprefetch-count:" + bad + "\n\n\0");
            assertTrue(isError(c.last(), StompRule.INVALID_PREFETCH), bad + ": " + c.last());
        }
    }
}
