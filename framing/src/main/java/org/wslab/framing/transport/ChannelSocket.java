package org.wslab.framing.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * One connection's socket on its {@link EventLoop}'s selector: its registration for the
 * {@link LoopMember} that drives it, the interest ops that follow reading and writing, and its end
 * (RFC 6455 §7.1.1): {@link Lingering} after the last bytes (a server shuts its output first), or
 * a close at once.
 */
final class ChannelSocket {
    private final EventLoop loop;
    private final SocketChannel socket;
    private SelectionKey key;

    ChannelSocket(EventLoop loop, SocketChannel socket) {
        this.loop = loop;
        this.socket = socket;
    }

    /** Registers {@code member} for reading: the {@code connected} key from the connect, or a new registration (null). */
    void register(SelectionKey connected, LoopMember member) throws IOException {
        if (connected != null) {
            key = connected;
            key.attach(member);
            key.interestOps(SelectionKey.OP_READ);
        } else {
            key = socket.register(loop.selector(), SelectionKey.OP_READ, member);
        }
    }

    /** Reads into {@code buffer}: the octets read, or -1 at the end of the stream. */
    int read(ByteBuffer buffer) throws IOException {
        return socket.read(buffer);
    }

    /** The channel the outbound queue writes to. */
    SocketChannel channel() {
        return socket;
    }

    /** Asks the selector for readiness to read and to write, while registered. */
    void interest(boolean read, boolean write) {
        if (key == null || !key.isValid()) {
            return;
        }
        int ops = (read ? SelectionKey.OP_READ : 0) | (write ? SelectionKey.OP_WRITE : 0);
        if (key.interestOps() != ops) {
            key.interestOps(ops);
        }
    }

    /** §7.1.1: lingers for the peer's end ({@code closeFirst}: a server's FIN first), then closes; {@code onClosed} after. */
    void linger(boolean closeFirst, long lingerNanos, long nowNanos, Runnable onClosed) {
        Lingering.start(loop, socket, key, closeFirst, lingerNanos, nowNanos, onClosed);
    }

    /** Closes the socket at once and leaves the selector. */
    void close() {
        if (key != null) {
            key.cancel();
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed anyway
        }
    }
}
