package org.wslab.benchmarks.deflate;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketExtensionData;
import io.netty.handler.codec.http.websocketx.extensions.WebSocketServerExtension;
import io.netty.handler.codec.http.websocketx.extensions.compression.PerMessageDeflateServerExtensionHandshaker;
import java.util.Map;

/**
 * Netty 4.2's permessage-deflate as a server runs it: the extension its
 * {@link PerMessageDeflateServerExtensionHandshaker} accepts for a plain
 * {@code permessage-deflate} offer (context takeover, 15-bit windows), whose
 * {@code PerMessageDeflateEncoder} compresses a whole-message frame in one
 * {@link EmbeddedChannel} and whose {@code PerMessageDeflateDecoder} inflates it in another.
 */
final class NettyRoundTrip implements RoundTrip {
    private final EmbeddedChannel encoder;
    private final EmbeddedChannel decoder;
    private int compressedSize;
    private byte[] inflated = new byte[0];
    private boolean keep;

    NettyRoundTrip() {
        WebSocketServerExtension extension = new PerMessageDeflateServerExtensionHandshaker()
                .handshakeExtension(new WebSocketExtensionData("permessage-deflate", Map.of()));
        encoder = new EmbeddedChannel(extension.newExtensionEncoder());
        decoder = new EmbeddedChannel(extension.newExtensionDecoder());
    }

    @Override
    public int roundTrip(byte[] message) {
        encoder.writeOutbound(new BinaryWebSocketFrame(true, 0, Unpooled.wrappedBuffer(message)));
        WebSocketFrame compressed = encoder.readOutbound();
        compressedSize = compressed.content().readableBytes();
        decoder.writeInbound(compressed);
        WebSocketFrame frame = decoder.readInbound();
        try {
            if (keep) {
                inflated = ByteBufUtil.getBytes(frame.content());
            }
            return frame.content().readableBytes();
        } finally {
            frame.release();
        }
    }

    /** Keep a copy of the inflated bytes (only for the check, not when timed). */
    NettyRoundTrip keeping(boolean keep) {
        this.keep = keep;
        return this;
    }

    @Override
    public int compressedSize() {
        return compressedSize;
    }

    @Override
    public byte[] inflated() {
        return inflated;
    }

    @Override
    public void close() {
        encoder.finishAndReleaseAll();
        decoder.finishAndReleaseAll();
    }
}
