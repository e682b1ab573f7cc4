package org.wslab.stomp.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.broker.InMemoryBroker;
import org.wslab.stomp.broker.Mailbox;
import org.wslab.stomp.broker.MailboxLimits;
import org.wslab.stomp.broker.StompBroker;
import org.wslab.stomp.session.HeartBeat;
import org.wslab.stomp.session.StompServerConfig;

/**
 * Bursts, fan-out and a stalled subscriber on the Jetty endpoint (wslab policy: bounded sends with
 * callbacks, producer flow control, SLOW_CONSUMER). Counts messages; the only clock is the
 * slow-consumer limit itself, and each wait is a failure guard, not a measurement.
 */
class StompJettyFlowControlTest {
    private static final String BODY = "m".repeat(4096);
    private final List<Mailbox> mailboxes = new CopyOnWriteArrayList<>();
    private final List<CountingPeer> peers = new ArrayList<>();
    private EmbeddedStompServer server;
    private WebSocketClient jetty;

    private void start(StompServerConfig session) throws Exception {
        InMemoryBroker memory = new InMemoryBroker();
        StompBroker recording = (id, mailbox) -> {
            mailboxes.add(mailbox);
            return memory.connect(id, mailbox);
        };
        server = EmbeddedStompServer.start("/ws", scheduler -> new StompEndpointConfig(recording, session, scheduler,
                StompWireTap.NONE));
        jetty = new WebSocketClient();
        jetty.start();
    }

    private CountingPeer peer(String subscribeTo) throws Exception {
        CountingPeer p = CountingPeer.connect(jetty, server.uri(), subscribeTo);
        peers.add(p);
        return p;
    }

    @AfterEach
    void stop() throws Exception {
        peers.forEach(CountingPeer::close);
        if (jetty != null) {
            jetty.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    private static void publish(CountingPeer pub, String destination, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            pub.sendAndWait("SEND\ndestination:" + destination + "\n\n" + i + ":" + BODY + "\0");
        }
    }

    private static void awaitCount(CountingPeer p, int count) throws InterruptedException {
        for (int i = 0; i < 6000 && p.messages.get() < count && !p.error.isDone(); i++) {
            Thread.sleep(10); // a guard against a hang, not a timing assertion
        }
    }

    @Test
    void aBurstOf4000MessagesReachesASingleReadingSubscriberWhole() throws Exception {
        // Rule: sends are bounded by in-flight limits with callbacks, never dropped (Jetty's outgoing queue
        // would otherwise overflow and lose messages silently).
        start(StompServerConfig.DEFAULT.withHeartBeat(HeartBeat.NONE));
        CountingPeer sub = peer("/topic/burst");
        CountingPeer pub = peer(null);
        publish(pub, "/topic/burst", 4000);
        awaitCount(sub, 4000);
        assertEquals(4000, sub.messages.get());
        assertTrue(sub.lastBody().startsWith("3999:"), sub.lastBody());
        assertTrue(!sub.error.isDone(), "no ERROR, no close");
    }

    @Test
    void aStalledSubscriberIsCutOffWhileTenOthersReceiveEverything() throws Exception {
        // Rule SLOW_CONSUMER: a subscriber that stops reading is cut off once its mailbox stays over the
        // soft limit past the time limit; the publisher is paused meanwhile (not dropped), then resumes;
        // the ten readers get every message; the stalled one's mailbox never passes its hard limit.
        MailboxLimits limits = new MailboxLimits(256 << 10, 128 << 10, 2 << 20, TimeUnit.MILLISECONDS.toNanos(500));
        start(StompServerConfig.DEFAULT.withHeartBeat(HeartBeat.NONE).withMailbox(limits));
        List<CountingPeer> readers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            readers.add(peer("/topic/fan"));
        }
        CountingPeer stalled = peer("/topic/fan");
        stalled.stall();
        CountingPeer pub = peer(null);
        int count = 4000; // 16 MiB: more than the socket buffers between us and the stalled reader hold
        publish(pub, "/topic/fan", count);
        for (CountingPeer r : readers) {
            awaitCount(r, count);
            assertEquals(count, r.messages.get(), "a reader that keeps up gets everything");
            assertTrue(!r.error.isDone(), "and is never cut off");
        }
        stalled.resume();
        String error = stalled.error.get(30, TimeUnit.SECONDS);
        assertTrue(error.contains("SLOW_CONSUMER"), error);
        assertTrue(stalled.messages.get() < count, "it was cut off before the end: " + stalled.messages.get());
        for (Mailbox m : mailboxes) {
            assertTrue(m.peakBytes() <= limits.hardLimitBytes(), "a mailbox held " + m.peakBytes());
        }
    }

    @Test
    void pingsBetweenFramesNeitherStallNorDoubleTheDemand() throws Exception {
        // Rule (RFC 6455 §5.5.2 with explicit demand): a ping uses a demand that is given back, once.
        start(StompServerConfig.DEFAULT.withHeartBeat(HeartBeat.NONE));
        CountingPeer p = peer(null);
        for (int i = 0; i < 5; i++) {
            p.ping();
        }
        p.sendAndWait("SUBSCRIBE\nid:0\ndestination:/topic/p\nreceipt:after-pings\n\n\0");
        assertTrue(p.receipt.get(10, TimeUnit.SECONDS).contains("receipt-id:after-pings"));
        publish(peer(null), "/topic/p", 3);
        awaitCount(p, 3);
        assertEquals(3, p.messages.get());
        assertTrue(!p.error.isDone());
    }

    @Test
    void fanOutToManySubscribersLosesNothing() throws Exception {
        // Rule: /topic/ fan-out under flow control — every subscriber, every message.
        start(StompServerConfig.DEFAULT.withHeartBeat(HeartBeat.NONE));
        List<CountingPeer> subs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            subs.add(peer("/topic/many"));
        }
        CountingPeer pub = peer(null);
        publish(pub, "/topic/many", 100);
        for (CountingPeer s : subs) {
            awaitCount(s, 100);
            assertEquals(100, s.messages.get());
        }
    }
}
