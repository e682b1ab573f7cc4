package org.wslab.lab.stomp.socket;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;
import org.wslab.framing.engine.Event;
import org.wslab.lab.server.socket.SocketHandler;
import org.wslab.lab.server.socket.SocketPeer;
import org.wslab.lab.stomp.LabStomp;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.WebSocketPayload;
import org.wslab.stomp.session.StompServerOutput;
import org.wslab.stomp.session.StompServerSession;

/**
 * STOMP over WebSocket on our own engine ({@code wslab serve --engine wslab}): each text or binary
 * message (RFC 6455 §5.6) feeds a {@link StompServerSession} on the server's shared broker; its
 * frames go out as text messages when they are valid UTF-8 (§5.6 requires it of text), binary
 * otherwise; heart-beats (STOMP 1.2 "Heart-beating") run on the connection's reader thread through
 * {@link #tick}; an ERROR or DISCONNECT closes the WebSocket with 1000 (§7.4.1).
 */
public final class StompSocketHandler implements SocketHandler {
    private static final AtomicLong IDS = new AtomicLong();

    private final StompServerSession session;

    /** A session for the connection {@code peer} just opened, on {@code stomp}'s broker. */
    public StompSocketHandler(LabStomp stomp, SocketPeer peer) {
        this.session = new StompServerSession(stomp.broker(), stomp.sessionConfig(), new Output(peer),
                "sock-" + IDS.incrementAndGet(), System.nanoTime());
    }

    @Override
    public void onText(byte[] octets) {
        session.receive(octets, 0, octets.length, System.nanoTime());
    }

    @Override
    public void onBinary(byte[] data) {
        session.receive(data, 0, data.length, System.nanoTime());
    }

    @Override
    public void onClosed(Event.Closed closed) {
        session.transportClosed();
    }

    @Override
    public long tick(long nowNanos) {
        return session.tick(nowNanos);
    }

    /** The session's frames as WebSocket messages on {@code peer}. */
    private record Output(SocketPeer peer) implements StompServerOutput {
        @Override
        public void write(byte[] octets, StompFrame frameOrNullForHeartBeat) {
            String text = WebSocketPayload.asText(octets);
            if (text != null) {
                peer.sendText(text);
            } else {
                peer.sendBinary(octets);
            }
        }

        @Override
        public void close() {
            peer.close(1000, "STOMP session ended");
        }
    }
}
