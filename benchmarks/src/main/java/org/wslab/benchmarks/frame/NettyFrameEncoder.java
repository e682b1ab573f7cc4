package org.wslab.benchmarks.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Netty's own RFC 6455 §5.2 frame encoder, {@link WebSocket08FrameEncoder}, called the way its
 * {@code MessageToMessageEncoder} base calls it ({@code encode(ctx, frame, out)}) without the
 * pipeline around it. A client's encoder takes its masking key from a fixed generator
 * (Netty's {@code WebSocketFrameMaskGenerator}), so its octets can be compared with ours.
 */
public final class NettyFrameEncoder {
    /** Exposes the protected encode step; adds nothing. */
    private static final class Exposed extends WebSocket08FrameEncoder {
        Exposed(int key) {
            super(() -> key);
        }

        Exposed() {
            super(false);
        }

        void step(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) throws Exception {
            encode(ctx, frame, out);
        }
    }

    private final Exposed encoder;
    private final ChannelHandlerContext ctx;
    private final List<Object> out = new ArrayList<>();

    /** A client's encoder masking with {@code key} when {@code masked}, else a server's. */
    public NettyFrameEncoder(boolean masked, int key) {
        encoder = masked ? new Exposed(key) : new Exposed();
        EmbeddedChannel channel = new EmbeddedChannel(encoder);
        ctx = channel.pipeline().context(encoder);
    }

    /**
     * Encodes {@code frame} (not released: the caller keeps it); answers the buffers Netty
     * writes for it (one, or header and payload for large unmasked ones), reused by the next call.
     */
    public List<Object> encode(WebSocketFrame frame) throws Exception {
        out.clear();
        encoder.step(ctx, frame, out);
        return out;
    }

    /** The octets of the last {@link #encode}, concatenated (for the agreement check). */
    public byte[] bytes() {
        int n = 0;
        for (Object o : out) {
            n += ((ByteBuf) o).readableBytes();
        }
        byte[] all = new byte[n];
        int at = 0;
        for (Object o : out) {
            ByteBuf b = (ByteBuf) o;
            b.getBytes(b.readerIndex(), all, at, b.readableBytes());
            at += b.readableBytes();
        }
        return all;
    }

    /** Releases the buffers of the last {@link #encode}; answers how many there were. */
    public int release() {
        int n = out.size();
        for (Object o : out) {
            ((ByteBuf) o).release();
        }
        out.clear();
        return n;
    }
}
