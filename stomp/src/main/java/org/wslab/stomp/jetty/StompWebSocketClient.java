package org.wslab.stomp.jetty;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.wslab.stomp.client.StompConnection;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.session.ClientConnectOptions;

/**
 * A STOMP client over Jetty 12's {@link WebSocketClient}: offers {@code v10.stomp, v11.stomp,
 * v12.stomp} (those of the accepted versions, as in the source notes), sends CONNECT once the
 * WebSocket is open, and completes when CONNECTED arrives. Heart-beats run on its own scheduler.
 */
public final class StompWebSocketClient implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong();

    private final WebSocketClient jetty;
    private final boolean ownsJetty;
    private final ScheduledExecutorService scheduler;
    private final StompLimits limits;
    private final StompWireTap tap;

    /** A client with its own started Jetty WebSocketClient. */
    public StompWebSocketClient() throws Exception {
        this(startedClient(), true, StompLimits.DEFAULT, StompWireTap.NONE);
    }

    /** A client over {@code jetty} (started by the caller, and stopped by it when {@code ownsJetty} is false). */
    public StompWebSocketClient(WebSocketClient jetty, boolean ownsJetty, StompLimits limits, StompWireTap tap) {
        this.jetty = jetty;
        this.ownsJetty = ownsJetty;
        this.limits = limits;
        this.tap = tap;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "stomp-client-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    private static WebSocketClient startedClient() throws Exception {
        WebSocketClient c = new WebSocketClient();
        c.start();
        return c;
    }

    /** Opens the WebSocket, sends CONNECT; completes with the connection once CONNECTED arrives. */
    public CompletableFuture<StompConnection> connect(URI uri, ClientConnectOptions options) {
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        List<String> offer = new ArrayList<>();
        for (StompVersion v : StompVersion.values()) {
            if (options.acceptVersions().contains(v)) {
                offer.add(v.subProtocol());
            }
        }
        request.setSubProtocols(offer);
        StompClientEndpoint endpoint = new StompClientEndpoint(options, "client-" + IDS.incrementAndGet(), tap, limits, scheduler);
        try {
            jetty.connect(endpoint, uri, request).whenComplete((s, e) -> {
                if (e != null) {
                    endpoint.result().completeExceptionally(e);
                }
            });
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
        return endpoint.result();
    }

    @Override
    public void close() throws Exception {
        scheduler.shutdownNow();
        if (ownsJetty) {
            jetty.stop();
        }
    }
}
