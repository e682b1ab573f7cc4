package org.wslab.benchmarks.endtoend;

import java.net.URI;
import java.util.Random;
import org.wslab.benchmarks.Agreement;
import org.wslab.lab.engines.LabServers;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;

/**
 * The lab's servers as the end-to-end benchmarks start them: {@code wslab serve}'s defaults
 * (endpoints, limits, 16 MiB messages) on 127.0.0.1 and a free port, in the benchmark's own JVM.
 */
public final class LoopbackServers {
    private LoopbackServers() {}

    /** Starts {@code engine}'s lab server; running and bound when this returns. */
    public static LabServer start(Engine engine) {
        try {
            return LabServers.start(engine, LabServerConfig.defaults().withAddress("127.0.0.1", 0),
                    EndpointRegistry.defaults());
        } catch (Exception e) {
            throw new IllegalStateException("the " + engine.cliName() + " lab server did not start", e);
        }
    }

    /** The {@code ws://} URL of {@code server}'s echo endpoint. */
    public static URI echo(LabServer server) {
        return server.webSocketUri(LabEndpoint.echo());
    }

    /** The {@code ws://} URL of {@code server}'s STOMP endpoint. */
    public static URI stomp(LabServer server) {
        return server.webSocketUri(LabEndpoint.stomp());
    }

    /**
     * Our client's {@code connections} connections to {@code server}'s echo endpoint, each checked
     * to echo {@code payload} octet for octet (the set-up's agreement check).
     */
    public static OurEchoPeers echoPeers(LabServer server, int connections, byte[] payload) {
        OurEchoPeers peers = OurEchoPeers.open(echo(server), connections);
        try {
            peers.echoAll(payload);
            for (int i = 0; i < peers.connections(); i++) {
                Agreement.sameBytes(server.engine().cliName() + " server", payload, peers.lastEcho(i));
            }
            return peers;
        } catch (RuntimeException e) {
            peers.close();
            throw e;
        }
    }

    /** {@code size} reproducible pseudo-random octets. */
    public static byte[] payload(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }
}
