package org.wslab.stomp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.broker.InMemoryBroker;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.testkit.Props;

/**
 * Model-based property of server sessions on the in-memory broker: generated sequences of SENDs
 * (some with receipts), ACKs, NACKs, ticks and consumer disconnects are checked step by step
 * against a small reference model of what must have been delivered, acknowledged, redelivered and
 * receipted (STOMP 1.2 "SEND", "SUBSCRIBE ack Header", "ACK", "NACK", "Header receipt";
 * prefetch and queue semantics are wslab policy).
 */
class ServerModelPropertiesTest {
    private static final String[] MODES = {"auto", "client", "client-individual"};

    /** The reference: bodies sent, bodies settled, and what the current consumer holds unacknowledged. */
    private static final class Model {
        final List<String> sent = new ArrayList<>();
        final Set<String> settled = new HashSet<>();
        final Map<String, String> unacked = new LinkedHashMap<>(); // ack id -> body, delivery order
        final Set<String> returned = new HashSet<>(); // NACKed or left unacknowledged: must come back redelivered
        final List<String> receiptsAsked = new ArrayList<>();
        int seen;
    }

    @Test
    void sessionsAndBrokerAgreeWithTheModel() {
        // Rules: a queue message is settled exactly once; in flight per client-ack subscription at most
        // prefetch-count; a NACKed or unacknowledged-at-disconnect message comes back marked redelivered;
        // every receipt asked for arrives, in frame order; nothing is lost (sent = settled + in flight + queued).
        Props.qt().forAll(lists().of(integers().between(0, 5)).ofSizeBetween(0, 40), integers().between(0, 2),
                integers().between(1, 4)).checkAssert((ops, modeIndex, prefetch) -> {
                    String mode = MODES[modeIndex];
                    InMemoryBroker broker = new InMemoryBroker();
                    ServerHarness h = new ServerHarness(broker, StompServerConfig.DEFAULT.withHeartBeat(HeartBeat.NONE));
                    ServerHarness.Client pub = h.open(0).connect("1.2");
                    Model m = new Model();
                    ServerHarness.Client[] sub = {consumer(h, mode, prefetch)};
                    long now = 0;
                    for (int op : ops) {
                        switch (op) {
                            case 0, 1 -> {
                                String body = "b" + m.sent.size();
                                String receipt = op == 1 ? "\nreceipt:r" + m.sent.size() : "";
                                if (op == 1) {
                                    m.receiptsAsked.add("r" + m.sent.size());
                                }
                                m.sent.add(body);
                                pub.send("SEND\ndestination:/queue/q" + receipt + "\n\n" + body + "\0", now);
                            }
                            case 2, 3 -> settleFirst(sub[0], m, mode, op == 3, now);
                            case 4 -> now += 1_000_000_000L;
                            default -> { // the consumer goes away; what it held returns to the queue
                                m.returned.addAll(m.unacked.values());
                                m.unacked.clear();
                                sub[0].transportClosed(now);
                                sub[0] = consumer(h, mode, prefetch);
                                m.seen = 0;
                            }
                        }
                        pub.tick(now);
                        sub[0].tick(now);
                        observe(sub[0], m, mode);
                        assertFalse(sub[0].closed || pub.closed, "no ERROR: " + sub[0].received + pub.received);
                        if (!mode.equals("auto")) {
                            assertTrue(m.unacked.size() <= prefetch, "in flight " + m.unacked.size() + " > " + prefetch);
                        }
                        assertEquals(m.sent.size(), m.settled.size() + m.unacked.size() + broker.backlog("/queue/q"),
                                "sent = settled + in flight + queued");
                    }
                    // drain: the consumer acknowledges everything; then every message is settled
                    for (int i = 0; i < 10 * m.sent.size() + 1 && !m.unacked.isEmpty(); i++) {
                        settleFirst(sub[0], m, "client-individual".equals(mode) ? mode : "client", false, now);
                        observe(sub[0], m, mode);
                    }
                    assertEquals(new HashSet<>(m.sent), m.settled, "every message settled");
                    assertEquals(0, broker.backlog("/queue/q"));
                    List<String> receipts = pub.received.stream().filter(f -> f.command() == StompCommand.RECEIPT)
                            .map(f -> f.header("receipt-id")).toList();
                    assertEquals(m.receiptsAsked, receipts, "every receipt, in frame order");
                });
    }

    private static ServerHarness.Client consumer(ServerHarness h, String mode, int prefetch) {
        return h.open(0).connect("1.2")
                .send("SUBSCRIBE\nid:0\ndestination:/queue/q\nack:" + mode + "\nprefetch-count:" + prefetch + "\n\n\0");
    }

    /** Takes the consumer's new MESSAGEs into the model. */
    private static void observe(ServerHarness.Client c, Model m, String mode) {
        List<StompFrame> messages = c.messages();
        for (; m.seen < messages.size(); m.seen++) {
            StompFrame f = messages.get(m.seen);
            String body = f.bodyText();
            assertFalse(m.settled.contains(body), body + " delivered again after it was settled");
            if (m.returned.remove(body)) {
                assertEquals("true", f.header("redelivered"), body + " came back without redelivered:true");
            }
            if (mode.equals("auto")) {
                m.settled.add(body);
            } else {
                m.unacked.put(f.header("ack"), body);
            }
        }
    }

    /** ACKs or NACKs the oldest unacknowledged message (cumulatively in client mode). */
    private static void settleFirst(ServerHarness.Client c, Model m, String mode, boolean nack, long now) {
        if (mode.equals("auto") || m.unacked.isEmpty()) {
            return;
        }
        String id = m.unacked.keySet().iterator().next();
        String body = m.unacked.remove(id); // the oldest: cumulative and individual settle the same one
        if (nack) {
            m.returned.add(body);
        } else {
            m.settled.add(body);
        }
        c.send((nack ? "NACK" : "ACK") + "\nid:" + id + "\n\n\0", now);
    }
}
