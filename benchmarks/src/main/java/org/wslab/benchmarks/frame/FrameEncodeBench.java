package org.wslab.benchmarks.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.internal.Generator;
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
import org.wslab.framing.codec.FrameEncoder;
import org.wslab.framing.codec.Opcode;

/**
 * Encoding one binary frame (RFC 6455 §5.2; a client masks it, §5.3) with the same fixed key for
 * every implementation, so their outputs are compared octet for octet.
 *
 * <ul>
 *   <li>{@code wslab}: {@link FrameEncoder#writeInto(byte[], int, boolean, int, Opcode, boolean,
 *       int, byte[], int, int)} into the caller's reused array, masking while copying.
 *   <li>{@code jetty}: Jetty 12's {@code Generator.generateWholeFrame} into a reused buffer; it
 *       moves the payload's position, which is restored before every call.
 *   <li>{@code netty}: Netty's {@code WebSocket08FrameEncoder} called directly
 *       ({@link NettyFrameEncoder}) with a fixed-key mask generator for the client; it allocates
 *       its output from its allocator (it has no caller-buffer form), released after each call.
 * </ul>
 */
@Measures(suite = "Frame encode", title = "encode one frame", spec = "RFC 6455 §5.2, §5.3", bytesParam = "size")
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FrameEncodeBench {
    static final int KEY = 0x37fa213d;
    private static final byte[] KEY_OCTETS = {0x37, (byte) 0xfa, 0x21, 0x3d};

    @Param({"client", "server"})
    public String role;

    @Param({"16", "125", "65536"})
    public int size;

    private boolean masked;
    private byte[] payload;
    private byte[] out;
    private ByteBuffer jettyPayload;
    private Frame jettyFrame;
    private ByteBuffer jettyOut;
    private final Generator generator = new Generator();
    private final byte[] jettyMask = new byte[4];
    private ByteBuf nettyPayload;
    private BinaryWebSocketFrame nettyFrame;
    private NettyFrameEncoder netty;

    /** Builds each implementation's input and checks they write the same octets. */
    @Setup
    public void agree() throws Exception {
        masked = role.equals("client");
        payload = new byte[size];
        new SplittableRandom(size).nextBytes(payload);
        out = new byte[FrameEncoder.headerLength(size, masked) + size];
        jettyPayload = ByteBuffer.wrap(payload.clone());
        jettyFrame = new Frame(OpCode.BINARY, true, jettyPayload);
        jettyOut = ByteBuffer.allocate(out.length);
        nettyPayload = Unpooled.wrappedBuffer(payload.clone());
        nettyFrame = new BinaryWebSocketFrame(true, 0, nettyPayload);
        netty = new NettyFrameEncoder(masked, KEY);

        byte[] original = payload.clone();
        byte[] expected = Arrays.copyOf(out, wslab());
        Agreement.sameBytes("wslab (its payload after encoding)", original, payload);
        ByteBuffer j = jetty();
        byte[] jettyBytes = new byte[j.remaining()];
        j.get(j.position(), jettyBytes);
        Agreement.sameBytes("jetty", expected, jettyBytes);
        netty.encode(nettyPayloadRewound());
        Agreement.sameBytes("netty", expected, netty.bytes());
        netty.release();
        Agreement.require(nettyPayload.refCnt() == 1, "netty's payload buffer refCnt " + nettyPayload.refCnt());
    }

    private BinaryWebSocketFrame nettyPayloadRewound() {
        nettyPayload.readerIndex(0);
        return nettyFrame;
    }

    @Benchmark
    public int wslab() {
        return FrameEncoder.writeInto(out, 0, true, 0, Opcode.BINARY, masked, KEY, payload, 0, size);
    }

    @Benchmark
    public ByteBuffer jetty() {
        jettyPayload.position(0);
        if (masked) {
            System.arraycopy(KEY_OCTETS, 0, jettyMask, 0, 4);
            jettyFrame.setMask(jettyMask);
        }
        jettyOut.position(0).limit(0);
        generator.generateWholeFrame(jettyFrame, jettyOut);
        return jettyOut;
    }

    @Benchmark
    public int netty() throws Exception {
        netty.encode(nettyPayloadRewound());
        return netty.release();
    }
}
