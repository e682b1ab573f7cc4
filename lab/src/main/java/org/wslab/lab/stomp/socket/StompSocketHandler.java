package org.wslab.lab.stomp.socket;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.wslab.framing.engine.Event;
import org.wslab.lab.server.socket.SocketHandler;
import org.wslab.lab.server.socket.SocketPeer;
import org.wslab.lab.stomp.LabStomp;
import org.wslab.stomp.codec.WebSocketPayload;
import org.wslab.stomp.runtime.SerialExecutor;
import org.wslab.stomp.session.OutboundMessage;
import org.wslab.stomp.session.StompServerSession;

/**
 * STOMP over WebSocket on our own engine ({@code wslab serve --engine wslab}): each text or binary
 * message (RFC 6455 §5.6) feeds a {@link StompServerSession} on the server's shared broker; its
 * frames go out as text messages when they are valid UTF-8 (§5.6 requires it of text), binary
 * otherwise; heart-beats (STOMP 1.2 "Heart-beating") run through {@link #tick}; an ERROR or
 * DISCONNECT closes the WebSocket with 1000 (§7.4.1).
 *
 * <p>An interim adapter on the blocking socket engine: every session call runs through one
 * {@link SerialExecutor}, and the broker's wake-up pumps all mail and writes it on the waking thread
 * (a blocking write; no outbound budget, no read pause). The non-blocking transport replaces it.
 */
public final class StompSocketHandler implements SocketHandler {
    private static final AtomicLong IDS = new AtomicLong();
    /** When a tick was queued behind another thread's work, the engine asks again this much later. */
    private static final long RETRY_TICK_NANOS = 10_000_000;

    private final SerialExecutor serial = new SerialExecutor();
    private final SocketPeer peer;
    private final StompServerSession session;
    private boolean closeSent;

    /** A session for the connection {@code peer} just opened, on {@code stomp}'s broker. */
    public StompSocketHandler(LabStomp stomp, SocketPeer peer) {
        this.peer = peer;
        this.session = new StompServerSession(stomp.broker(), stomp.sessionConfig(), "sock-" + IDS.incrementAndGet(),
                () -> serial.execute(this::flush), System.nanoTime());
    }

    @Override
    public void onText(String text) {
        byte[] octets = text.getBytes(StandardCharsets.UTF_8);
        serial.execute(() -> {
            session.receive(ByteBuffer.wrap(octets), System.nanoTime());
            flush();
        });
    }

    @Override
    public void onBinary(byte[] data) {
        serial.execute(() -> {
            session.receive(ByteBuffer.wrap(data), System.nanoTime());
            flush();
        });
    }

    @Override
    public void onClosed(Event.Closed closed) {
        serial.execute(() -> session.transportClosed(System.nanoTime()));
    }

    @Override
    public long tick(long nowNanos) {
        long[] next = {-1};
        serial.execute(() -> {
            session.tick(nowNanos);
            flush();
            next[0] = session.nextDeadlineNanos();
        });
        return next[0] >= 0 ? next[0] : nowNanos + RETRY_TICK_NANOS; // another thread ran it: ask again soon
    }

    private void flush() {
        session.pump(System.nanoTime(), Long.MAX_VALUE);
        for (OutboundMessage m : session.takeOutput()) {
            String text = WebSocketPayload.asText(m.octets());
            if (text != null) {
                peer.sendText(text);
            } else {
                peer.sendBinary(m.octets());
            }
        }
        if (session.shouldCloseTransport() && !closeSent) {
            closeSent = true;
            peer.close(1000, "STOMP session ended");
        }
    }
}
