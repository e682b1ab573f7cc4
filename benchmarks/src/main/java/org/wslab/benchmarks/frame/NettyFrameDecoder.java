package org.wslab.benchmarks.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.ArrayList;
import java.util.List;

/**
 * Netty's own RFC 6455 §5.2 frame decoder, {@link WebSocket08FrameDecoder}, driven the way its
 * {@code ByteToMessageDecoder} base drives it ({@code decode(ctx, in, out)} while the input is
 * readable and the decoder makes progress) but without the channel pipeline around it, so the
 * comparison with a bare decoder is fair. The context is the decoder's own in an
 * {@link EmbeddedChannel}, so payloads come from Netty's default allocator as in a server.
 */
public final class NettyFrameDecoder {
    /** Exposes the protected decode step; adds nothing. */
    private static final class Exposed extends WebSocket08FrameDecoder {
        Exposed(WebSocketDecoderConfig config) {
            super(config);
        }

        void step(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
            decode(ctx, in, out);
        }
    }

    private final Exposed decoder;
    private final ChannelHandlerContext ctx;
    private final List<Object> out = new ArrayList<>();

    /**
     * A decoder for frames sent by the peer of our role: masked ones when {@code server}
     * (Netty's {@code expectMaskedFrames}), unmasked otherwise; no extensions, frames up to
     * {@code maxPayload} octets.
     */
    public NettyFrameDecoder(boolean server, int maxPayload) {
        decoder = new Exposed(WebSocketDecoderConfig.newBuilder().expectMaskedFrames(server)
                .allowMaskMismatch(false).allowExtensions(false).maxFramePayloadLength(maxPayload).build());
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        ctx = channel.pipeline().context(decoder);
    }

    /**
     * Decodes the frames {@code in} holds from its reader index; the caller owns (and must
     * release) the frames, in order, in the list answered — which is reused by the next call.
     */
    public List<Object> decode(ByteBuf in) throws Exception {
        out.clear();
        while (in.isReadable()) {
            int before = in.readerIndex();
            decoder.step(ctx, in, out);
            if (in.readerIndex() == before) {
                break;
            }
        }
        return out;
    }

    /** Releases every frame of the last {@link #decode}; answers how many there were. */
    public int release() {
        int n = out.size();
        for (Object o : out) {
            ((WebSocketFrame) o).release();
        }
        out.clear();
        return n;
    }
}
