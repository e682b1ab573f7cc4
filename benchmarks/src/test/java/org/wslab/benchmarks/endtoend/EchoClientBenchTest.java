package org.wslab.benchmarks.endtoend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wslab.benchmarks.Agreement;

/** Every size of {@link EchoClientBench}: both clients get the payload back from the Jetty echo endpoint. */
class EchoClientBenchTest {

    @ParameterizedTest
    @ValueSource(ints = {125, 65536})
    void bothClientsGetTheEcho(int size) throws Exception {
        EchoClientBench b = new EchoClientBench();
        b.size = size;
        EchoClientBench.Ours ours = new EchoClientBench.Ours();
        EchoClientBench.Jetty jetty = new EchoClientBench.Jetty();
        try {
            b.setUp();
            ours.setUp(b);
            jetty.setUp(b);
            assertArrayEquals(b.payload, b.wslab(ours));
            assertArrayEquals(b.payload, b.jetty(jetty));
        } finally {
            ours.tearDown();
            jetty.tearDown();
            b.tearDown();
        }
    }

    @Test
    void aCorruptedPayloadIsADisagreement() throws Exception {
        EchoClientBench b = new EchoClientBench();
        b.size = 125;
        try {
            b.setUp();
            byte[] other = b.payload.clone();
            other[0] ^= 1;
            EchoPeers peer = JettyEchoPeers.open(LoopbackServers.echo(b.server), 1);
            // the check compares against what was meant to be sent: an echo of other data cannot pass
            peer.echoAll(other);
            assertThrows(Agreement.Disagreement.class, () -> Agreement.sameBytes("jetty client", b.payload, peer.lastEcho(0)));
            peer.close();
        } finally {
            b.tearDown();
        }
    }
}
