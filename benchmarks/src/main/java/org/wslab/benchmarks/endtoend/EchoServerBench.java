package org.wslab.benchmarks.endtoend;

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
import org.wslab.benchmarks.Measures;
import org.wslab.lab.server.Engine;

/**
 * Echo round trips (RFC 6455 §5.6 binary messages, masked by the client, §5.3) over loopback, by
 * server: {@code wslab} is the lab's server on our engine ({@code wslab serve --engine wslab}, its
 * NIO transport, one selector loop per core), {@code jetty} the lab's Jetty 12 server and its echo
 * endpoint ({@code /websocket/echo}, Jetty's own WebSocket server and thread pool). Both are the
 * lab's servers with {@code serve}'s defaults, so the comparison is the engine and nothing else.
 *
 * <p>The client is the same for both: ours ({@link OurEchoPeers}, every connection on one selector
 * loop). One operation sends one message on each of {@code connections} connections (all sent,
 * then all awaited): time/op ÷ connections is the cost per message, connections ÷ time/op the
 * throughput. The per-message p99 is {@link EchoLatencyBench}'s. No {@code bytesParam}: one
 * operation moves {@code size × connections} octets, which a GB/s column per {@code size} would
 * misstate.
 *
 * <p>JMH's forked JVM runs the server and the client in one process on the same cores, so each
 * side's CPU use slows the other; loopback TCP has no network latency. The set-up checks that both
 * servers echo the payload octet for octet on every connection.
 */
@Measures(suite = "End to end", title = "echo round trip over loopback, by server", spec = "RFC 6455 §5.6")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class EchoServerBench {
    @Param({"1", "64"})
    public int connections;

    @Param({"125", "4096"})
    public int size;

    byte[] payload;

    @Setup(Level.Trial)
    public void payload() {
        payload = LoopbackServers.payload(size);
    }

    /** One lab server and our client's connections to its echo endpoint, every one checked. */
    abstract static class Rig extends ServerRig {
        OurEchoPeers peers;

        @Setup(Level.Trial)
        public void setUp(EchoServerBench bench) {
            peers = LoopbackServers.echoPeers(startServer(), bench.connections, bench.payload);
            client = peers;
        }
    }

    /** The lab server on our engine. */
    @State(Scope.Benchmark)
    public static class Ours extends Rig {
        @Override
        Engine engine() {
            return Engine.WSLAB;
        }
    }

    /** The lab server on Jetty. */
    @State(Scope.Benchmark)
    public static class Jetty extends Rig {
        @Override
        Engine engine() {
            return Engine.JETTY;
        }
    }

    @Benchmark
    public int wslab(Ours ours) {
        ours.peers.echoAll(payload);
        return ours.peers.connections();
    }

    @Benchmark
    public int jetty(Jetty jetty) {
        jetty.peers.echoAll(payload);
        return jetty.peers.connections();
    }
}
