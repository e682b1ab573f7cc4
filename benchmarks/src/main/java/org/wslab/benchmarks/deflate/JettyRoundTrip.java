package org.wslab.benchmarks.deflate;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.eclipse.jetty.util.compression.CompressionPool;
import org.eclipse.jetty.util.compression.DeflaterPool;
import org.eclipse.jetty.util.compression.InflaterPool;
import org.eclipse.jetty.websocket.core.internal.PerMessageDeflateExtension;

/**
 * Jetty 12's deflate path as far as it is reachable without a live WebSocket session. Jetty's
 * {@code PerMessageDeflateExtension} reads its buffer sizes from the session's
 * {@code Configuration} ({@code getCoreSession()}), flushes through asynchronous
 * {@code IteratingCallback}s, and takes outgoing frames as {@code OutgoingEntry}s, which have no
 * public constructor: it cannot be driven frame by frame from a benchmark. So this runs the parts
 * of it that are public, Jetty's own code: the {@link DeflaterPool} and {@link InflaterPool} the
 * extension acquires its raw ({@code nowrap}) zlib streams from (held for the session, as with
 * context takeover), and its {@link PerMessageDeflateExtension#endsWithTail} check. The loop
 * around them is written the way the extension does it: {@code SYNC_FLUSH} into a
 * {@link ByteBuffer}, drop the tail, inflate with the tail appended (RFC 7692 §7.2.1–7.2.2).
 */
final class JettyRoundTrip implements RoundTrip {
    private static final ByteBuffer TAIL = ByteBuffer.wrap(JdkRoundTrip.TAIL).asReadOnlyBuffer();

    private final DeflaterPool deflaters = new DeflaterPool(CompressionPool.DEFAULT_CAPACITY,
            Deflater.DEFAULT_COMPRESSION, true);
    private final InflaterPool inflaters = new InflaterPool(CompressionPool.DEFAULT_CAPACITY, true);
    private final CompressionPool<Deflater>.Entry deflater;
    private final CompressionPool<Inflater>.Entry inflater;
    private final ByteBuffer compressed;
    private final ByteBuffer inflated;

    JettyRoundTrip(int maxMessage) {
        try {
            deflaters.start();
            inflaters.start();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty's compression pools did not start", e);
        }
        deflater = deflaters.acquire();
        inflater = inflaters.acquire();
        compressed = ByteBuffer.allocate(maxMessage + maxMessage / 8 + 64);
        inflated = ByteBuffer.allocate(maxMessage + 64);
    }

    @Override
    public int roundTrip(byte[] message) {
        Deflater d = deflater.get();
        d.setInput(ByteBuffer.wrap(message));
        compressed.clear();
        d.deflate(compressed, Deflater.SYNC_FLUSH);
        compressed.flip();
        if (PerMessageDeflateExtension.endsWithTail(compressed)) {
            compressed.limit(compressed.limit() - JdkRoundTrip.TAIL.length);
        }
        Inflater i = inflater.get();
        inflated.clear();
        try {
            i.setInput(compressed);
            i.inflate(inflated);
            i.setInput(TAIL.duplicate());
            i.inflate(inflated);
        } catch (DataFormatException e) {
            throw new IllegalStateException(e);
        }
        compressed.rewind();
        return inflated.position();
    }

    @Override
    public int compressedSize() {
        return compressed.limit();
    }

    @Override
    public byte[] inflated() {
        byte[] out = new byte[inflated.position()];
        inflated.duplicate().flip().get(out);
        return out;
    }

    @Override
    public void close() {
        deflater.release();
        inflater.release();
        try {
            deflaters.stop();
            inflaters.stop();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
