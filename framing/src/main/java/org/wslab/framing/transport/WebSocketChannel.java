package org.wslab.framing.transport;

import java.util.Optional;
import org.wslab.framing.codec.Opcode;
import org.wslab.framing.codec.ProtocolError;
import org.wslab.framing.codec.Role;
import org.wslab.framing.codec.Violation;
import org.wslab.framing.engine.ConnectionState;
import org.wslab.framing.engine.Event;
import org.wslab.framing.tls.TlsFacts;
import org.wslab.handshake.deflate.DeflateParameters;

/**
 * One WebSocket connection on a {@link Transport} as its {@link WebSocketHandler} sees it: the
 * peer to send to (RFC 6455 §5.6 messages, §5.5.2 pings, §7.1.2 close), its outbound queue and
 * its reading.
 *
 * <p>Every method but {@link #execute} must be called on the connection's loop thread (the
 * handler's calls already are); {@link #execute} is thread-safe and runs a task there — the way
 * other threads (a broker's mailbox) reach the connection. Output goes to a bounded outbound queue
 * ({@link TransportSettings#maxOutboundBytes()}): a send into a full queue is refused with
 * {@link SendResult#OUTBOUND_FULL} and {@link WebSocketHandler#onWritable()} follows once it has
 * drained below half; sending again before that fails the connection with
 * {@link org.wslab.framing.codec.Violation#OUTBOUND_OVERFLOW} (wslab policy). Reading stops while
 * {@link #pauseReading() paused}, so TCP holds the peer back.
 */
public final class WebSocketChannel {
    private final ChannelDriver driver;

    WebSocketChannel(ChannelDriver driver) {
        this.driver = driver;
    }

    /** The handshake outcome once OPEN (sub-protocol, deflate, the request or response heads). */
    public Optional<Event.HandshakeCompleted> opened() {
        return driver.handler().opened();
    }

    /** What the TLS handshake agreed (RFC 8446 §4), on a {@code wss://} connection once it has finished; else empty. */
    public Optional<TlsFacts> tls() {
        return driver.wire().facts();
    }

    /** The sub-protocol agreed (§4.2.2 /subprotocol/), if any. */
    public Optional<String> subprotocol() {
        return opened().flatMap(Event.HandshakeCompleted::subprotocol);
    }

    /** The negotiated permessage-deflate (RFC 7692 §7), if any. */
    public Optional<DeflateParameters> deflate() {
        return driver.connection().deflate();
    }

    /** Our role. */
    public Role role() {
        return driver.connection().role();
    }

    /** Sends a text message (§5.6). */
    public SendResult sendText(String text) {
        return send(() -> driver.connection().sendText(text));
    }

    /** Sends a text message of bytes known to be valid UTF-8 (not validated again, §8.1). */
    public SendResult sendText(byte[] utf8) {
        return send(() -> driver.connection().sendText(utf8));
    }

    /** Sends a binary message (§5.6). */
    public SendResult sendBinary(byte[] data) {
        return send(() -> driver.connection().sendBinary(data));
    }

    /** Sends one fragment of a message (§5.4); the first names the type, the last has {@code fin}. */
    public SendResult sendFragment(Opcode type, byte[] piece, boolean fin) {
        return send(() -> driver.connection().sendFragment(type, piece, fin));
    }

    /** Sends a ping (≤ 125 bytes, §5.5.2); control frames count against the limit too. */
    public SendResult sendPing(byte[] payload) {
        return send(() -> driver.connection().sendPing(payload));
    }

    /** Starts the closing handshake (§7.1.2); false when already closing or closed. */
    public boolean close(int code, String reason) {
        driver.checkLoop();
        boolean started = driver.connection().close(code, reason, System.nanoTime());
        driver.touch();
        return started;
    }

    /**
     * Sends a last text message of bytes known to be valid UTF-8, then starts the closing handshake
     * (§7.1.2) — even when the outbound queue is full: nothing can follow the close (§5.5.1), so this
     * exceeds the limit by one message at most. For an application's final word to a peer it is
     * cutting off (a STOMP ERROR before the close). False when not OPEN (nothing is sent).
     */
    public boolean sendLastTextThenClose(byte[] utf8, int code, String reason) {
        return sendLastThenClose(() -> driver.connection().sendText(utf8), code, reason);
    }

    /** Like {@link #sendLastTextThenClose} with a binary message. */
    public boolean sendLastBinaryThenClose(byte[] data, int code, String reason) {
        return sendLastThenClose(() -> driver.connection().sendBinary(data), code, reason);
    }

    /** Bytes queued for the socket and not yet written. */
    public long outboundBytes() {
        return driver.outboundBytes();
    }

    /** Whether a send would be accepted now: OPEN and below the outbound limit. */
    public boolean writable() {
        return driver.writable();
    }

    /** Stops reading the socket until {@link #resumeReading()}; events already read are still delivered. */
    public void pauseReading() {
        driver.readPaused(true);
    }

    /** Reads again after {@link #pauseReading()}. */
    public void resumeReading() {
        driver.readPaused(false);
    }

    /** Whether reading is paused. */
    public boolean readPaused() {
        return driver.readPaused();
    }

    /** Whether the caller runs on this connection's loop thread (where sends must be made). */
    public boolean onLoopThread() {
        return driver.loop().inLoop();
    }

    /**
     * Runs {@code task} on this connection's loop thread soon, then the handler's
     * {@link WebSocketHandler#tick} (its deadline may have changed). Thread-safe; wakes the selector.
     */
    public void execute(Runnable task) {
        driver.loop().execute(() -> driver.afterTask(task));
    }

    /** A send through the engine: false when it was not OPEN. */
    private interface EngineSend {
        boolean send();
    }

    /** A send admitted by the outbound limit ({@link SendGate}); the second into a full queue fails the connection. */
    private SendResult send(EngineSend op) {
        driver.checkLoop();
        if (driver.connection().state() != ConnectionState.OPEN) {
            return SendResult.NOT_OPEN;
        }
        switch (driver.gate().admit(driver.outboundBytes())) {
            case OVERFLOW -> {
                driver.failLocally(new ProtocolError(Violation.OUTBOUND_OVERFLOW, driver.outboundBytes() + " bytes queued"));
                driver.touch();
                return SendResult.OUTBOUND_FULL;
            }
            case REFUSE -> {
                return SendResult.OUTBOUND_FULL;
            }
            case ADMIT -> { }
        }
        if (!op.send()) {
            return SendResult.NOT_OPEN;
        }
        driver.takeOutput();
        driver.gate().sent(driver.outboundBytes());
        driver.touch();
        return SendResult.SENT;
    }

    /**
     * A last message and then the closing handshake (§7.1.2), past the outbound limit if need be:
     * nothing can follow a close frame (§5.5.1), so the queue grows by this one message at most.
     */
    private boolean sendLastThenClose(EngineSend last, int code, String reason) {
        driver.checkLoop();
        if (driver.connection().state() != ConnectionState.OPEN) {
            return false;
        }
        last.send();
        boolean started = driver.connection().close(code, reason, System.nanoTime());
        driver.takeOutput();
        driver.touch();
        return started;
    }
}
