package org.wslab.framing.engine;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.codec.FrameEncoder;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.codec.ProtocolError;
import org.wslab.framing.codec.Role;
import org.wslab.handshake.deflate.DeflateParameters;

/**
 * A sans-I/O WebSocket connection for either role (RFC 6455 §4–§7, RFC 7692): bytes in, events
 * out; calls in, bytes to write out. No sockets, threads or clocks: the caller passes
 * {@code nowNanos} and drives timeouts with {@link #tick}.
 *
 * <pre>
 *   conn = Connection.client(handshake, settings, now)   // or server(...) / open(...)
 *   write(conn.takeOutput())                              // the request, for a client
 *   loop: events = conn.receive(bytesRead, now); write(conn.takeOutput()); handle(events)
 *         on EOF: conn.receiveEof(now); on wake-up: conn.tick(now) (see nextDeadlineNanos)
 *         until conn.state() == CLOSED: write the last output, close the socket
 * </pre>
 *
 * It answers pings (§5.5.2), reassembles fragments with control frames between them (§5.4),
 * validates text (§8.1), enforces frame and message limits (1009), runs the closing handshake
 * (§7.1.2–§7.1.5: echoes the code, reports 1005 for an empty close) and fails the connection
 * with the rule's close code on every protocol error (§7.1.7), after which it sends nothing.
 */
public final class Connection implements AutoCloseable {
    private final Role role;
    private final EngineSettings settings;
    private final OutboundFrames out;
    private final ConnectionClock clock;
    private final ClosingHandshake closing;
    private OpeningHandshake handshake;
    private InboundFrames inbound;
    private ConnectionState state;
    private Optional<DeflateParameters> deflate = Optional.empty();

    private Connection(Role role, EngineSettings settings, long nowNanos) {
        this.role = role;
        this.settings = settings;
        FrameEncoder encoder = settings.maskKeys() == null ? new FrameEncoder(role)
                : new FrameEncoder(role, settings.maskKeys());
        this.out = new OutboundFrames(encoder, settings.listener());
        this.clock = new ConnectionClock(settings, nowNanos);
        this.closing = new ClosingHandshake(out);
    }

    /** A client that starts the opening handshake (the request is in {@link #takeOutput()}). */
    public static Connection client(OpeningHandshake handshake, EngineSettings settings, long nowNanos) {
        return handshaking(Role.CLIENT, handshake, settings, nowNanos);
    }

    /** A server waiting for the client's opening handshake. */
    public static Connection server(OpeningHandshake handshake, EngineSettings settings, long nowNanos) {
        return handshaking(Role.SERVER, handshake, settings, nowNanos);
    }

    private static Connection handshaking(Role role, OpeningHandshake hs, EngineSettings settings, long now) {
        Connection c = new Connection(role, settings, now);
        c.state = ConnectionState.CONNECTING;
        c.handshake = hs;
        c.clock.handshakeStarted(now);
        c.out.queueRaw(hs.start());
        return c;
    }

    /** A connection whose handshake happened elsewhere: OPEN at once, with the negotiated deflate. */
    public static Connection open(Role role, Optional<DeflateParameters> deflate, EngineSettings settings,
                                  long nowNanos) {
        Connection c = new Connection(role, settings, nowNanos);
        c.becomeOpen(deflate);
        return c;
    }

    private void becomeOpen(Optional<DeflateParameters> negotiated) {
        deflate = negotiated;
        OpenPipeline pipeline = OpenPipeline.of(role, settings, negotiated);
        inbound = new InboundFrames(pipeline, out, closing, settings.listener());
        if (pipeline.compressor() != null) {
            out.enableCompression(pipeline.compressor());
        }
        state = ConnectionState.OPEN;
        clock.opened();
    }

    /** Our role. */
    public Role role() {
        return role;
    }

    /** The current state. */
    public ConnectionState state() {
        return state;
    }

    /** The negotiated permessage-deflate parameters, once OPEN. */
    public Optional<DeflateParameters> deflate() {
        return deflate;
    }

    /**
     * Feeds bytes read from the transport. Consumes all of {@code in} (bytes after the connection
     * closed are discarded) and returns the events they complete, in order.
     */
    public List<Event> receive(ByteBuffer in, long nowNanos) {
        return receive(in, nowNanos, false);
    }

    /**
     * As {@link #receive}, but stops after the first whole text or binary message when more bytes
     * follow it, leaving them in {@code in}: an adapter that hands each batch of events to the
     * application before it feeds the rest lets the application answer a message before a Close
     * that arrived in the same read is answered (RFC 6455 §5.5.1 lets an endpoint finish sending
     * before its Close; §1.4), so nothing it received whole is left unanswered. Call it again
     * while {@code in} has bytes and the connection is not CLOSED.
     */
    public List<Event> receiveNext(ByteBuffer in, long nowNanos) {
        return receive(in, nowNanos, true);
    }

    private List<Event> receive(ByteBuffer in, long nowNanos, boolean oneMessage) {
        List<Event> events = new ArrayList<>(2);
        clock.input(nowNanos);
        if (state == ConnectionState.CONNECTING) {
            handshakeInput(in, events);
        }
        if (state == ConnectionState.OPEN || state == ConnectionState.CLOSING) {
            Event.Closed closed = inbound.receive(in, state == ConnectionState.OPEN, events, oneMessage);
            if (closed != null) {
                finish(events, closed);
            }
        }
        Event last = events.isEmpty() ? null : events.get(events.size() - 1);
        boolean stoppedAtMessage = oneMessage && state != ConnectionState.CLOSED && in.hasRemaining()
                && (last instanceof Event.TextMessage || last instanceof Event.BinaryMessage);
        if (!stoppedAtMessage) {
            in.position(in.limit()); // all consumed; bytes after the end are discarded
        }
        return events;
    }

    private void handshakeInput(ByteBuffer in, List<Event> events) {
        OpeningHandshake.Step step = handshake.receive(in);
        if (step instanceof OpeningHandshake.Step.Completed done) {
            out.queueRaw(done.toSend());
            handshake = null;
            becomeOpen(done.deflate());
            events.add(new Event.HandshakeCompleted(done.subprotocol(), done.deflate(), done.exchange()));
        } else if (step instanceof OpeningHandshake.Step.Rejected no) {
            out.queueRaw(no.toSend());
            handshake = null;
            state = ConnectionState.CLOSED;
            events.add(new Event.HandshakeFailed(no.failure()));
            events.add(ClosingHandshake.abnormal(no.failure().reason()));
        }
    }

    /** §7.1.7 _Fail the WebSocket Connection_: send a close with the rule's code (if we still may), stop. */
    private void fail(ProtocolError error, List<Event> events) {
        finish(events, closing.fail(error, state == ConnectionState.OPEN));
    }

    private void finish(List<Event> events, Event.Closed closed) {
        state = ConnectionState.CLOSED;
        clock.closed();
        events.add(closed);
        release();
    }

    /**
     * Fails the connection for a rule broken on our side of the transport (§7.1.7, e.g. a wslab
     * policy such as an outbound buffer overflow): queues a close with the rule's code if we may
     * still send one, and returns the {@link Event.Closed}. Nothing once CLOSED.
     */
    public List<Event> failLocally(ProtocolError error, long nowNanos) {
        if (state == ConnectionState.CLOSED) {
            return List.of();
        }
        List<Event> events = new ArrayList<>(1);
        if (state == ConnectionState.CONNECTING) {
            handshake = null;
            finish(events, ClosingHandshake.abnormal(error.reason()));
        } else {
            fail(error, events);
        }
        return events;
    }

    /** The transport reached end of stream (§7.1.5: 1006 unless the closing handshake finished). */
    public List<Event> receiveEof(long nowNanos) {
        if (state == ConnectionState.CLOSED) {
            return List.of();
        }
        List<Event> events = new ArrayList<>(1);
        if (state == ConnectionState.CONNECTING) {
            events.add(new Event.HandshakeFailed(new HandshakeFailure.Ended(OpeningRule.CLOSED_DURING_HANDSHAKE,
                    "end of stream")));
        }
        finish(events, ClosingHandshake.abnormal("RFC 6455 §7.1.5 — the connection closed without a close frame"));
        return events;
    }

    /** Runs the clock: handshake, close and idle timeouts. Returns the events they cause. */
    public List<Event> tick(long nowNanos) {
        List<Event> events = new ArrayList<>(1);
        switch (clock.expired(state, nowNanos)) {
            case HANDSHAKE -> {
                HandshakeFailure timeout = new HandshakeFailure.Ended(OpeningRule.HANDSHAKE_TIMEOUT,
                        settings.handshakeTimeoutNanos() + " ns");
                events.add(new Event.HandshakeFailed(timeout));
                finish(events, ClosingHandshake.abnormal(timeout.reason()));
            }
            case CLOSE -> finish(events, ClosingHandshake.abnormal("RFC 6455 §7.1.1 — no close frame within the close timeout"));
            case IDLE -> close(CloseCode.GOING_AWAY.code(), "idle timeout", nowNanos);
            case NONE -> { }
        }
        return events;
    }

    /** When {@link #tick} next has something to do; {@link Long#MAX_VALUE} when nothing is pending. */
    public long nextDeadlineNanos() {
        return clock.next(state);
    }

    /** Sends a text message in one frame; false (nothing sent) unless OPEN. */
    public boolean sendText(String text) {
        return sendFragment(Opcode.TEXT, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
    }

    /**
     * Sends a text message of bytes the caller knows to be valid UTF-8 (§5.6, §8.1: e.g. a
     * message received as text, or a codec's own output); they are not validated again.
     * False (nothing sent) unless OPEN.
     */
    public boolean sendText(byte[] utf8) {
        return sendFragment(Opcode.TEXT, utf8, true);
    }

    /** Sends a binary message in one frame; false (nothing sent) unless OPEN. */
    public boolean sendBinary(byte[] data) {
        return sendFragment(Opcode.BINARY, data, true);
    }

    /**
     * Sends the next fragment of a {@code type} (TEXT or BINARY) message (§5.4); {@code fin} ends
     * it. Pings and pongs may be sent between fragments. False (nothing sent) unless OPEN.
     * A text message's fragments may split code points; the whole must be UTF-8.
     */
    public boolean sendFragment(Opcode type, byte[] piece, boolean fin) {
        if (state != ConnectionState.OPEN) {
            return false;
        }
        out.fragment(type, piece, fin);
        return true;
    }

    /** Sends a ping (≤ 125 bytes, §5.5.2); false unless OPEN. */
    public boolean sendPing(byte[] payload) {
        return sendControl(Opcode.PING, payload);
    }

    /** Sends an unsolicited pong (≤ 125 bytes, §5.5.3); false unless OPEN. */
    public boolean sendPong(byte[] payload) {
        return sendControl(Opcode.PONG, payload);
    }

    private boolean sendControl(Opcode op, byte[] payload) {
        if (state != ConnectionState.OPEN) {
            return false;
        }
        out.control(op, payload);
        return true;
    }

    /**
     * Starts the closing handshake (§7.1.2): sends a close with {@code code} (1005 = no code) and
     * waits up to the close timeout for the peer's. False when already closing or closed.
     */
    public boolean close(int code, String reason, long nowNanos) {
        if (state == ConnectionState.CONNECTING) {
            // no WebSocket connection yet, so no close frame: just give up (§7.1.1)
            state = ConnectionState.CLOSED;
            handshake = null;
            release();
            return true;
        }
        if (state != ConnectionState.OPEN) {
            return false;
        }
        closing.start(code, reason);
        state = ConnectionState.CLOSING;
        clock.closeSent(nowNanos);
        return true;
    }

    /** Whether bytes are waiting to be written. */
    public boolean hasOutput() {
        return out.hasOutput();
    }

    /** How many bytes are waiting in {@link #takeOutput()} (a transport's outbound limit counts them). */
    public long outputBytes() {
        return out.queuedBytes();
    }

    /**
     * The explicit "close the transport now" signal (RFC 6455 §7.1.1): true once the connection
     * is CLOSED — after a closing handshake, a failure (§7.1.7), a refused handshake or a
     * timeout. Write what {@link #takeOutput()} still holds, then end the TCP connection: a
     * server first (shut its output, drain the peer's input briefly, close); a client waits for
     * the server's FIN, for a bounded time. The engine never sends anything after this.
     */
    public boolean shouldCloseTransport() {
        return state == ConnectionState.CLOSED;
    }

    /** The bytes to write, in order; the queue is emptied. */
    public List<ByteBuffer> takeOutput() {
        return out.take();
    }

    private void release() {
        if (inbound != null) {
            inbound.close();
        }
        out.close();
    }

    /** Frees native zlib state; the connection is CLOSED afterwards. */
    @Override
    public void close() {
        state = ConnectionState.CLOSED;
        release();
    }
}
