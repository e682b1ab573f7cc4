package org.wslab.benchmarks.endtoend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link EchoLatencyBench}: under load from the other connections, the probe's echo still comes back whole. */
class EchoLatencyBenchTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 64})
    void theProbeIsEchoedWhileTheOthersAreBusy(int connections) throws Exception {
        EchoLatencyBench b = new EchoLatencyBench();
        b.connections = connections;
        b.size = 125;
        b.payload();
        EchoLatencyBench.Ours ours = new EchoLatencyBench.Ours();
        EchoLatencyBench.Jetty jetty = new EchoLatencyBench.Jetty();
        try {
            ours.setUp(b);
            jetty.setUp(b);
            for (int i = 0; i < 20; i++) {
                assertArrayEquals(b.payload, b.wslab(ours));
                assertArrayEquals(b.payload, b.jetty(jetty));
            }
        } finally {
            ours.tearDown();
            jetty.tearDown();
        }
    }

    @Test
    void aClosedServerEndsTheWaitWithLost() throws Exception {
        EchoLatencyBench b = new EchoLatencyBench();
        b.connections = 1;
        b.size = 125;
        b.payload();
        EchoLatencyBench.Ours ours = new EchoLatencyBench.Ours();
        try {
            ours.setUp(b);
            ours.server.close(); // the connection closes: the next round trip cannot complete
            assertThrows(Arrivals.Lost.class, () -> {
                for (int i = 0; i < 1000; i++) {
                    b.wslab(ours);
                }
            });
        } finally {
            ours.tearDown();
        }
    }
}
