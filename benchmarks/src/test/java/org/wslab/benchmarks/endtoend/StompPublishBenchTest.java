package org.wslab.benchmarks.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.wslab.benchmarks.Agreement;

/** {@link StompPublishBench}: both brokers deliver the SEND's body to the subscription, unchanged. */
class StompPublishBenchTest {

    @Test
    void bothBrokersDeliverTheBody() throws Exception {
        StompPublishBench b = new StompPublishBench();
        b.size = 128;
        b.body();
        StompPublishBench.Ours ours = new StompPublishBench.Ours();
        StompPublishBench.Jetty jetty = new StompPublishBench.Jetty();
        try {
            ours.setUp(b);
            jetty.setUp(b);
            assertEquals(b.body, b.wslab(ours).bodyText());
            assertEquals(b.body, b.jetty(jetty).bodyText());
        } finally {
            ours.tearDown();
            jetty.tearDown();
        }
    }

    @Test
    void anotherBodyIsADisagreement() throws Exception {
        StompPublishBench b = new StompPublishBench();
        b.size = 128;
        b.body();
        StompPublishBench.Ours ours = new StompPublishBench.Ours();
        try {
            ours.setUp(b);
            String delivered = ours.peer.publish("y".repeat(128)).bodyText();
            assertThrows(Agreement.Disagreement.class, () -> Agreement.same("wslab broker's body", b.body, delivered));
        } finally {
            ours.tearDown();
        }
    }
}
