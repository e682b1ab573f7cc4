package org.wslab.benchmarks.endtoend;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.wslab.benchmarks.Agreement;
import org.wslab.benchmarks.Measures;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabServer;

/**
 * Echo round trips (RFC 6455 §5.6, the client masking every frame, §5.3) over loopback, by client,
 * one connection: {@code wslab} is our client ({@link OurEchoPeers}: our sans-I/O engine on our NIO
 * transport), {@code jetty} Jetty 12's {@code WebSocketClient} ({@link JettyEchoPeers}), the
 * baseline a Java application would otherwise use. Both talk to the same server, the lab's Jetty
 * echo endpoint, so the comparison is the client and nothing else. One operation is one message
 * sent and its echo received.
 *
 * <p>JMH's forked JVM runs the server and the client in one process on the same cores. The set-up
 * checks that both clients get the payload back octet for octet.
 */
@Measures(suite = "End to end", title = "echo round trip over loopback, by client", spec = "RFC 6455 §5.6",
        bytesParam = "size")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class EchoClientBench {
    @Param({"125", "65536"})
    public int size;

    byte[] payload;
    LabServer server;

    @Setup(Level.Trial)
    public void setUp() {
        payload = LoopbackServers.payload(size);
        server = LoopbackServers.start(Engine.JETTY);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    /** One client's connection to the bench's server, checked to echo the payload. */
    abstract static class Client {
        EchoPeers peer;

        /** The client's name in a disagreement. */
        abstract String who();

        /** Opens the client's one connection. */
        abstract EchoPeers open(URI uri);

        @Setup(Level.Trial)
        public void setUp(EchoClientBench bench) {
            peer = checked(who(), open(LoopbackServers.echo(bench.server)), bench.payload);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            if (peer != null) {
                peer.close();
            }
        }
    }

    /** Our client's connection. */
    @State(Scope.Benchmark)
    public static class Ours extends Client {
        @Override
        String who() {
            return "wslab client";
        }

        @Override
        EchoPeers open(URI uri) {
            return OurEchoPeers.open(uri, 1);
        }
    }

    /** Jetty's client's connection. */
    @State(Scope.Benchmark)
    public static class Jetty extends Client {
        @Override
        String who() {
            return "jetty client";
        }

        @Override
        EchoPeers open(URI uri) {
            return JettyEchoPeers.open(uri, 1);
        }
    }

    static EchoPeers checked(String who, EchoPeers peer, byte[] payload) {
        try {
            peer.echoAll(payload);
            Agreement.sameBytes(who, payload, peer.lastEcho(0));
            return peer;
        } catch (RuntimeException e) {
            peer.close();
            throw e;
        }
    }

    @Benchmark
    public byte[] wslab(Ours ours) {
        ours.peer.echoOne(0, payload);
        return ours.peer.lastEcho(0);
    }

    @Benchmark
    public byte[] jetty(Jetty jetty) {
        jetty.peer.echoOne(0, payload);
        return jetty.peer.lastEcho(0);
    }
}
