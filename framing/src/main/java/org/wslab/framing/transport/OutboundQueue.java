package org.wslab.framing.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.GatheringByteChannel;
import java.util.ArrayDeque;
import java.util.List;

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

    long bytes() {
        return bytes;
    }

    boolean isEmpty() {
        return buffers.isEmpty();
    }

    /** Writes until empty or the socket is full; false when bytes are left (wait for OP_WRITE). */
    boolean writeTo(GatheringByteChannel socket) throws IOException {
        while (!buffers.isEmpty()) {
            int n = 0;
            for (ByteBuffer b : buffers) {
                batch[n++] = b;
                if (n == GATHER) {
                    break;
                }
            }
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

    void clear() {
        buffers.clear();
        bytes = 0;
    }
}
