package org.wslab.lab.stomp.socket;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import org.wslab.framing.codec.CloseCode;
import org.wslab.framing.engine.Event;
import org.wslab.framing.transport.SendResult;
import org.wslab.lab.server.socket.SocketHandler;
import org.wslab.lab.server.socket.SocketPeer;
import org.wslab.lab.stomp.LabStomp;
import org.wslab.stomp.codec.WebSocketPayload;
import org.wslab.stomp.session.OutboundMessage;
import org.wslab.stomp.session.StompServerSession;

/**
 * STOMP over WebSocket on our own engine ({@code wslab serve --engine wslab}), on the non-blocking
 * transport: every call runs on the connection's loop thread, so the sans-I/O
 * {@link StompServerSession} needs no lock. Each text or binary message (RFC 6455 §5.6) is fed to
 * the session as the engine's bytes (no String round trip); the session's frames go out as text
 * messages of those bytes when they are valid UTF-8 (§5.6 requires it of text), binary otherwise.
 *
 * <p>Flow control both ways (wslab policy): broker mail is pumped one message at a time while the
 * peer's bounded outbound queue takes more, and again on {@link #onWritable()}; the broker's
 * wake-up reaches the loop through {@link SocketPeer#execute}. Reading pauses while the session
 * says so (a subscriber it publishes to is over its mailbox limit) or while its own output cannot
 * be written, so a fast publisher is slowed by TCP instead of growing anyone's memory. An ERROR
 * or DISCONNECT closes the WebSocket with 1000 (§7.4.1) after its frame; the ERROR of a session cut
 * off as a slow consumer goes out past the outbound limit (by that one frame), then the close.
 */
public final class StompSocketHandler implements SocketHandler {
    private static final AtomicLong IDS = new AtomicLong();

    private final SocketPeer peer;
    private final StompServerSession session;
    /** Frames the session produced (RECEIPT, ERROR, a beat) that the outbound queue refused; one read's worth at most. */
    private final ArrayDeque<OutboundMessage> unsent = new ArrayDeque<>();
    private boolean closeSent;
    private boolean ended;

    /** A session for the connection {@code peer} just opened, on {@code stomp}'s broker. */
    public StompSocketHandler(LabStomp stomp, SocketPeer peer) {
        this.peer = peer;
        this.session = new StompServerSession(stomp.broker(), stomp.sessionConfig(), "sock-" + IDS.incrementAndGet(),
                () -> peer.execute(this::service), System.nanoTime());
    }

    @Override
    public void onText(byte[] utf8) {
        session.receive(ByteBuffer.wrap(utf8), System.nanoTime());
        service();
    }

    @Override
    public void onBinary(byte[] data) {
        session.receive(ByteBuffer.wrap(data), System.nanoTime());
        service();
    }

    @Override
    public void onWritable() {
        service();
    }

    @Override
    public long tick(long nowNanos) {
        if (!ended) {
            session.tick(nowNanos);
            service();
        }
        return ended ? Long.MAX_VALUE : session.nextDeadlineNanos();
    }

    @Override
    public void onClosed(Event.Closed closed) {
        ended = true;
        unsent.clear();
        session.transportClosed(System.nanoTime());
    }

    /** Writes what the session has, pumps broker mail while the peer takes it, then sets reading and closing. */
    private void service() {
        if (ended) {
            return;
        }
        long now = System.nanoTime();
        queue();
        while (unsent.isEmpty() && peer.writable() && session.hasMail()) {
            session.pump(now, 1); // one message: the outbound queue's limit holds to within one frame
            queue();
        }
        session.pump(now, 0); // the slow-consumer check, even when nothing could be pumped
        queue();
        if (session.shouldCloseTransport() && !closeSent) {
            if (unsent.isEmpty()) {
                closeSent = true;
                peer.close(CloseCode.NORMAL.code(), "STOMP session ended");
            } else if (session.failure().isPresent()) {
                closeSent = true;
                closeAfter(unsent.pollLast());
                unsent.clear();
            }
            // else a graceful end (DISCONNECT) waits for its last frames: onWritable() comes back
        }
        if (closeSent) {
            peer.resumeReading(); // nothing more goes out; the peer's Close must be read to end TCP (RFC 6455 §7.1.1)
        } else if (session.readPaused() || !unsent.isEmpty() || !peer.writable()) {
            peer.pauseReading();
        } else {
            peer.resumeReading();
        }
    }

    /**
     * Closes with 1000 after a failed session's ERROR that could not be queued (a cut-off slow
     * consumer's): it goes out past the outbound limit, then the close; frames before it that did
     * not fit are dropped — the ERROR says why, and the session's messages went back to the broker
     * as on any disconnect.
     */
    private void closeAfter(OutboundMessage error) {
        peer.sendLastThenClose(error.octets(), WebSocketPayload.isText(error.octets()), CloseCode.NORMAL.code(),
                "STOMP session ended");
    }

    /** Moves the session's output to the peer, keeping in order what the outbound queue refuses. */
    private void queue() {
        for (OutboundMessage m : session.takeOutput()) {
            unsent.add(m);
        }
        while (!unsent.isEmpty() && peer.writable()) {
            OutboundMessage m = unsent.peek();
            SendResult r = WebSocketPayload.isText(m.octets()) ? peer.sendText(m.octets()) : peer.sendBinary(m.octets());
            if (r == SendResult.OUTBOUND_FULL) {
                return; // not reached while writable() holds; onWritable() comes back for the rest
            }
            unsent.poll(); // SENT, or NOT_OPEN: nothing more can go out after a close (§5.5.1)
        }
    }
}
