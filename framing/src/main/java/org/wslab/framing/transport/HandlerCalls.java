package org.wslab.framing.transport;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.engine.Connection;
import org.wslab.framing.engine.Event;

/**
 * The calls one {@link WebSocketHandler} receives, in wire order (RFC 6455 §6.2, §5.5, §7): open
 * once, messages, {@link WebSocketHandler#tick} after each batch and at its deadline,
 * {@link WebSocketHandler#onClosed} exactly once, last. While the handler has paused reading,
 * events already read are held (at most one read's worth) and delivered on resume, so a paused
 * handler gets no more messages. An endpoint that throws gets its connection closed with 1011
 * (§7.4.1), and the others go on.
 */
final class HandlerCalls {
    private final WebSocketHandler handler;
    private final Connection connection;
    private final WebSocketChannel channel;
    private final ArrayDeque<Event> held = new ArrayDeque<>();
    private boolean open;
    private boolean closed;
    private long deadline = Long.MAX_VALUE;
    private Event.HandshakeCompleted opened;

    HandlerCalls(WebSocketHandler handler, Connection connection, WebSocketChannel channel) {
        this.handler = handler;
        this.connection = connection;
        this.channel = channel;
    }

    /** The handshake outcome, once open. */
    Optional<Event.HandshakeCompleted> opened() {
        return Optional.ofNullable(opened);
    }

    /** Whether the handler has been opened and not yet closed. */
    boolean open() {
        return open;
    }

    /** The handler's own next deadline while open. */
    long deadline() {
        return open ? deadline : Long.MAX_VALUE;
    }

    /**
     * Delivers {@code events} after any held ones, in order, while reading is not paused (all of
     * them when {@code force}: the connection is ending), then asks the handler for its deadline.
     */
    void dispatch(List<Event> events, boolean force) {
        held.addAll(events);
        boolean delivered = false;
        while (!held.isEmpty() && (force || !channel.readPaused())) {
            delivered = true;
            try {
                deliver(held.poll());
            } catch (RuntimeException endpointFailure) {
                connection.close(CloseCode.INTERNAL_ERROR.code(), "endpoint failed", System.nanoTime());
            }
        }
        if (open && delivered) {
            tick(System.nanoTime());
        }
    }

    /** Whether events wait for the handler to resume reading. */
    boolean holding() {
        return !held.isEmpty();
    }

    /** The handler's tick, when open. */
    void tick(long nowNanos) {
        if (open) {
            deadline = guard(() -> handler.tick(nowNanos));
        }
    }

    void writable() {
        if (open) {
            guard(() -> {
                handler.onWritable();
                return 0L;
            });
        }
    }

    /** The TCP connection is closed (after any linger): once, after {@link #closedOnce()}. */
    void socketClosed() {
        try {
            handler.onSocketClosed();
        } catch (RuntimeException ignored) {
            // nothing is left to close
        }
    }

    /** The end, when the engine reported none: 1006 (§7.1.5). */
    void closedOnce() {
        dispatch(List.of(), true);
        if (!closed) {
            deliver(new Event.Closed(CloseCode.ABNORMAL_CLOSURE.code(), "the transport closed", false,
                    Optional.empty()));
        }
    }

    private interface Call {
        long run();
    }

    private long guard(Call call) {
        try {
            return call.run();
        } catch (RuntimeException endpointFailure) {
            connection.close(CloseCode.INTERNAL_ERROR.code(), "endpoint failed", System.nanoTime());
            return Long.MAX_VALUE;
        }
    }

    private void deliver(Event e) {
        if (closed) {
            return;
        }
        if (e instanceof Event.HandshakeCompleted done) {
            opened = done;
            open = true;
            handler.onOpen(channel, done);
        } else if (e instanceof Event.HandshakeFailed failed) {
            handler.onHandshakeFailed(failed.failure());
        } else if (e instanceof Event.TextMessage t) {
            handler.onText(t.utf8());
        } else if (e instanceof Event.BinaryMessage b) {
            handler.onBinary(b.data());
        } else if (e instanceof Event.PingReceived p) {
            handler.onPing(p.data());
        } else if (e instanceof Event.PongReceived p) {
            handler.onPong(p.data());
        } else if (e instanceof Event.Closed c) {
            closed = true;
            open = false;
            handler.onClosed(c);
        }
    }
}
