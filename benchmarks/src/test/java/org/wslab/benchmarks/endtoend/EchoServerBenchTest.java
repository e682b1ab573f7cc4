package org.wslab.benchmarks.endtoend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.wslab.benchmarks.Agreement;

/** Every parameter combination of {@link EchoServerBench}: both servers start and echo the payload on every connection. */
class EchoServerBenchTest {

    private static EchoServerBench bench(int connections, int size) {
        EchoServerBench b = new EchoServerBench();
        b.connections = connections;
        b.size = size;
        b.payload();
        return b;
    }

    @ParameterizedTest
    @CsvSource({"1,125", "1,4096", "64,125", "64,4096"})
    void bothServersEchoOnEveryConnection(int connections, int size) throws Exception {
        EchoServerBench b = bench(connections, size);
        EchoServerBench.Ours ours = new EchoServerBench.Ours();
        EchoServerBench.Jetty jetty = new EchoServerBench.Jetty();
        try {
            ours.setUp(b);
            jetty.setUp(b);
            assertEquals(connections, b.wslab(ours));
            assertEquals(connections, b.jetty(jetty));
            for (int i = 0; i < connections; i++) {
                assertArrayEquals(b.payload, ours.peers.lastEcho(i));
                assertArrayEquals(b.payload, jetty.peers.lastEcho(i));
            }
        } finally {
            ours.tearDown();
            jetty.tearDown();
        }
    }

    @Test
    void aWrongEchoIsADisagreement() throws Exception {
        EchoServerBench b = bench(1, 125);
        EchoServerBench.Ours ours = new EchoServerBench.Ours();
        try {
            ours.setUp(b);
            byte[] echoed = ours.peers.lastEcho(0).clone();
            echoed[7] ^= 1;
            assertThrows(Agreement.Disagreement.class, () -> Agreement.sameBytes("wslab server", b.payload, echoed));
        } finally {
            ours.tearDown();
        }
    }
}
