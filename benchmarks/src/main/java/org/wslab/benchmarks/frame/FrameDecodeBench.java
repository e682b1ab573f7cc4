package org.wslab.benchmarks.frame;

import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.SplittableRandom;
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
import org.wslab.benchmarks.Agreement;
import org.wslab.benchmarks.Measures;
import org.wslab.framing.codec.DecodeStep;
import org.wslab.framing.codec.DecoderSettings;
import org.wslab.framing.codec.FrameDecoder;
import org.wslab.framing.codec.FrameEncoder;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.codec.Role;

/**
 * Decoding one whole binary frame (RFC 6455 §5.2) from a buffer holding exactly its octets, with
 * a decoder reused across frames as on a connection. {@code server}: a masked client frame
 * (unmasked on the way, §5.3); {@code client}: an unmasked server frame.
 *
 * <ul>
 *   <li>{@code wslab}: {@link FrameDecoder#decodeInPlace}, every header rule and limit checked;
 *       like Jetty's parser it hands out the payload where it lies in the input, unmasked in place
 *       (so its input too alternates between masked and unmasked), allocating nothing.
 *   <li>{@code wslabCopying}: {@link FrameDecoder#decode(ByteBuffer, org.wslab.framing.codec.FrameSink)},
 *       which unmasks while copying the payload into an array of its own (the form for payloads
 *       that must outlive the input; the input is left as it was). Shown beside ours so the
 *       report also says what a payload that must be kept costs; its allocation is the payload array.
 *   <li>{@code jetty}: Jetty 12's {@code Parser.parse}, the parser its sessions run; it hands out a
 *       slice of the input (no copy) and unmasks it in place, so the input alternates between
 *       masked and unmasked from call to call — the same work every call. Jetty's parser leaves
 *       the mask-direction rule to its session.
 *   <li>{@code netty}: Netty's {@code WebSocket08FrameDecoder} called directly
 *       ({@link NettyFrameDecoder}); it copies the payload into a buffer from its allocator and
 *       unmasks that; the frame is released after each call.
 * </ul>
 * Each call rewinds its input first. The set-up checks that all three give the same FIN, opcode
 * and payload.
 */
@Measures(suite = "Frame decode", title = "decode one frame", spec = "RFC 6455 §5.2", bytesParam = "size")
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FrameDecodeBench {
    static final int KEY = 0x37fa213d;

    @Param({"server", "client"})
    public String role;

    @Param({"16", "125", "65536"})
    public int size;

    private ThreeDecoders d;
    private ByteBuffer copyingIn;
    private FrameDecoder copying;
    private final LastFrame copied = new LastFrame();

    /** The wire octets of one binary frame of {@code size} octets, masked when sent by a client. */
    static byte[] wire(boolean masked, int size, long seed) {
        byte[] payload = new byte[size];
        new SplittableRandom(seed).nextBytes(payload);
        return FrameEncoder.write(true, 0, Opcode.BINARY, masked, masked ? KEY : 0, payload);
    }

    /** Builds each implementation's input and checks they decode it to the same frame. */
    @Setup
    public void agree() throws Exception {
        boolean server = role.equals("server");
        byte[] wire = wire(server, size, size);
        d = new ThreeDecoders(wire, server);

        Agreement.require(wslab() == d.last && d.last.opcode == Opcode.BINARY && d.last.fin, "wslab decodes no frame");
        byte[] expected = d.last.payload();
        Agreement.require(expected.length == size, "wslab payload has " + expected.length + " octets");
        copyingIn = ByteBuffer.wrap(wire.clone());
        copying = new FrameDecoder(DecoderSettings.defaults(server ? Role.SERVER : Role.CLIENT));
        Agreement.require(wslabCopying() == copied && copied.opcode == Opcode.BINARY && copied.fin,
                "wslabCopying decodes no frame");
        Agreement.sameBytes("wslabCopying", expected, copied.payload());
        Frame j = jetty();
        Agreement.same("jetty opcode/fin", "2/true", j.getOpCode() + "/" + j.isFin());
        Agreement.sameBytes("jetty", expected, octets(j.getPayload()));
        d = new ThreeDecoders(wire, server);
        List<Object> frames = d.netty.decode(d.nettyIn.readerIndex(0));
        Agreement.require(frames.size() == 1, "netty decodes " + frames.size() + " frames");
        WebSocketFrame n = (WebSocketFrame) frames.get(0);
        Agreement.same("netty opcode/fin", "2/true", (n instanceof BinaryWebSocketFrame ? 2 : -1) + "/" + n.isFinalFragment());
        Agreement.sameBytes("netty", expected, ByteBufUtil.getBytes(n.content()));
        d.netty.release();
    }

    static byte[] octets(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(b.position(), out);
        return out;
    }

    @Benchmark
    public LastFrame wslab() {
        d.wslabIn.position(0);
        return d.wslab.decodeInPlace(d.wslabIn, d.last) == DecodeStep.FRAME ? d.last : null;
    }

    @Benchmark
    public LastFrame wslabCopying() {
        copyingIn.position(0);
        return copying.decode(copyingIn, copied) == DecodeStep.FRAME ? copied : null;
    }

    @Benchmark
    public Frame jetty() {
        d.jettyIn.position(0);
        return d.jetty.parse(d.jettyIn);
    }

    @Benchmark
    public int netty() throws Exception {
        d.nettyIn.readerIndex(0);
        d.netty.decode(d.nettyIn);
        return d.netty.release();
    }
}
