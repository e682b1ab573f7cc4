package org.wslab.stomp.jetty;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.session.StompServerOutput;
import org.wslab.stomp.session.StompServerSession;

/**
 * One STOMP-over-WebSocket connection on Jetty 12: WebSocket messages (text or binary) feed a
 * {@link StompServerSession}; its frames go out as text messages when they are UTF-8, binary
 * otherwise; heart-beats run on the endpoint's scheduler; ERROR and DISCONNECT close with 1000.
 * The WebSocket's idle timeout is {@link StompEndpointConfig#idleTimeout()}, raised after CONNECTED
 * so that negotiated heart-beats (STOMP 1.2 "Heart-beating") are never cut short by Jetty.
 */
public final class StompServerEndpoint implements Session.Listener.AutoDemanding {
    private static final AtomicLong IDS = new AtomicLong();

    private final StompEndpointConfig config;
    private final String subProtocol;
    private final String id = "ws-" + IDS.incrementAndGet();
    private volatile Session ws;
    private volatile StompServerSession stomp;
    private volatile Ticker ticker;
    private volatile boolean idleTimeoutFitted;

    /** An endpoint for a connection that agreed on {@code subProtocol} (null when none). */
    public StompServerEndpoint(StompEndpointConfig config, String subProtocol) {
        this.config = config;
        this.subProtocol = subProtocol;
    }

    /** The STOMP session (null before open). */
    public StompServerSession session() {
        return stomp;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        ws = session;
        WebSocketText.fitMessageSizes(session, config.session().limits());
        session.setIdleTimeout(config.idleTimeout());
        config.tap().opened(id, subProtocol);
        stomp = new StompServerSession(config.broker(), config.session(), new Output(), id, System.nanoTime());
        ticker = new Ticker(config.scheduler(), stomp::tick);
    }

    @Override
    public void onWebSocketText(String message) {
        byte[] octets = message.getBytes(StandardCharsets.UTF_8);
        config.tap().inbound(id, octets);
        stomp.receive(octets, 0, octets.length, System.nanoTime());
        received();
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] octets = new byte[payload.remaining()];
        payload.get(octets);
        config.tap().inbound(id, octets);
        stomp.receive(octets, 0, octets.length, System.nanoTime());
        callback.succeed();
        received();
    }

    private void received() {
        if (!idleTimeoutFitted && stomp.isConnected()) {
            idleTimeoutFitted = true;
            HeartBeatIdleTimeout.fit(ws, stomp.heartBeatMillis(), config.session().silenceTolerance());
        }
        ticker.poke();
    }


    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        ended();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        ended();
    }

    private void ended() {
        if (ticker != null) {
            ticker.stop();
        }
        if (stomp != null) {
            stomp.transportClosed();
        }
        config.tap().closed(id);
    }

    private final class Output implements StompServerOutput {
        @Override
        public void write(byte[] octets, StompFrame frame) {
            config.tap().outbound(id, octets);
            WebSocketText.send(ws, octets);
        }

        @Override
        public void close() {
            ws.close(StatusCode.NORMAL, "STOMP session ended", Callback.NOOP);
        }
    }
}
