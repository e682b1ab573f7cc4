package org.wslab.stomp.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.StompRule;
import org.wslab.testkit.Props;

/** The relay's bounded buffer of SENDs not yet confirmed by the upstream broker. */
class OutageBufferTest {

    @Test
    void theItemLimitIsCrossedByOneMoreSend() {
        OutageBuffer<String> b = new OutageBuffer<>(2, 100);
        assertInstanceOf(OutageBuffer.Result.Accepted.class, b.offer("a", 1));
        assertInstanceOf(OutageBuffer.Result.Accepted.class, b.offer("b", 1));
        OutageBuffer.Result<String> third = b.offer("c", 1);
        OutageBuffer.Result.Refused<String> refused = assertInstanceOf(OutageBuffer.Result.Refused.class, third);
        assertEquals(StompRule.RELAY_BUFFER_FULL, refused.violation().rule());
        assertEquals(2, b.size());
    }

    @Test
    void theByteLimitIsCrossedByOneMoreOctet() {
        OutageBuffer<String> b = new OutageBuffer<>(10, 100);
        assertInstanceOf(OutageBuffer.Result.Accepted.class, b.offer("a", 60));
        assertInstanceOf(OutageBuffer.Result.Accepted.class, b.offer("b", 40));
        assertInstanceOf(OutageBuffer.Result.Refused.class, b.offer("c", 1));
        assertTrue(b.remove(0));
        assertInstanceOf(OutageBuffer.Result.Accepted.class, b.offer("c", 60), "room again after a confirmation");
        assertEquals(List.of("b", "c"), b.entries().stream().map(OutageBuffer.Entry::item).toList());
    }

    /** One step: a positive value offers an item of that size, a negative one confirms (removes) an index. */
    @Test
    void neverExceedsItsLimitsAndNeverReorders() {
        // Rule: whatever the interleaving of offers and confirmations, the buffer holds at most maxItems
        // entries and maxBytes octets, a refused offer changes nothing, and what remains is exactly the
        // accepted, unconfirmed items in the order they were offered.
        Props.qt().forAll(integers().between(1, 8), integers().between(1, 64),
                        lists().of(integers().between(-10, 20)).ofSizeBetween(0, 60))
                .checkAssert((maxItems, maxBytes, steps) -> {
                    OutageBuffer<Integer> b = new OutageBuffer<>(maxItems, maxBytes);
                    List<Integer> model = new ArrayList<>();
                    List<Long> modelSeqs = new ArrayList<>();
                    List<Integer> modelSizes = new ArrayList<>();
                    long modelBytes = 0;
                    int n = 0;
                    for (int step : steps) {
                        if (step >= 0) {
                            int item = n++;
                            OutageBuffer.Result<Integer> r = b.offer(item, step);
                            boolean fits = model.size() < maxItems && modelBytes + step <= maxBytes;
                            if (r instanceof OutageBuffer.Result.Accepted<Integer> a) {
                                assertTrue(fits, "accepted beyond a limit");
                                model.add(item);
                                modelSeqs.add(a.entry().seq());
                                modelSizes.add(step);
                                modelBytes += step;
                            } else {
                                assertTrue(!fits, "refused within the limits");
                            }
                        } else if (!model.isEmpty()) {
                            int i = (-step) % model.size();
                            assertTrue(b.remove(modelSeqs.get(i)));
                            assertTrue(!b.remove(modelSeqs.get(i)), "a confirmation removes once");
                            modelBytes -= modelSizes.remove(i);
                            model.remove(i);
                            modelSeqs.remove(i);
                        }
                        assertTrue(b.size() <= maxItems && b.bytes() <= maxBytes, "limits kept");
                        assertEquals(modelBytes, b.bytes());
                        assertEquals(model, b.entries().stream().map(OutageBuffer.Entry::item).toList(), "order kept");
                        assertEquals(modelSeqs, b.order());
                    }
                });
    }
}
