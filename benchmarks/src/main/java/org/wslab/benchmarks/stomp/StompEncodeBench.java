package org.wslab.benchmarks.stomp;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.wslab.benchmarks.Agreement;
import org.wslab.benchmarks.Measures;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.codec.StompEncoder;
import org.wslab.stomp.codec.StompFrame;

/**
 * Encoding STOMP frames into the octets of one WebSocket message each (STOMP 1.2 "STOMP Frames",
 * "Value Encoding"); the frames are {@link StompFixtures}' ({@code batch100}: 100 MESSAGE frames,
 * one array each). Ours is {@link StompEncoder#encode(StompFrame, StompVersion)}, the call our
 * server's output makes per frame, which also checks the frame can be written
 * ({@link StompEncoder#check}). Spring's is
 * {@code org.springframework.messaging.simp.stomp.StompEncoder.encode(Map, byte[])}, the call its
 * {@code StompSubProtocolHandler} makes per outgoing message: it includes escaping, its header-name
 * cache, content-length from the payload and the final concatenation into one array; it excludes
 * building the message headers (an accessor and {@code MessageHeaders}), which Spring's broker
 * has ready when it sends, so they are built once in the set-up. Both encoders write the same
 * octets for these frames, checked in the set-up against the fixture's hand-written wire octets.
 */
@Measures(suite = "STOMP", title = "encode a frame", spec = "STOMP 1.2 \"STOMP Frames\"")
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StompEncodeBench {
    @Param({"connect", "message200", "send64k", "batch100"})
    public String frame;

    private StompFrame[] frames;
    private List<Map<String, Object>> springHeaders;
    private byte[][] springPayloads;
    private final org.springframework.messaging.simp.stomp.StompEncoder theirs =
            new org.springframework.messaging.simp.stomp.StompEncoder();

    /** Both encoders write the fixture's wire octets exactly. */
    @Setup
    public void agree() {
        List<StompFrame> list = StompFixtures.frames(frame);
        frames = list.toArray(new StompFrame[0]);
        springHeaders = new ArrayList<>();
        springPayloads = new byte[frames.length][];
        for (int i = 0; i < frames.length; i++) {
            springHeaders.add(StompFixtures.springHeaders(frames[i]));
            springPayloads[i] = frames[i].body();
        }
        byte[] expected = StompFixtures.wire(frame);
        Agreement.sameBytes("wslab", expected, concat(ours()));
        Agreement.sameBytes("spring", expected, concat(theirs()));
    }

    /** Our encoder's octets for each frame. */
    byte[][] ours() {
        byte[][] out = new byte[frames.length][];
        for (int i = 0; i < frames.length; i++) {
            out[i] = StompEncoder.encode(frames[i], StompVersion.V1_2);
        }
        return out;
    }

    /** Spring's encoder's octets for each frame. */
    byte[][] theirs() {
        byte[][] out = new byte[frames.length][];
        for (int i = 0; i < frames.length; i++) {
            out[i] = theirs.encode(springHeaders.get(i), springPayloads[i]);
        }
        return out;
    }

    static byte[] concat(byte[][] parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer all = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            all.put(p);
        }
        return all.array();
    }

    @Benchmark
    public void wslab(Blackhole bh) {
        for (StompFrame f : frames) {
            bh.consume(StompEncoder.encode(f, StompVersion.V1_2));
        }
    }

    @Benchmark
    public void spring(Blackhole bh) {
        for (int i = 0; i < springPayloads.length; i++) {
            bh.consume(theirs.encode(springHeaders.get(i), springPayloads[i]));
        }
    }
}
