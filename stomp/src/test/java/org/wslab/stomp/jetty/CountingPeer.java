package org.wslab.stomp.jetty;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * Test peer for load: a raw Jetty WebSocket client with explicit demand that counts MESSAGE frames
 * and keeps the last ERROR; {@link #stall()} stops reading (no more demand, so TCP backs up to the
 * server), {@link #resume()} reads again.
 */
public final class CountingPeer implements Session.Listener {
    final AtomicInteger messages = new AtomicInteger();
    final CompletableFuture<String> error = new CompletableFuture<>();
    final CompletableFuture<String> connected = new CompletableFuture<>();
    final CompletableFuture<String> receipt = new CompletableFuture<>();
    private volatile Session session;
    private volatile boolean stalled;
    private volatile boolean owed;
    private volatile String lastBody;

    static CountingPeer connect(WebSocketClient jetty, URI uri, String subscribeTo) throws Exception {
        CountingPeer p = new CountingPeer();
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        request.setSubProtocols("v12.stomp");
        jetty.connect(p, uri, request).get(10, TimeUnit.SECONDS);
        p.sendAndWait("CONNECT\naccept-version:1.2\nheart-beat:0,0\n\n\0");
        p.connected.get(10, TimeUnit.SECONDS);
        if (subscribeTo != null) {
            p.sendAndWait("SUBSCRIBE\nid:0\ndestination:" + subscribeTo + "\nreceipt:sub\n\n\0");
            p.receipt.get(10, TimeUnit.SECONDS);
        }
        return p;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        session = s;
        s.demand();
    }

    @Override
    public void onWebSocketText(String message) {
        if (message.startsWith("MESSAGE\n")) {
            messages.incrementAndGet();
            lastBody = message.substring(message.indexOf("\n\n") + 2, Math.min(message.length(), message.indexOf("\n\n") + 12));
        } else if (message.startsWith("ERROR\n")) {
            error.complete(message);
        } else if (message.startsWith("CONNECTED\n")) {
            connected.complete(message);
        } else if (message.startsWith("RECEIPT\n")) {
            receipt.complete(message);
        }
        if (stalled) {
            owed = true;
        } else {
            session.demand();
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        error.complete("closed " + statusCode);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        error.complete("error " + cause);
    }

    void stall() {
        stalled = true;
    }

    void resume() {
        stalled = false;
        if (owed) {
            owed = false;
            session.demand();
        }
    }

    /** Sends and waits until Jetty wrote it (so a paused server holds the sender back). */
    void sendAndWait(String stomp) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        session.sendText(stomp, Callback.from(() -> done.complete(null), done::completeExceptionally));
        done.get(30, TimeUnit.SECONDS);
    }

    void ping() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        session.sendPing(java.nio.ByteBuffer.wrap(new byte[] {1}), Callback.from(() -> done.complete(null), done::completeExceptionally));
        done.get(10, TimeUnit.SECONDS);
    }

    String lastBody() {
        return lastBody;
    }

    void close() {
        if (session != null) {
            session.disconnect();
        }
    }
}
