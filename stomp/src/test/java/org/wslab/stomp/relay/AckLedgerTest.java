package org.wslab.stomp.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.testkit.Props;

/** The relay's map from our MESSAGE ids to upstream MESSAGEs across reconnects (STOMP 1.2 "ACK"). */
class AckLedgerTest {

    private static StompFrame upstream(String ack) {
        return StompFrame.of(StompCommand.MESSAGE, "ack", ack);
    }

    @Test
    void clientModeAckIsCumulativeWithinItsSubscription() {
        AckLedger l = new AckLedger();
        l.subscribed("a", AckMode.CLIENT);
        l.subscribed("b", AckMode.CLIENT);
        l.delivered("a", "1", upstream("u1"), 1);
        l.delivered("b", "2", upstream("u2"), 1);
        l.delivered("a", "3", upstream("u3"), 1);
        assertEquals("u3", l.settle("3").upstreamMessage().header("ack"));
        assertFalse(l.isPending("1"));
        assertTrue(l.isPending("2"), "another subscription is untouched");
        assertNull(l.settle("1"), "already covered");
    }

    @Test
    void autoModeDeliveriesAreNeverPending() {
        AckLedger l = new AckLedger();
        l.subscribed("a", AckMode.AUTO);
        l.delivered("a", "1", upstream("u1"), 1);
        assertFalse(l.isPending("1"));
        assertEquals(0, l.pendingCount());
    }

    @Test
    void everySettledDeliveryNamesTheConnectionThatDeliveredIt() {
        // Rule: the relay forwards an ACK/NACK only to the connection that delivered the MESSAGE, so a
        // settle must return the delivering generation (a stale one is dropped, never sent to a new
        // connection), each id settles at most once, and client-individual settles exactly one id.
        Props.qt().forAll(lists().of(integers().between(0, 3)).ofSizeBetween(1, 40), lists().of(integers().between(0, 39)).ofSizeBetween(0, 40))
                .checkAssert((generationSteps, acks) -> {
                    AckLedger l = new AckLedger();
                    l.subscribed("s", AckMode.CLIENT_INDIVIDUAL);
                    Map<String, Long> deliveredOn = new HashMap<>();
                    long gen = 1;
                    List<String> ids = new ArrayList<>();
                    for (int step : generationSteps) {
                        gen += step == 0 ? 1 : 0; // a reconnect now and then
                        String id = "m" + ids.size();
                        l.delivered("s", id, upstream("u-" + id), gen);
                        deliveredOn.put(id, gen);
                        ids.add(id);
                    }
                    int pending = ids.size();
                    for (int a : acks) {
                        String id = "m" + a;
                        boolean was = l.isPending(id);
                        AckLedger.Pending p = l.settle(id);
                        if (was) {
                            assertEquals(deliveredOn.get(id), p.generation());
                            assertEquals("u-" + id, p.upstreamMessage().header("ack"));
                            pending--;
                        } else {
                            assertNull(p);
                        }
                        assertFalse(l.isPending(id));
                        assertEquals(pending, l.pendingCount());
                    }
                });
    }
}
