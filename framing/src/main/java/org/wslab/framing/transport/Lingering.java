package org.wslab.framing.transport;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * The end of a TCP connection after its last bytes are written (RFC 6455 §7.1.1): the server
 * closes TCP first, so it shuts its output (FIN) and drains what the peer still sends until the
 * peer's FIN or the linger deadline — closing with unread input would send a reset that can
 * destroy the close frame or HTTP answer just written; a client waits for the server's FIN, for
 * as long. The one place the transport ends a connection gracefully (a 503 refusal included).
 */
final class Lingering extends LoopMember {
    private final EventLoop loop;
    private final SocketChannel socket;
    private final long until;
    private final Runnable onClosed;
    private boolean closed;

    private Lingering(EventLoop loop, SocketChannel socket, long until, Runnable onClosed) {
        this.loop = loop;
        this.socket = socket;
        this.until = until;
        this.onClosed = onClosed;
    }

    /**
     * Starts lingering on {@code socket} (its key, if registered, is taken over);
     * {@code closeFirst}: shut our output first (the server's side of §7.1.1); {@code onClosed}
     * runs once, on the loop, when the socket is closed.
     */
    static void start(EventLoop loop, SocketChannel socket, SelectionKey key, boolean closeFirst, long lingerNanos,
                      long nowNanos, Runnable onClosed) {
        Lingering l = new Lingering(loop, socket, nowNanos + lingerNanos, onClosed);
        try {
            if (closeFirst) {
                socket.shutdownOutput();
            }
            if (key != null && key.isValid()) {
                key.attach(l);
                key.interestOps(SelectionKey.OP_READ);
            } else {
                socket.register(loop.selector(), SelectionKey.OP_READ, l);
            }
        } catch (IOException | RuntimeException gone) {
            l.abort();
            return;
        }
        loop.add(l);
        loop.schedule(l);
    }

    @Override
    void ready(SelectionKey key, long nowNanos) {
        try {
            int n;
            do {
                n = socket.read(loop.readBuffer());
            } while (n > 0);
            if (n < 0) {
                abort(); // the peer's FIN: both directions are done
            }
        } catch (ClosedChannelException closed) {
            abort();
        } catch (IOException reset) {
            abort();
        }
    }

    @Override
    long deadline() {
        return until;
    }

    @Override
    void expire(long nowNanos) {
        abort();
    }

    @Override
    void abort() {
        scheduledAt = Long.MAX_VALUE;
        loop.remove(this);
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed anyway
        }
        if (!closed) {
            closed = true;
            onClosed.run();
        }
    }
}
