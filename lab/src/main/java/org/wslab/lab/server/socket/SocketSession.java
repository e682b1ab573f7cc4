package org.wslab.lab.server.socket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.engine.Connection;
import org.wslab.framing.engine.ConnectionState;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.HandshakeExchange;
import org.wslab.handshake.deflate.DeflateParameters;
import org.wslab.handshake.http.RequestHead;

/**
 * One accepted TCP connection of the socket engine: runs a server {@link Connection} (RFC 6455
 * §4–§7) over the socket on its own reader thread, routes the opening handshake with
 * {@link RoutingOpening}, then feeds the open connection's events to the route's
 * {@link SocketHandler} and is its thread-safe {@link SocketPeer}.
 *
 * <p>The reader thread keeps the engine's clock: it wakes for the engine's deadlines (handshake,
 * close and idle timeouts) and the handler's own. Sends from any thread take the same lock as the
 * reader's use of the engine, and write before they return. After CLOSED the socket is half-closed
 * first and the peer's remaining input drained briefly, so the last frame or HTTP answer is not
 * destroyed by a TCP reset (§7.1.1: the server closes TCP first).
 */
final class SocketSession implements SocketPeer, Runnable {
    private static final int READ_BUFFER = 64 * 1024;
    private static final long MAX_WAIT_MILLIS = 1000;
    private static final long LINGER_MILLIS = 2000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final RoutingOpening opening;
    private final Connection connection;
    private final Object lock = new Object();
    private final Runnable onEnd;
    private volatile RequestHead request;
    private volatile Optional<String> subprotocol = Optional.empty();
    private SocketHandler handler;
    private long handlerDeadline = Long.MAX_VALUE;
    private boolean broken;

    SocketSession(Socket socket, RoutingOpening opening, EngineSettings settings, Runnable onEnd) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.opening = opening;
        this.onEnd = onEnd;
        this.connection = Connection.server(opening, settings, System.nanoTime());
    }

    @Override
    public void run() {
        byte[] buffer = new byte[READ_BUFFER];
        try {
            while (!closed()) {
                List<Event> events = readAndFeed(buffer);
                try {
                    dispatch(events);
                } catch (RuntimeException endpointFailure) {
                    // §7.4.1 1011: the endpoint hit a condition it could not handle; finish the close
                    close(CloseCode.INTERNAL_ERROR.code(), "endpoint failed");
                }
            }
        } finally {
            end(buffer);
        }
    }

    private List<Event> readAndFeed(byte[] buffer) {
        long now = System.nanoTime();
        long deadline;
        synchronized (lock) {
            deadline = Math.min(connection.nextDeadlineNanos(), handlerDeadline);
        }
        long wait = deadline == Long.MAX_VALUE ? MAX_WAIT_MILLIS
                : Math.max(1, Math.min(MAX_WAIT_MILLIS, TimeUnit.NANOSECONDS.toMillis(deadline - now) + 1));
        int n;
        try {
            socket.setSoTimeout((int) wait);
            n = in.read(buffer);
        } catch (SocketTimeoutException quiet) {
            n = 0;
        } catch (IOException lost) {
            n = -1;
        }
        synchronized (lock) {
            long at = System.nanoTime();
            List<Event> events = n > 0 ? connection.receive(ByteBuffer.wrap(buffer, 0, n), at)
                    : n < 0 ? connection.receiveEof(at) : connection.tick(at);
            flushLocked();
            return events;
        }
    }

    private void dispatch(List<Event> events) {
        for (Event e : events) {
            if (e instanceof Event.HandshakeCompleted done) {
                opened(done);
            } else if (handler == null) {
                continue; // a refused handshake: no endpoint to tell
            } else if (e instanceof Event.TextMessage t) {
                handler.onText(t.text());
            } else if (e instanceof Event.BinaryMessage b) {
                handler.onBinary(b.data());
            } else if (e instanceof Event.PingReceived p) {
                handler.onPing(p.data());
            } else if (e instanceof Event.PongReceived p) {
                handler.onPong(p.data());
            } else if (e instanceof Event.Closed c) {
                SocketHandler h = handler;
                handler = null;
                h.onClosed(c);
            }
        }
        if (handler != null) {
            long next = handler.tick(System.nanoTime());
            synchronized (lock) {
                handlerDeadline = next;
            }
        }
    }

    private void opened(Event.HandshakeCompleted done) {
        request = ((HandshakeExchange.Server) done.exchange()).request();
        subprotocol = done.subprotocol();
        handler = opening.chosen().serve().open(this);
    }

    private boolean closed() {
        synchronized (lock) {
            return connection.state() == ConnectionState.CLOSED;
        }
    }

    private void flushLocked() {
        List<ByteBuffer> pending = connection.takeOutput();
        if (broken) {
            return;
        }
        try {
            for (ByteBuffer b : pending) {
                out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
            }
            out.flush();
        } catch (IOException lost) {
            broken = true; // the reader sees the end of the stream next and reports 1006
            shutdownInputQuietly();
        }
    }

    private void end(byte[] buffer) {
        try {
            if (handler != null) {
                SocketHandler h = handler;
                handler = null;
                h.onClosed(new Event.Closed(CloseCode.ABNORMAL_CLOSURE.code(), "connection lost", false,
                        Optional.empty()));
            }
        } finally {
            synchronized (lock) {
                connection.close();
            }
            lingeringClose(buffer);
            onEnd.run();
        }
    }

    private void lingeringClose(byte[] buffer) {
        try {
            if (!socket.isClosed() && !broken) {
                socket.shutdownOutput();
                socket.setSoTimeout(100);
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
                while (System.nanoTime() - until < 0) {
                    try {
                        if (in.read(buffer) < 0) {
                            break;
                        }
                    } catch (SocketTimeoutException stillOpen) {
                        // wait for the peer's FIN until the deadline
                    }
                }
            }
        } catch (IOException gone) {
            // the peer is gone already
        } finally {
            abort();
        }
    }

    private void shutdownInputQuietly() {
        try {
            socket.shutdownInput();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Closes the socket at once (no closing handshake): the end of a stop that waited long enough. */
    void abort() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to say
        }
    }

    @Override
    public RequestHead request() {
        return request;
    }

    @Override
    public Optional<String> subprotocol() {
        return subprotocol;
    }

    @Override
    public Optional<DeflateParameters> deflate() {
        synchronized (lock) {
            return connection.deflate();
        }
    }

    @Override
    public boolean sendText(String text) {
        synchronized (lock) {
            return connection.sendText(text) && written();
        }
    }

    @Override
    public boolean sendBinary(byte[] data) {
        synchronized (lock) {
            return connection.sendBinary(data) && written();
        }
    }

    @Override
    public boolean sendPing(byte[] payload) {
        synchronized (lock) {
            return connection.sendPing(payload) && written();
        }
    }

    @Override
    public boolean close(int code, String reason) {
        synchronized (lock) {
            if (connection.state() == ConnectionState.CONNECTING) {
                connection.close(code, reason, System.nanoTime()); // no WebSocket yet: just give up
                shutdownInputQuietly();
                return true;
            }
            return connection.close(code, reason, System.nanoTime()) && written();
        }
    }

    private boolean written() {
        flushLocked();
        return !broken;
    }
}
