package org.wslab.framing.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.codec.ProtocolError;
import org.wslab.framing.codec.Role;
import org.wslab.framing.engine.Connection;
import org.wslab.framing.engine.ConnectionState;
import org.wslab.framing.engine.Event;
import org.wslab.framing.engine.HandshakeFailure;
import org.wslab.framing.engine.OpeningRule;
import org.wslab.framing.tls.TlsFailure;
import javax.net.ssl.SSLEngine;

/**
 * The I/O side of one connection on a {@link Transport}: a sans-I/O {@link Connection} (RFC 6455
 * §4–§7) over a non-blocking {@link SocketChannel} ({@link ChannelSocket}), on one
 * {@link EventLoop}. Reads into the loop's buffer and feeds the engine; queues the engine's
 * output in an {@link OutboundQueue} written with {@code OP_WRITE} interest while the socket is
 * full; keeps the outbound limit and read pausing of its {@link WebSocketChannel}; drives
 * {@code tick} from the engine's and the handler's deadlines. Once the engine says {@link Connection#shouldCloseTransport()}, the last
 * bytes are written (within the linger time) and the socket {@link Lingering lingers} (§7.1.1).
 */
final class ChannelDriver extends LoopMember implements Wire.Sink {
    private enum Phase { ACTIVE, ENDING, DONE }

    private final EventLoop loop;
    private final ChannelSocket socket;
    private final Wire wire;
    private final Connection connection;
    private final HandlerCalls handler;
    private final WebSocketChannel channel;
    private final TransportSettings settings;
    private final Runnable onEnd;
    private final OutboundQueue outbound = new OutboundQueue();
    private final List<Event> deferred = new ArrayList<>(1);
    private Phase phase;
    private final SendGate gate;
    private boolean readPaused;
    private boolean eof;
    private boolean isTouched;
    private long endDeadline = Long.MAX_VALUE;
    /** The time of the read under way, for {@link #plaintext}. */
    private long readNanos;

    /** {@code tls}: the TLS engine of a {@code wss://} connection (RFC 6455 §4.1 (5)), or null for plain TCP. */
    ChannelDriver(EventLoop loop, SocketChannel socket, Connection connection, WebSocketHandler handler,
                  TransportSettings settings, Runnable onEnd, SSLEngine tls) {
        this.loop = loop;
        this.socket = new ChannelSocket(loop, socket);
        this.wire = tls == null ? new PlainWire(loop, this.socket)
                : new TlsWire(loop, this.socket, tls, settings.readBufferBytes());
        this.connection = connection;
        this.channel = new WebSocketChannel(this);
        this.handler = new HandlerCalls(handler, connection, channel);
        this.settings = settings;
        this.gate = new SendGate(settings);
        this.onEnd = onEnd;
        this.phase = Phase.ACTIVE;
    }

    /**
     * Takes the connected socket over on the loop thread: its {@code key} from the connect, or a
     * new registration (null); then the engine's first output (a client's request) goes out.
     */
    void register(SelectionKey connected, long nowNanos) {
        loop.add(this);
        try {
            socket.register(connected, this);
        } catch (IOException | RuntimeException e) {
            connectFailed(OpeningRule.CONNECT_FAILED, e.toString());
            return;
        }
        if (wire instanceof TlsWire tls) {
            tls.begin();
        }
        settle(nowNanos);
    }

    /** The peer the handler sends through. */
    WebSocketChannel channel() {
        return channel;
    }

    Connection connection() {
        return connection;
    }

    HandlerCalls handler() {
        return handler;
    }

    EventLoop loop() {
        return loop;
    }

    Wire wire() {
        return wire;
    }

    /** §7.1.7 for a rule broken on our side (an outbound overflow): the failure's events are delivered on settling. */
    void failLocally(ProtocolError error) {
        deferred.addAll(connection.failLocally(error, System.nanoTime()));
    }

    void checkLoop() {
        if (!loop.inLoop()) {
            throw new IllegalStateException("call on the connection's loop thread; use execute() from others");
        }
    }

    void touch() {
        if (!isTouched) {
            isTouched = true;
            loop.touch(this);
        }
    }

    /** Runs an {@code execute} task, then the handler's tick, then settles. */
    void afterTask(Runnable task) {
        if (phase == Phase.DONE) {
            return;
        }
        task.run();
        handler.tick(System.nanoTime());
        touch();
    }

    SendGate gate() {
        return gate;
    }

    long outboundBytes() {
        return outbound.bytes() + wire.pendingBytes() + connection.outputBytes();
    }

    boolean writable() {
        return connection.state() == ConnectionState.OPEN && gate.open(outboundBytes());
    }

    void readPaused(boolean paused) {
        checkLoop();
        readPaused = paused;
        touch();
    }

    boolean readPaused() {
        return readPaused;
    }

    // ---- the loop's side ------------------------------------------------------------------

    @Override
    void ready(SelectionKey k, long nowNanos) {
        if (k.isValid() && k.isWritable()) {
            flush(nowNanos);
        }
        if (k.isValid() && k.isReadable() && phase == Phase.ACTIVE) {
            read(nowNanos);
        }
        settle(nowNanos);
    }

    /** §4.1: the TCP connection could not be opened ({@code rule} says how); the handler hears of it and of the close. */
    void connectFailed(OpeningRule rule, String why) {
        loop.add(this);
        handler.dispatch(openingFailed(new HandshakeFailure.Ended(rule, why)), true);
        closeNow();
    }

    /** §4.1: an opening that never reached the engine's handshake: its failure, then a 1006 close citing the rule. */
    private static List<Event> openingFailed(HandshakeFailure failure) {
        return List.of(new Event.HandshakeFailed(failure), new Event.Closed(CloseCode.ABNORMAL_CLOSURE.code(),
                failure.rule().cite(), false, Optional.empty()));
    }

    private void read(long nowNanos) {
        readNanos = nowNanos;
        int n;
        try {
            n = wire.read(this);
        } catch (IOException reset) {
            n = -1;
        }
        if (wire.failure().isPresent()) {
            tlsFailed(nowNanos);
        } else if (n < 0) {
            eof = true;
            handler.dispatch(connection.receiveEof(nowNanos), phase != Phase.ACTIVE);
        }
    }

    /** The wire's plaintext: to the engine, its events to the handler. */
    @Override
    public void plaintext(ByteBuffer bytes) {
        // message by message: the handler answers each before the engine reads on (a Close in the
        // same read is answered after the handler's reply to what came before it, RFC 6455 §5.5.1)
        do {
            handler.dispatch(connection.receiveNext(bytes, readNanos), phase != Phase.ACTIVE);
        } while (bytes.hasRemaining() && connection.state() != ConnectionState.CLOSED);
    }

    /**
     * TLS failed (RFC 6455 §4.1 (5); the JDK's finding named by {@link org.wslab.framing.tls.TlsFailure}):
     * during the opening, the handler hears a failed handshake and a 1006 close; later, the
     * connection ends as on a lost transport. The socket closes at once (the engine's alert, if any, is sent).
     */
    private void tlsFailed(long nowNanos) {
        TlsFailure failure = wire.failure().orElseThrow();
        eof = true;
        if (connection.state() == ConnectionState.CONNECTING) {
            handler.dispatch(openingFailed(new HandshakeFailure.TlsFailed(failure)), true);
        } else {
            handler.dispatch(connection.receiveEof(nowNanos), true);
        }
        closeNow();
    }

    @Override
    long deadline() {
        return switch (phase) {
            case ACTIVE -> earlier(connection.nextDeadlineNanos(), handler.deadline());
            case ENDING -> endDeadline;
            case DONE -> Long.MAX_VALUE;
        };
    }

    @Override
    void expire(long nowNanos) {
        if (phase == Phase.ENDING) {
            closeNow(); // the last bytes did not drain within the linger time
            return;
        }
        if (due(connection.nextDeadlineNanos(), nowNanos)) {
            handler.dispatch(connection.tick(nowNanos), phase != Phase.ACTIVE);
        }
        if (due(handler.deadline(), nowNanos)) {
            handler.tick(nowNanos);
        }
        settle(nowNanos);
    }

    /** After anything happened: deliver deferred events, write, end the transport when due, update interest. */
    void settle(long nowNanos) {
        isTouched = false;
        if (phase == Phase.DONE) {
            return;
        }
        if (handler.holding() && !readPaused) {
            handler.dispatch(List.of(), false);
        }
        if (!deferred.isEmpty()) {
            List<Event> events = List.copyOf(deferred);
            deferred.clear();
            handler.dispatch(events, phase != Phase.ACTIVE);
        }
        takeOutput();
        if (connection.shouldCloseTransport() && phase == Phase.ACTIVE) {
            phase = Phase.ENDING;
            endDeadline = nowNanos + settings.lingerNanos();
            wire.ending();
        }
        flush(nowNanos);
        if (phase == Phase.DONE) {
            return;
        }
        if (phase == Phase.ENDING && wire.drained(outbound)) {
            end(nowNanos);
            return;
        }
        socket.interest(!readPaused && !eof, wire.wantsWrite(outbound));
        loop.schedule(this);
    }

    void takeOutput() {
        if (connection.hasOutput()) {
            outbound.addAll(connection.takeOutput());
        }
    }

    private void flush(long nowNanos) {
        if (phase == Phase.DONE) {
            return;
        }
        try {
            wire.flush(outbound);
            if (wire.failure().isPresent()) {
                tlsFailed(nowNanos);
                return;
            }
        } catch (IOException broken) {
            outbound.clear();
            readAfterBrokenWrite(nowNanos);
            eof = true;
            handler.dispatch(connection.receiveEof(nowNanos), true);
            closeNow();
            return;
        }
        if (handler.open() && gate.drained(outboundBytes())) {
            handler.writable();
            takeOutput();
        }
    }

    /**
     * A write failed because the peer closed (RFC 6455 §7.1.1: it may close the TCP connection once
     * its close frame is sent): what it sent before — its close frame with the code saying why, e.g.
     * 1009 — may still be waiting in the socket, so the engine reads it before it hears the end.
     * Bounded: at most a few reads, only of bytes already received.
     */
    private void readAfterBrokenWrite(long nowNanos) {
        if (phase != Phase.ACTIVE || eof) {
            return;
        }
        readNanos = nowNanos;
        for (int i = 0; i < 16; i++) {
            try {
                if (wire.read(this) <= 0) {
                    return;
                }
            } catch (IOException reset) {
                return;
            }
        }
    }

    /** §7.1.1: the last bytes are written; the socket lingers (server: FIN first), then closes. */
    private void end(long nowNanos) {
        ended();
        if (eof) {
            closeSocket();
        } else {
            socket.linger(connection.role() == Role.SERVER, settings.lingerNanos(), nowNanos, handler::socketClosed);
        }
    }

    private void closeNow() {
        if (phase == Phase.DONE) {
            return;
        }
        ended();
        closeSocket();
    }

    /** Once: the driver leaves the loop, the engine frees its state, the handler hears of the end. */
    private void ended() {
        phase = Phase.DONE;
        loop.remove(this);
        connection.close();
        handler.closedOnce();
        onEnd.run();
    }

    private void closeSocket() {
        socket.close();
        handler.socketClosed();
    }

    @Override
    void abort() {
        closeNow();
    }
}
