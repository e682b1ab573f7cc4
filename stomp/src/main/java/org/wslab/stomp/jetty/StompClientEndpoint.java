package org.wslab.stomp.jetty;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.wslab.stomp.client.StompClient;
import org.wslab.stomp.client.StompClientOutput;
import org.wslab.stomp.client.StompConnection;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.session.ClientConnectOptions;

/**
 * The Jetty listener behind {@link StompWebSocketClient}: one WebSocket connection driving a
 * {@link StompClient} (STOMP over WebSocket: RFC 6455 §1.9 sub-protocol, STOMP 1.2 "Connecting").
 * Public only because Jetty invokes listeners reflectively.
 */
public final class StompClientEndpoint implements Session.Listener.AutoDemanding, StompClientOutput {
    private final CompletableFuture<StompConnection> result = new CompletableFuture<>();

    /** Completes with the connection once CONNECTED arrives. */
    CompletableFuture<StompConnection> result() {
        return result;
    }
    private final ClientConnectOptions options;
    private final String id;
    private final StompWireTap tap;
    private final StompLimits limits;
    private final ScheduledExecutorService scheduler;
    private volatile Session ws;
    private volatile StompClient stomp;
    private volatile Ticker ticker;

    StompClientEndpoint(ClientConnectOptions options, String id, StompWireTap tap, StompLimits limits,
                        ScheduledExecutorService scheduler) {
        this.options = options;
        this.id = id;
        this.tap = tap;
        this.limits = limits;
        this.scheduler = scheduler;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        ws = session;
        WebSocketText.fitMessageSizes(session, limits);
        String sub = session.getUpgradeResponse().getAcceptedSubProtocol();
        tap.opened(id, sub);
        stomp = new StompClient(this, limits);
        ticker = new Ticker(scheduler, stomp::tick);
        StompConnection connection = new StompConnection(stomp, sub);
        stomp.connect(options, System.nanoTime()).whenComplete((f, e) -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                // the client drops a server silent past its tolerance: keep Jetty from cutting first
                HeartBeatIdleTimeout.fit(ws, stomp.heartBeatMillis(), options.heartBeatTolerance());
                result.complete(connection);
                ticker.poke();
            }
        });
    }

    @Override
    public void onWebSocketText(String message) {
        byte[] octets = message.getBytes(StandardCharsets.UTF_8);
        tap.inbound(id, octets);
        stomp.receive(octets, 0, octets.length, System.nanoTime());
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] octets = new byte[payload.remaining()];
        payload.get(octets);
        tap.inbound(id, octets);
        stomp.receive(octets, 0, octets.length, System.nanoTime());
        callback.succeed();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        ended();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        result.completeExceptionally(cause);
        ended();
    }

    private void ended() {
        if (ticker != null) {
            ticker.stop();
        }
        if (stomp != null) {
            stomp.transportClosed();
        }
        tap.closed(id);
    }

    @Override
    public void write(byte[] octets) {
        tap.outbound(id, octets);
        WebSocketText.send(ws, octets);
    }

    @Override
    public void close() {
        ws.close(StatusCode.NORMAL, "STOMP client done", Callback.NOOP);
    }
}
