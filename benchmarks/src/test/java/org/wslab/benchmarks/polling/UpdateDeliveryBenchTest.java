package org.wslab.benchmarks.polling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wslab.benchmarks.Agreement;

/** {@link UpdateDeliveryBench}: every way delivers the update whole, and the wire-bytes facts are counted, not guessed. */
class UpdateDeliveryBenchTest {

    private static UpdateDeliveryBench bench() {
        UpdateDeliveryBench b = new UpdateDeliveryBench();
        b.size = 64;
        return b;
    }

    @Test
    void everyWayDeliversTheUpdateUnchanged() throws Exception {
        UpdateDeliveryBench b = bench();
        UpdateDeliveryBench.WebSocket ws = new UpdateDeliveryBench.WebSocket();
        UpdateDeliveryBench.Polling polling = new UpdateDeliveryBench.Polling();
        UpdateDeliveryBench.LongPolling longPolling = new UpdateDeliveryBench.LongPolling();
        UpdateDeliveryBench.Sse sse = new UpdateDeliveryBench.Sse();
        try {
            ws.setUp(b);
            polling.setUp(b);
            longPolling.setUp(b);
            sse.setUp(b);
            String expected = "u".repeat(64);
            for (int i = 0; i < 3; i++) {
                assertEquals(expected, b.websocket(ws));
                assertEquals(expected, b.polling(polling));
                assertEquals(expected, b.longPolling(longPolling));
                assertEquals(expected, b.sse(sse));
            }
        } finally {
            ws.tearDown();
            polling.tearDown();
            longPolling.tearDown();
            sse.tearDown();
        }
    }

    @Test
    void theFactsAreTheOctetsCountedOnTheWire() {
        Map<String, Double> facts = UpdateDeliveryBench.facts(Map.of("size", "64"));
        assertEquals(java.util.Set.of("websocket", "polling", "longPolling", "sse"), facts.keySet());
        // a pushed frame is the update plus a 2-octet head: "N " and 64 octets, N of 2 digits here
        assertEquals(2 + 3 + 64, facts.get("websocket"), 1.0);
        assertTrue(facts.get("sse") > facts.get("websocket"), facts.toString());
        assertTrue(facts.get("longPolling") > facts.get("sse") + 100, "a request and a response head per update: " + facts);
        assertTrue(facts.get("polling") > facts.get("sse") + 100, facts.toString());
    }

    @Test
    void anotherTextIsADisagreement() throws Exception {
        try (UpdateRig rig = UpdateRig.open(UpdateRig.Way.SSE, 64, false, 0)) {
            String got = rig.deliver();
            assertThrows(Agreement.Disagreement.class, () -> Agreement.same("SSE", "v".repeat(64), got));
        }
    }
}
