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
 * The per-message echo round trip (RFC 6455 §5.6) under load, by server, as a distribution:
 * {@code wslab} is the lab's server on our engine, {@code jetty} the lab's Jetty echo endpoint, our
 * client ({@link OurEchoPeers}) for both. With {@code connections} = 64, connections 2…64 each
 * keep one message in flight all the time (every echo is sent straight back from the client's
 * loop), and one operation is one round trip on the first connection: sent, then awaited.
 *
 * <p>Why {@link Mode#SampleTime} and not a histogram inside {@link EchoServerBench}'s operation: an
 * operation here is exactly one message's round trip, so JMH's sampled percentiles (p50, p99,
 * p99.9) are per-message round trips measured by the harness itself, and they land in the report's
 * JSON with their error; a histogram recorded inside a benchmark method would be invisible to JMH
 * and to the report. The probe's own message competes with the 63 busy connections on the server,
 * which is what a p99 at 64 connections means. The average time is in the same output.
 *
 * <p>JMH's forked JVM runs the server and the client in one process on the same cores. The set-up
 * checks that both servers echo the payload octet for octet on every connection.
 */
@Measures(suite = "End to end", title = "echo round trip under load (percentiles), by server", spec = "RFC 6455 §5.6")
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class EchoLatencyBench {
    @Param({"1", "64"})
    public int connections;

    @Param({"125"})
    public int size;

    byte[] payload;

    @Setup(Level.Trial)
    public void payload() {
        payload = LoopbackServers.payload(size);
    }

    /** One lab server, our client's connections to it, all but the first kept busy. */
    abstract static class Rig extends ServerRig {
        OurEchoPeers peers;

        @Setup(Level.Trial)
        public void setUp(EchoLatencyBench bench) {
            peers = LoopbackServers.echoPeers(startServer(), bench.connections, bench.payload);
            client = () -> {
                peers.stopBusy();
                peers.close();
            };
            peers.keepBusy(bench.payload);
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
    public byte[] wslab(Ours ours) {
        ours.peers.echoOne(0, payload);
        return ours.peers.lastEcho(0);
    }

    @Benchmark
    public byte[] jetty(Jetty jetty) {
        jetty.peers.echoOne(0, payload);
        return jetty.peers.lastEcho(0);
    }
}
