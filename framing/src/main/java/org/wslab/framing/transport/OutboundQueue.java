package org.wslab.framing.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayDeque;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * The bytes one connection has queued for its socket, counted, written with gathering writes
 * (up to {@value #GATHER} buffers a call) until the socket takes no more. The limit on it is the
 * caller's ({@link WebSocketChannel}): this queue only counts.
 */
final class OutboundQueue {
    private static final int GATHER = 64;

    private final ArrayDeque<ByteBuffer> buffers = new ArrayDeque<>();
    private final ByteBuffer[] batch = new ByteBuffer[GATHER];
    private long bytes;

    void addAll(List<ByteBuffer> output) {
        for (ByteBuffer b : output) {
            buffers.add(b);
            bytes += b.remaining();
        }
    }

    void add(ByteBuffer b) {
        buffers.add(b);
        bytes += b.remaining();
    }

    long bytes() {
        return bytes;
    }

    boolean isEmpty() {
        return buffers.isEmpty();
    }

    /** Writes until empty or the socket is full; false when bytes are left (wait for OP_WRITE). */
    boolean writeTo(GatheringByteChannel socket) throws IOException {
        while (!buffers.isEmpty()) {
            int n = gather();
            long written = socket.write(batch, 0, n);
            java.util.Arrays.fill(batch, 0, n, null);
            bytes -= written;
            while (!buffers.isEmpty() && !buffers.peek().hasRemaining()) {
                buffers.poll();
            }
            if (written == 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Seals the queue's first octets into one TLS record in {@code record} (RFC 8446 §5.2; the
     * engine takes at most a record's worth of plaintext a call); drops what it consumed.
     */
    SSLEngineResult wrapInto(SSLEngine engine, ByteBuffer record) throws SSLException {
        int n = gather();
        SSLEngineResult result = engine.wrap(batch, 0, n, record);
        java.util.Arrays.fill(batch, 0, n, null);
        bytes -= result.bytesConsumed();
        while (!buffers.isEmpty() && !buffers.peek().hasRemaining()) {
            buffers.poll();
        }
        return result;
    }

    /** Puts the first buffers (at most {@value #GATHER}) into the batch; their count. */
    private int gather() {
        int n = 0;
        for (ByteBuffer b : buffers) {
            batch[n++] = b;
            if (n == GATHER) {
                break;
            }
        }
        return n;
    }

    void clear() {
        buffers.clear();
        bytes = 0;
    }
}
