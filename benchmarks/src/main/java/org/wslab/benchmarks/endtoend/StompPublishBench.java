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
import org.wslab.benchmarks.Agreement;
import org.wslab.benchmarks.Measures;
import org.wslab.lab.server.Engine;
import org.wslab.stomp.codec.StompFrame;

/**
 * One STOMP SEND to a topic and the MESSAGE the broker delivers for it to the sender's own
 * subscription (STOMP 1.2 "SEND", "MESSAGE"), over WebSocket on loopback: {@code wslab} is the
 * lab's broker behind our engine's server ({@code serve --engine wslab}, {@code /websocket/app}),
 * {@code jetty} the same in-memory broker behind the lab's Jetty endpoint {@code /websocket/app}.
 * The client is the same for both ({@link StompPeer}, the lab's STOMP client on our engine), so the
 * comparison is the server side: WebSocket engine, STOMP codec and session, broker hand-off.
 *
 * <p>JMH's forked JVM runs the server and the client in one process on the same cores. The set-up
 * checks that both deliver the body and the destination unchanged.
 */
@Measures(suite = "End to end", title = "STOMP SEND to MESSAGE through the broker", spec = "STOMP 1.2 SEND, MESSAGE")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class StompPublishBench {
    @Param({"128"})
    public int size;

    String body;

    @Setup(Level.Trial)
    public void body() {
        body = "x".repeat(size);
    }

    /** A lab server and the STOMP session subscribed on it, its delivery checked. */
    abstract static class Rig extends ServerRig {
        StompPeer peer;

        @Setup(Level.Trial)
        public void setUp(StompPublishBench bench) {
            peer = StompPeer.open(LoopbackServers.stomp(startServer()));
            client = peer;
            StompFrame m = peer.publish(bench.body);
            Agreement.same(engine().cliName() + " broker's body", bench.body, m.bodyText());
            Agreement.same(engine().cliName() + " broker's destination", StompPeer.TOPIC, m.header("destination"));
        }
    }

    /** The broker behind our engine. */
    @State(Scope.Benchmark)
    public static class Ours extends Rig {
        @Override
        Engine engine() {
            return Engine.WSLAB;
        }
    }

    /** The broker behind Jetty. */
    @State(Scope.Benchmark)
    public static class Jetty extends Rig {
        @Override
        Engine engine() {
            return Engine.JETTY;
        }
    }

    @Benchmark
    public StompFrame wslab(Ours ours) {
        return ours.peer.publish(body);
    }

    @Benchmark
    public StompFrame jetty(Jetty jetty) {
        return jetty.peer.publish(body);
    }
}
