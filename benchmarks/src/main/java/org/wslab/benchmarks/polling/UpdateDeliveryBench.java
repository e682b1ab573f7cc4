package org.wslab.benchmarks.polling;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
import org.wslab.lab.common.WireRelay;

/**
 * How long one server-side update takes to reach a client, and what it costs on the wire, four
 * ways (RFC 6202 describes the HTTP ones): {@code websocket} (RFC 6455: one text message pushed on
 * an open connection, our client), {@code polling} ({@code GET /updates/poll} every
 * {@link PollingClient#EVERY_MILLIS} = 50 ms on a fixed schedule, so an update waits for the next
 * poll: half a period on average, the update being published at a random point of the period by
 * an untimed per-invocation set-up), {@code longPolling} (a held {@code GET /updates/long-poll}, answered when the update
 * happens, asked again at once) and {@code sse} (server-sent events, one open
 * {@code text/event-stream} response). All four are the lab's Jetty server's endpoints over the
 * same update feed; the HTTP clients are the JDK's {@code java.net.http.HttpClient} over HTTP/1.1
 * with keep-alive, one connection each, as a browser would reuse its connection. One operation:
 * the server publishes one update of {@code size} characters, the client's receiving thread gets
 * it and wakes the benchmark thread.
 *
 * <p>The fact is the octets on the wire per update, both directions, HTTP heads included, counted
 * by a relay in front of the server ({@link WireRelay}) over 10 updates after 2 warm-up ones:
 * for WebSocket the frame (a 2-octet head from the server, unmasked, §5.2), for SSE the event in
 * its chunk, for long polling a whole request and response per update, for polling its best case
 * — the poll that finds the update, one per update; every empty poll costs a 204 exchange more
 * (the same relay counted 231 octets for one with the JDK's client and Jetty 12.1), so a page
 * polling every 50 ms for one update a second pays 19 empty polls besides: about 4.7 kB per update,
 * some 13 times the figure.
 *
 * <p>JMH's forked JVM runs the Jetty server and every client in one process on the same cores.
 * The set-up checks that each way delivers the update's text unchanged.
 */
@Measures(suite = "Polling vs WebSocket", title = "deliver one server-side update to a client", ours = "websocket",
        fact = "bytes on the wire per update", spec = "RFC 6455 §5.6, RFC 6202")
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
public class UpdateDeliveryBench {
    /** Updates counted for the fact, after {@link #WARM_UPDATES}. */
    static final int COUNTED_UPDATES = 10;
    static final int WARM_UPDATES = 2;
    private static final Map<String, Map<String, Double>> FACTS = new ConcurrentHashMap<>();

    @Param({"64"})
    public int size;

    /** One way's server and client, checked to deliver the update unchanged. */
    abstract static class Way {
        UpdateRig rig;

        /** The way this state's method delivers. */
        abstract UpdateRig.Way way();

        @Setup(Level.Trial)
        public void setUp(UpdateDeliveryBench bench) throws Exception {
            rig = UpdateRig.open(way(), bench.size, false, PollingClient.EVERY_MILLIS);
            Agreement.same(way().name(), rig.data(), rig.deliver());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            if (rig != null) {
                rig.close();
            }
        }
    }

    @State(Scope.Benchmark)
    public static class WebSocket extends Way {
        @Override
        UpdateRig.Way way() {
            return UpdateRig.Way.WEBSOCKET;
        }
    }

    @State(Scope.Benchmark)
    public static class Polling extends Way {
        private final java.util.Random phase = new java.util.Random(50);

        @Override
        UpdateRig.Way way() {
            return UpdateRig.Way.POLLING;
        }

        /**
         * Untimed: lets a random part of the polling period pass before the update is published, so
         * it lands at a uniformly random point between two polls as a real one would. Without it
         * every publish would follow the poll that ended the previous operation and wait a whole
         * period. An operation of this method lasts milliseconds, so a per-invocation set-up is fair.
         */
        @Setup(Level.Invocation)
        public void randomPhase() throws InterruptedException {
            Thread.sleep(phase.nextInt((int) PollingClient.EVERY_MILLIS));
        }
    }

    @State(Scope.Benchmark)
    public static class LongPolling extends Way {
        @Override
        UpdateRig.Way way() {
            return UpdateRig.Way.LONG_POLLING;
        }
    }

    @State(Scope.Benchmark)
    public static class Sse extends Way {
        @Override
        UpdateRig.Way way() {
            return UpdateRig.Way.SSE;
        }
    }

    @Benchmark
    public String websocket(WebSocket way) {
        return way.rig.deliver();
    }

    @Benchmark
    public String polling(Polling way) {
        return way.rig.deliver();
    }

    @Benchmark
    public String longPolling(LongPolling way) {
        return way.rig.deliver();
    }

    @Benchmark
    public String sse(Sse way) {
        return way.rig.deliver();
    }

    /** Octets on the wire per update for each method, measured through {@link WireRelay}. */
    public static Map<String, Double> facts(Map<String, String> params) {
        int size = Integer.parseInt(params.getOrDefault("size", "64"));
        return FACTS.computeIfAbsent(String.valueOf(size), s -> {
            Map<String, Double> out = new LinkedHashMap<>();
            out.put("websocket", octetsPerUpdate(UpdateRig.Way.WEBSOCKET, size));
            out.put("polling", octetsPerUpdate(UpdateRig.Way.POLLING, size));
            out.put("longPolling", octetsPerUpdate(UpdateRig.Way.LONG_POLLING, size));
            out.put("sse", octetsPerUpdate(UpdateRig.Way.SSE, size));
            return Map.copyOf(out);
        });
    }

    /** Octets through the relay per update, both ways, over {@link #COUNTED_UPDATES} (a poller polling once per update). */
    static double octetsPerUpdate(UpdateRig.Way way, int size) {
        try (UpdateRig rig = UpdateRig.open(way, size, true, 0)) {
            for (int i = 0; i < WARM_UPDATES; i++) {
                rig.deliver();
                rig.awaitReady();
            }
            long before = rig.relay().count().total();
            for (int i = 0; i < COUNTED_UPDATES; i++) {
                rig.deliver();
                rig.awaitReady(); // a long poll's next request has reached the server
            }
            return (rig.relay().count().total() - before) / (double) COUNTED_UPDATES;
        } catch (Exception e) {
            throw new IllegalStateException("counting " + way + "'s octets failed", e);
        }
    }
}
