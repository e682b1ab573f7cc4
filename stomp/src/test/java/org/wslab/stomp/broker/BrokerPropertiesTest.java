package org.wslab.stomp.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.session.StompServerConfig;
import org.wslab.testkit.Props;

/** Invariants of the in-memory broker (the lab broker's delivery guarantees: /topic fan-out, /queue round robin, redelivery). */
class BrokerPropertiesTest {

    /** A connection recording what its mailbox was given (the broker runs inline: nobody else calls it). */
    static final class Recorder {
        final Mailbox mailbox = new Mailbox(MailboxLimits.DEFAULT, () -> { });
        final List<Delivery> got = new ArrayList<>();
        final List<MailboxItem> control = new ArrayList<>();
        final Set<String> settled = new HashSet<>();
        BrokerConnection conn;
        long seq;

        List<Delivery> got() {
            for (MailboxItem i; (i = mailbox.poll()) != null; ) {
                if (i instanceof MailboxItem.Deliver d) {
                    got.add(d.delivery());
                } else {
                    control.add(i);
                }
            }
            return got;
        }

        List<String> bodies() {
            return got().stream().map(d -> new String(d.body(), StandardCharsets.UTF_8)).toList();
        }

        void subscribe(String id, String destination, AckMode mode) {
            conn.subscribe(++seq, id, destination, mode, StompServerConfig.DEFAULT_PREFETCH);
        }

        void send(String destination, byte[] body) {
            conn.send(++seq, destination, List.of(), body);
        }

        /** ACK or NACK {@code d}; remembers what it settles (cumulatively for client mode). */
        void settle(Delivery d, boolean nack) {
            if (d.ackMode() == AckMode.CLIENT) {
                for (Delivery e : got()) {
                    settled.add(e.messageId());
                    if (e == d) {
                        break;
                    }
                }
            } else {
                settled.add(d.messageId());
            }
            if (nack) {
                conn.nack(++seq, d.messageId());
            } else {
                conn.ack(++seq, d.messageId());
            }
        }
    }

    private static Recorder connect(InMemoryBroker broker, String id) {
        Recorder r = new Recorder();
        r.conn = broker.connect(id, r.mailbox);
        return r;
    }

    private static byte[] body(int i) {
        return Integer.toString(i).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyTopicSubscriberGetsEveryMessageOnceInPublishOrder() {
        // Rule: /topic/ fan-out — each subscription receives each message exactly once, in publish order.
        Props.qt().forAll(integers().between(1, 5), integers().between(0, 30), integers().between(1, 3))
                .checkAssert((subscribers, messages, publishers) -> {
                    InMemoryBroker broker = new InMemoryBroker();
                    List<Recorder> subs = new ArrayList<>();
                    for (int i = 0; i < subscribers; i++) {
                        Recorder r = connect(broker, "c" + i);
                        r.subscribe("s", "/topic/t", AckMode.AUTO);
                        subs.add(r);
                    }
                    List<Recorder> pubs = IntStream.range(0, publishers).mapToObj(i -> connect(broker, "p" + i)).toList();
                    List<String> expected = new ArrayList<>();
                    for (int m = 0; m < messages; m++) {
                        pubs.get(m % publishers).send("/topic/t", body(m));
                        expected.add(Integer.toString(m));
                    }
                    for (Recorder r : subs) {
                        assertEquals(expected, r.bodies());
                    }
                });
    }

    @Test
    void everyQueueMessageGoesToExactlyOneConsumer() {
        // Rule: /queue/ — each message is delivered to one consumer (round robin), none lost, none twice,
        // whether consumers subscribe before or after the messages arrive.
        Props.qt().forAll(integers().between(1, 5), integers().between(0, 40), integers().between(0, 40))
                .checkAssert((consumers, messages, subscribeAfter) -> {
                    InMemoryBroker broker = new InMemoryBroker();
                    Recorder pub = connect(broker, "p");
                    List<Recorder> cs = new ArrayList<>();
                    for (int m = 0; m < messages; m++) {
                        if (m == Math.min(subscribeAfter, messages)) {
                            subscribeAll(broker, consumers, cs);
                        }
                        pub.send("/queue/q", body(m));
                    }
                    if (cs.isEmpty()) {
                        subscribeAll(broker, consumers, cs);
                    }
                    List<String> all = cs.stream().flatMap(r -> r.bodies().stream()).sorted().toList();
                    List<String> expected = IntStream.range(0, messages).mapToObj(Integer::toString).sorted().toList();
                    assertEquals(expected, all);
                    if (subscribeAfter == 0) { // all consumers present from the start: round robin spreads evenly
                        for (Recorder r : cs) {
                            assertTrue(r.got().size() <= (messages + consumers - 1) / consumers, "round robin spreads the load");
                        }
                    }
                });
    }

    private static void subscribeAll(InMemoryBroker broker, int consumers, List<Recorder> cs) {
        for (int i = 0; i < consumers; i++) {
            Recorder r = connect(broker, "c" + i);
            r.subscribe("s", "/queue/q", AckMode.AUTO);
            cs.add(r);
        }
    }

    @Test
    void nackedMessagesComeBack() {
        // Rule: a NACKed message is delivered again until ACKed — nothing is lost, whichever are refused.
        Props.qt().forAll(integers().between(1, 20), lists().of(integers().between(0, 19)).ofSizeBetween(0, 10),
                integers().between(0, 2)).checkAssert((messages, toNack, modeIndex) -> {
            AckMode mode = modeIndex == 0 ? AckMode.CLIENT_INDIVIDUAL : AckMode.CLIENT;
            String dest = modeIndex == 2 ? "/topic/t" : "/queue/q";
            InMemoryBroker broker = new InMemoryBroker();
            Recorder c = connect(broker, "c");
            c.subscribe("s", dest, mode);
            Recorder pub = connect(broker, "p");
            for (int m = 0; m < messages; m++) {
                pub.send(dest, body(m));
            }
            Set<String> nackOnce = new HashSet<>();
            toNack.forEach(i -> nackOnce.add(Integer.toString(i)));
            Set<String> acked = new HashSet<>();
            for (int i = 0; i < c.got().size() && i < 1000; i++) {
                Delivery d = c.got().get(i);
                String b = new String(d.body(), StandardCharsets.UTF_8);
                if (c.settled.contains(d.messageId())) {
                    continue; // settled by a cumulative ACK/NACK already
                }
                c.settle(d, nackOnce.remove(b));
                acked.add(b);
            }
            Set<String> everyBody = new HashSet<>(c.bodies());
            assertEquals(IntStream.range(0, messages).mapToObj(Integer::toString).collect(java.util.stream.Collectors.toSet()), everyBody);
            assertEquals(c.got().size() - messages, c.got().stream().filter(Delivery::redelivered).count(), "only NACKed ones return");
            assertTrue(c.got().stream().allMatch(d -> c.settled.contains(d.messageId())), "all settled");
            assertEquals(List.of(), c.control, "no ACK or NACK was refused");
        });
    }

    @Test
    void nothingLostOnDisconnectWithPendingClientAcks() {
        // Rule: messages a client-ack consumer never acknowledged go back to the queue when it
        // disconnects, and another consumer receives them.
        Props.qt().forAll(integers().between(1, 30), integers().between(0, 30), integers().between(0, 1))
                .checkAssert((messages, ackedBeforeLeaving, modeIndex) -> {
                    AckMode mode = modeIndex == 0 ? AckMode.CLIENT : AckMode.CLIENT_INDIVIDUAL;
                    InMemoryBroker broker = new InMemoryBroker();
                    Recorder leaver = connect(broker, "a");
                    leaver.subscribe("s", "/queue/q", mode);
                    Recorder pub = connect(broker, "p");
                    for (int m = 0; m < messages; m++) {
                        pub.send("/queue/q", body(m));
                    }
                    int acks = Math.min(ackedBeforeLeaving, leaver.got().size());
                    if (acks > 0) {
                        leaver.settle(leaver.got().get(acks - 1), false);
                    }
                    Set<String> settled = new HashSet<>();
                    if (mode == AckMode.CLIENT) {
                        leaver.bodies().subList(0, acks).forEach(settled::add);
                    } else if (acks > 0) {
                        settled.add(leaver.bodies().get(acks - 1));
                    }
                    leaver.conn.close();
                    Recorder stayer = connect(broker, "b");
                    stayer.subscribe("s", "/queue/q", AckMode.AUTO);
                    Set<String> union = new HashSet<>(settled);
                    union.addAll(stayer.bodies());
                    assertEquals(messages, union.size());
                    assertEquals(messages - settled.size(), stayer.got().size(), "each unacked message exactly once");
                });
    }
}
