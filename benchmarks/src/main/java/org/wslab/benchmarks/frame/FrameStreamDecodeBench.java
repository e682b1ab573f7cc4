package org.wslab.benchmarks.frame;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.internal.Parser;
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
import org.wslab.framing.codec.DecodeStep;

/**
 * A server decoding a stream of {@value #FRAMES} small masked client frames (RFC 6455 §5.2,
 * §5.3) that arrived in one read: one operation decodes them all from one buffer. This is where
 * per-frame costs (header parsing, result objects, allocation) show. The implementations are
 * those of {@link FrameDecodeBench} (ours unmasking in place with {@code decodeInPlace}; Jetty's {@code Parser}, which unmasks in place so the input
 * alternates between masked and unmasked — the same work every call; Netty's
 * {@code WebSocket08FrameDecoder} called directly); each call rewinds the input. The set-up
 * checks that all three give the same payloads in the same order.
 */
@Measures(suite = "Frame decode", title = "decode a stream of 100 small frames", spec = "RFC 6455 §5.2",
        bytesParam = "size")
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FrameStreamDecodeBench {
    /** Frames per operation. */
    public static final int FRAMES = 100;

    /** Payload octets per frame. */
    @Param({"16", "125"})
    public int size;

    private ThreeDecoders d;

    /** Builds each implementation's input and checks they decode it to the same frames. */
    @Setup
    public void agree() throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < FRAMES; i++) {
            stream.writeBytes(FrameDecodeBench.wire(true, size, i));
        }
        byte[] wire = stream.toByteArray();
        d = new ThreeDecoders(wire, true);

        List<byte[]> ours = new ArrayList<>();
        d.wslabIn.position(0);
        while (d.wslab.decodeInPlace(d.wslabIn, d.last) == DecodeStep.FRAME) {
            ours.add(d.last.payload());
        }
        Agreement.require(ours.size() == FRAMES, "wslab decodes " + ours.size() + " frames");
        int i = 0;
        for (Frame f; (f = d.jetty.parse(d.jettyIn)) != null; i++) {
            Agreement.sameBytes("jetty frame " + i, ours.get(i), FrameDecodeBench.octets(f.getPayload()));
        }
        Agreement.require(i == FRAMES, "jetty decodes " + i + " frames");
        d = new ThreeDecoders(wire, true);
        List<Object> frames = d.netty.decode(d.nettyIn);
        Agreement.require(frames.size() == FRAMES, "netty decodes " + frames.size() + " frames");
        for (i = 0; i < FRAMES; i++) {
            Agreement.sameBytes("netty frame " + i, ours.get(i),
                    ByteBufUtil.getBytes(((WebSocketFrame) frames.get(i)).content()));
        }
        d.netty.release();
    }

    @Benchmark
    public int wslab() {
        d.wslabIn.position(0);
        int before = d.last.count;
        while (d.wslab.decodeInPlace(d.wslabIn, d.last) == DecodeStep.FRAME) {
            // each frame went to the sink
        }
        return d.last.count - before;
    }

    @Benchmark
    public void jetty(Blackhole bh) {
        d.jettyIn.position(0);
        for (Frame f; (f = d.jetty.parse(d.jettyIn)) != null; ) {
            bh.consume(f);
        }
    }

    @Benchmark
    public int netty() throws Exception {
        d.nettyIn.readerIndex(0);
        d.netty.decode(d.nettyIn);
        return d.netty.release();
    }
}
