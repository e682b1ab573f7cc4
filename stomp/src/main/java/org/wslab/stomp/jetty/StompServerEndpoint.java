package org.wslab.stomp.jetty;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.codec.WebSocketPayload;
import org.wslab.stomp.runtime.SerialExecutor;
import org.wslab.stomp.session.OutboundMessage;
import org.wslab.stomp.session.StompServerSession;

/**
 * One STOMP-over-WebSocket connection on Jetty 12: WebSocket messages (text or binary) feed a
 * {@link StompServerSession}; its frames go out as text messages when they are UTF-8, binary
 * otherwise (RFC 6455 §5.6); ERROR and DISCONNECT close with 1000.
 *
 * <p>Non-blocking and bounded (wslab policy): every call into the session — a message, the broker's
 * wake-up, a completed send, a heart-beat tick — runs through one {@link SerialExecutor} per
 * connection on whichever Jetty thread brings it, so the session stays single-threaded and nobody
 * waits. Reading uses explicit demand: the next message is asked for only while the session is not
 * {@link StompServerSession#readPaused() paused} (producer flow control) and the bytes in flight are
 * under {@link StompEndpointConfig#maxBytesInFlight()}. Sends carry a Jetty {@link Callback} that
 * counts octets and frames in flight; broker mail is pumped only while both are under their limits,
 * and again on every completed send; a failed send ends the session with {@link StompRule#SEND_FAILED}.
 * The idle timeout is {@link StompEndpointConfig#idleTimeout()}, raised after CONNECTED so that
 * negotiated heart-beats (STOMP 1.2 "Heart-beating") are never cut short by Jetty.
 */
public final class StompServerEndpoint implements Session.Listener {
    private static final AtomicLong IDS = new AtomicLong();

    private final StompEndpointConfig config;
    private final String subProtocol;
    private final String id = "ws-" + IDS.incrementAndGet();
    private final SerialExecutor serial = new SerialExecutor();
    // all below: touched only inside `serial`
    private Session ws;
    private StompServerSession stomp;
    private SerialTicker ticker;
    private boolean idleTimeoutFitted;
    private boolean demandOwed;
    private boolean closeSent;
    private boolean ended;
    private long bytesInFlight;
    private int framesInFlight;
    private volatile StompServerSession published;

    /** An endpoint for a connection that agreed on {@code subProtocol} (null when none). */
    public StompServerEndpoint(StompEndpointConfig config, String subProtocol) {
        this.config = config;
        this.subProtocol = subProtocol;
    }

    /** The STOMP session (null before open); for status pages and tests, not to be called into. */
    public StompServerSession session() {
        return published;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        serial.execute(() -> {
            ws = session;
            WebSocketText.fitMessageSizes(session, config.session().limits());
            session.setIdleTimeout(config.idleTimeout());
            config.tap().opened(id, subProtocol);
            stomp = new StompServerSession(config.broker(), config.session(), id,
                    () -> serial.execute(this::flush), System.nanoTime());
            published = stomp;
            ticker = new SerialTicker(config.scheduler(), serial, this::tick);
            demandOwed = true;
            flush();
        });
    }

    @Override
    public void onWebSocketText(String message) {
        serial.execute(() -> received(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8))));
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        serial.execute(() -> {
            received(payload);
            callback.succeed();
        });
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        serial.execute(() -> {
            demandOwed = true; // Jetty answers the ping itself; the demand it used is owed back
            flush();
        });
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        onWebSocketPing(payload);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        serial.execute(this::ended);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        serial.execute(this::ended);
    }

    private void received(ByteBuffer octets) {
        if (ended) {
            return;
        }
        if (config.tap() != StompWireTap.NONE) {
            byte[] copy = new byte[octets.remaining()];
            octets.duplicate().get(copy);
            config.tap().inbound(id, copy);
        }
        stomp.receive(octets, System.nanoTime());
        if (!idleTimeoutFitted && stomp.isConnected()) {
            idleTimeoutFitted = true;
            HeartBeatIdleTimeout.fit(ws, stomp.heartBeatMillis(), config.session().silenceTolerance());
        }
        demandOwed = true;
        flush();
    }

    private void tick() {
        if (!ended) {
            stomp.tick(System.nanoTime());
            flush();
        }
    }

    /** Pumps broker mail while the transport has room, sends the output, closes, asks for more input. */
    private void flush() {
        if (ended || stomp == null) {
            return;
        }
        long now = System.nanoTime();
        stomp.pump(now, 0); // the slow-consumer check even when there is no room
        send(stomp);
        while (!closeSent && bytesInFlight < config.maxBytesInFlight() && framesInFlight < config.maxFramesInFlight()
                && stomp.hasMail()) {
            stomp.pump(now, 1); // one item at a time, so both limits hold exactly
            send(stomp);
        }
        if (stomp.shouldCloseTransport() && !closeSent) {
            closeSent = true;
            ws.close(StatusCode.NORMAL, "STOMP session ended", Callback.from(() -> { }, x -> ws.disconnect()));
        }
        if (closeSent && demandOwed) {
            // nothing more goes out: read on (the session discards it) until the peer's Close, or a
            // peer still writing a large message blocks on a full TCP buffer and never reads our ERROR
            // and Close (RFC 6455 §7.1.1)
            demandOwed = false;
            ws.demand();
        } else if (!closeSent && demandOwed && !stomp.readPaused() && bytesInFlight < config.maxBytesInFlight()) {
            demandOwed = false;
            ws.demand();
        }
        ticker.at(stomp.nextDeadlineNanos());
    }

    private void send(StompServerSession s) {
        for (OutboundMessage m : s.takeOutput()) {
            if (closeSent) {
                return;
            }
            byte[] octets = m.octets();
            config.tap().outbound(id, octets);
            bytesInFlight += octets.length;
            framesInFlight++;
            Callback done = Callback.from(() -> serial.execute(() -> sent(octets.length)),
                    x -> serial.execute(() -> sendFailed(x)));
            String text = WebSocketPayload.asText(octets);
            if (text != null) {
                ws.sendText(text, done);
            } else {
                ws.sendBinary(ByteBuffer.wrap(octets), done);
            }
        }
    }

    private void sent(int octets) {
        bytesInFlight -= octets;
        framesInFlight--;
        flush();
    }

    private void sendFailed(Throwable cause) {
        if (!ended) {
            stomp.transportFailed(StompViolation.of(StompRule.SEND_FAILED, String.valueOf(cause)), System.nanoTime());
            ended();
            ws.disconnect();
        }
    }

    private void ended() {
        if (ended) {
            return;
        }
        ended = true;
        if (ticker != null) {
            ticker.stop();
        }
        if (stomp != null) {
            stomp.transportClosed(System.nanoTime());
        }
        config.tap().closed(id);
    }
}
