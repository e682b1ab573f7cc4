package org.wslab.benchmarks.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.websocket.core.internal.Parser;
import org.wslab.framing.codec.DecoderSettings;
import org.wslab.framing.codec.FrameDecoder;
import org.wslab.framing.codec.Role;

/**
 * The three decoders a frame-decode suite compares (RFC 6455 §5.2), each with its own copy of
 * the same wire octets (Jetty unmasks its input in place): ours with a {@link LastFrame} sink,
 * Jetty's {@code Parser} on Jetty's default buffer pool, Netty's decoder ({@link NettyFrameDecoder}).
 */
final class ThreeDecoders {
    final ByteBuffer wslabIn;
    final FrameDecoder wslab;
    final LastFrame last = new LastFrame();
    final ByteBuffer jettyIn;
    final Parser jetty;
    final ByteBuf nettyIn;
    final NettyFrameDecoder netty;

    /** Decoders for frames sent to a server (masked) when {@code server}, else to a client. */
    ThreeDecoders(byte[] wire, boolean server) {
        wslabIn = ByteBuffer.wrap(wire.clone());
        wslab = new FrameDecoder(DecoderSettings.defaults(server ? Role.SERVER : Role.CLIENT));
        jettyIn = ByteBuffer.wrap(wire.clone());
        jetty = new Parser(new ArrayByteBufferPool());
        nettyIn = Unpooled.wrappedBuffer(wire.clone());
        netty = new NettyFrameDecoder(server, (int) DecoderSettings.DEFAULT_MAX_FRAME);
    }
}
