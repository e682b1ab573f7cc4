package org.wslab.stomp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.StompVersion;
import org.wslab.testkit.Props;

/**
 * A model-based property of {@link StompClientSession}: generated sequences of client calls, server
 * frames, server beats and ticks, run against a small reference model of what must happen.
 */
class StompClientSessionModelTest {
    private static final long MS = 1_000_000;
    // client offers 1000,1000; server answers 2000,500: we send every 1 s, expect every 2 s, give up after 2 × 2 s
    private static final long SEND_EVERY = 1000 * MS;
    private static final long GIVE_UP_AFTER = 4000 * MS;

    /** What the model knows; the session must agree with it after every step. */
    private static final class Model {
        final Set<Integer> open = new HashSet<>();
        final List<String> pending = new ArrayList<>();
        long now;
        long lastSent;
        long lastReceived;
        boolean closed;
    }

    @Test
    void receiptsMatchMessagesRouteAndHeartBeatsFallDue() {
        // Rules: STOMP 1.2 "Header receipt" (a RECEIPT answers exactly one frame that asked, once), "MESSAGE"
        // (each is reported for the subscription it names), "SUBSCRIBE id Header" / "UNSUBSCRIBE" (ids open
        // once, closed once), "Heart-beating" (an EOL exactly when nothing was sent for the interval; the
        // server given up exactly when silent past the tolerance; nextDeadlineNanos the earlier of the two).
        Props.qt().forAll(lists().of(integers().between(0, 6).zip(integers().between(0, 15), (op, arg) -> List.of(op, arg)))
                        .ofSizeBetween(1, 40))
                .checkAssert(StompClientSessionModelTest::run);
    }

    private static void run(List<List<Integer>> ops) {
        ClientDriver d = ClientDriver.connecting(java.util.EnumSet.of(StompVersion.V1_2), new HeartBeat(1000, 1000));
        d.feed("CONNECTED\nversion:1.2\nheart-beat:2000,500\n\n\0", 0);
        d.events.clear();
        d.written.clear();
        Model m = new Model();
        for (List<Integer> op : ops) {
            if (m.closed) {
                break;
            }
            step(d, m, op.get(0), op.get(1));
            assertEquals(m.closed ? Long.MAX_VALUE : Math.min(m.lastSent + SEND_EVERY, m.lastReceived + GIVE_UP_AFTER + 1),
                    d.session.nextDeadlineNanos());
        }
    }

    private static void step(ClientDriver d, Model m, int op, int arg) {
        int k = arg % 4;
        switch (op) {
            case 0 -> {
                ClientCall c = d.session.subscribe("s" + k, "/topic/" + k, AckMode.AUTO, true, m.now);
                if (m.open.add(k)) {
                    sent(d, m, c);
                } else {
                    assertEquals(StompRule.DUPLICATE_SUBSCRIPTION, assertInstanceOf(ClientCall.Refused.class, c).violation().rule());
                }
            }
            case 1 -> {
                ClientCall c = d.session.unsubscribe("s" + k, false, m.now);
                if (m.open.remove(k)) {
                    assertTrue(c.sent());
                    m.lastSent = m.now;
                } else {
                    assertEquals(StompRule.UNKNOWN_SUBSCRIPTION, assertInstanceOf(ClientCall.Refused.class, c).violation().rule());
                }
            }
            case 2 -> sent(d, m, d.session.send("/queue/q", "body " + arg, null, true, m.now));
            case 3 -> {
                received(d, m, "MESSAGE\nsubscription:s" + k + "\ndestination:/topic/" + k + "\nmessage-id:" + arg + "\n\nx\0");
                ClientEvent.Message msg = assertInstanceOf(ClientEvent.Message.class, only(d));
                assertEquals("s" + k, msg.subscription());
                assertEquals("s" + k, msg.frame().header("subscription"));
            }
            case 4 -> {
                String id = m.pending.isEmpty() ? "never-asked-" + arg : m.pending.get(arg % m.pending.size());
                received(d, m, "RECEIPT\nreceipt-id:" + id + "\n\n\0");
                if (m.pending.remove(id)) {
                    assertEquals(id, assertInstanceOf(ClientEvent.Receipt.class, only(d)).receiptId());
                } else {
                    assertEquals(List.of(), take(d), "a RECEIPT nobody asked for is no event");
                }
            }
            case 5 -> {
                m.now += arg * 250 * MS;
                d.session.tick(m.now);
                d.drain();
                if (m.now - m.lastReceived > GIVE_UP_AFTER) {
                    List<ClientEvent> e = take(d);
                    assertEquals(StompRule.HEART_BEAT_TIMEOUT, assertInstanceOf(ClientEvent.Violation.class, e.get(0)).violation().rule());
                    assertEquals(new ClientEvent.Closed(false), e.get(1));
                    m.closed = true;
                } else if (m.now - m.lastSent >= SEND_EVERY) {
                    assertEquals(1, d.written.size());
                    assertEquals("\n", new String(d.written.remove(0)));
                    m.lastSent = m.now;
                }
                assertEquals(0, d.written.size(), "no beat before it is due");
            }
            default -> {
                received(d, m, "\n");
                assertEquals(List.of(), take(d));
            }
        }
        d.drain(); // what a call wrote is not a beat
        d.written.clear();
    }

    private static void sent(ClientDriver d, Model m, ClientCall c) {
        String id = assertInstanceOf(ClientCall.Sent.class, c).receiptId().orElseThrow();
        assertTrue(!m.pending.contains(id), "receipt ids are never reused");
        m.pending.add(id);
        m.lastSent = m.now;
    }

    private static void received(ClientDriver d, Model m, String frame) {
        d.feed(frame, m.now);
        m.lastReceived = m.now;
    }

    private static List<ClientEvent> take(ClientDriver d) {
        List<ClientEvent> e = List.copyOf(d.events);
        d.events.clear();
        return e;
    }

    private static ClientEvent only(ClientDriver d) {
        List<ClientEvent> e = take(d);
        assertEquals(1, e.size(), e.toString());
        return e.get(0);
    }
}
