package org.wslab.benchmarks.masking;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.wslab.benchmarks.Agreement;
import org.wslab.benchmarks.Measures;
import org.wslab.benchmarks.frame.NettyFrameDecoder;
import org.wslab.framing.codec.FrameEncoder;
import org.wslab.framing.codec.Masking;
import org.wslab.framing.codec.Opcode;

/**
 * Unmasking a payload in place (RFC 6455 §5.3: octet {@code i} XOR key octet {@code i mod 4}),
 * from 16 octets to 256 MiB, which is far out of every cache.
 *
 * <ul>
 *   <li>{@code wslab}: {@link Masking#apply}, a little-endian 64-bit word view the JIT turns
 *       into vector XORs.
 *   <li>{@code byteLoop}: {@link Masking#applyByteLoop}, the §5.3 formula one octet at a time.
 *   <li>{@code jetty} / {@code jettyDirect}: Jetty 12's {@code Frame.demask()}, the routine its
 *       parser unmasks with, on a heap and on a direct payload buffer; the key is set again before
 *       every call (Jetty's demask zeroes the key array, and its parser fills a key array per
 *       frame).
 *   <li>{@code netty}: Netty's unmasking loop is a private method of
 *       {@code WebSocket08FrameDecoder}, reachable only by decoding a frame, so this decodes one
 *       masked binary frame of {@code size} octets with a reused decoder: header, a copy of the
 *       payload into a buffer from Netty's allocator (as Netty always does), the unmask, the
 *       frame object. The copy is part of Netty's unmasking path; {@code arraycopy} shows what a
 *       copy alone costs.
 *   <li>{@code arraycopy}: {@code System.arraycopy} of {@code size} octets, the memory-bandwidth
 *       reference the in-place XOR is held to at 256 MiB.
 * </ul>
 * In-place methods alternate the payload between masked and unmasked forms: every call does the
 * same work. Each fork's set-up checks that its implementation gives the byte loop's unmasked
 * octets (the tests check all of them together).
 */
@Measures(suite = "Masking", title = "unmask a payload in place", spec = "RFC 6455 §5.3", bytesParam = "size")
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MaskingBench {
    /** The key all implementations use. */
    static final int KEY = 0x37fa213d;
    private static final byte[] KEY_OCTETS = {0x37, (byte) 0xfa, 0x21, 0x3d};

    @Param({"16", "125", "1024", "65536", "1048576", "268435456"})
    public int size;

    private byte[] data;
    /** Jetty's demask zeroes the key array it was given: refilled before every call. */
    private final byte[] jettyMask = new byte[4];
    private Frame jettyHeap;
    private Frame jettyDirectFrame;
    private ByteBuf nettyWire;
    private NettyFrameDecoder nettyDecoder;
    private byte[] copy;

    /**
     * Builds the masked payload for the implementation this fork runs and checks that it unmasks
     * it as the byte loop (the §5.3 formula) does; each fork checks its own, so all agree. Only
     * that implementation's state is built: at 256 MiB, building all six would touch over a
     * gigabyte of fresh memory per fork.
     */
    @Setup
    public void agree(BenchmarkParams run) throws Exception {
        String benchmark = run.getBenchmark();
        agree(benchmark.substring(benchmark.lastIndexOf('.') + 1));
    }

    /** Builds every implementation's state and checks they all unmask alike (the tests' form). */
    public void agree() throws Exception {
        agree((String) null);
    }

    private static boolean runs(String only, String method) {
        return only == null || only.equals(method);
    }

    private void agree(String only) throws Exception {
        byte[] masked = new byte[size];
        new SplittableRandom(size).nextBytes(masked);
        byte[] expected = masked.clone();
        Masking.applyByteLoop(expected, 0, size, KEY, 0);

        if (runs(only, "wslab")) {
            data = masked.clone();
            wslab();
            Agreement.sameBytes("wslab", expected, data);
        }
        if (runs(only, "byteLoop")) {
            data = masked.clone();
            byteLoop();
            Agreement.sameBytes("byteLoop", expected, data);
        }
        if (runs(only, "jetty")) {
            data = masked.clone();
            jettyHeap = new Frame(OpCode.BINARY, true, ByteBuffer.wrap(data));
            jetty();
            Agreement.sameBytes("jetty", expected, data);
            System.arraycopy(masked, 0, data, 0, size);
        }
        if (runs(only, "jettyDirect")) {
            ByteBuffer direct = ByteBuffer.allocateDirect(size).put(masked).flip();
            jettyDirectFrame = new Frame(OpCode.BINARY, true, direct);
            jettyDirect();
            Agreement.sameBytes("jettyDirect", expected, octets(direct));
            direct.put(0, masked);
        }
        if (runs(only, "netty")) {
            byte[] wire = FrameEncoder.write(true, 0, Opcode.BINARY, true, KEY, expected);
            nettyWire = Unpooled.wrappedBuffer(wire);
            nettyDecoder = new NettyFrameDecoder(true, Math.max(size, 1));
            WebSocketFrame f = (WebSocketFrame) nettyDecoder.decode(nettyWire).get(0);
            byte[] netty = new byte[f.content().readableBytes()];
            f.content().getBytes(f.content().readerIndex(), netty);
            nettyDecoder.release();
            Masking.apply(netty, 0, netty.length, KEY, 0);
            Agreement.sameBytes("netty", masked, netty);
        }
        if (runs(only, "arraycopy")) {
            if (data == null) {
                data = masked;
            }
            copy = new byte[size];
            arraycopy();
            Agreement.sameBytes("arraycopy", data, copy);
        }
    }

    private static byte[] octets(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(b.position(), out);
        return out;
    }

    @Benchmark
    public byte[] wslab() {
        Masking.apply(data, 0, size, KEY, 0);
        return data;
    }

    @Benchmark
    public byte[] byteLoop() {
        Masking.applyByteLoop(data, 0, size, KEY, 0);
        return data;
    }

    @Benchmark
    public Frame jetty() {
        return demask(jettyHeap);
    }

    @Benchmark
    public Frame jettyDirect() {
        return demask(jettyDirectFrame);
    }

    private Frame demask(Frame frame) {
        System.arraycopy(KEY_OCTETS, 0, jettyMask, 0, 4);
        frame.setMask(jettyMask);
        frame.demask();
        return frame;
    }

    @Benchmark
    public int netty() throws Exception {
        nettyWire.readerIndex(0);
        nettyDecoder.decode(nettyWire);
        return nettyDecoder.release();
    }

    @Benchmark
    public byte[] arraycopy() {
        System.arraycopy(data, 0, copy, 0, size);
        return copy;
    }
}
