package org.wslab.stomp.jetty;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** Test peer: a plain Jetty WebSocket listener that records text messages and the close code. */
public final class RawWebSocket implements Session.Listener.AutoDemanding {
    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    volatile Session session;

    @Override
    public void onWebSocketOpen(Session s) {
        session = s;
    }

    @Override
    public void onWebSocketText(String message) {
        texts.add(message);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        texts.add(StandardCharsets.UTF_8.decode(payload).toString());
        callback.succeed();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closeCode.complete(statusCode);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        closeCode.complete(-1); // the test ended the connection by stopping the client
    }

    void send(String stomp) {
        session.sendText(stomp, Callback.NOOP);
    }

    void sendBinary(String stomp) {
        session.sendBinary(ByteBuffer.wrap(stomp.getBytes(StandardCharsets.UTF_8)), Callback.NOOP);
    }

    /** The next non-heart-beat message (waits at most 10 s, then fails). */
    String next() throws InterruptedException {
        while (true) {
            String s = texts.poll(10, TimeUnit.SECONDS);
            if (s == null) {
                throw new AssertionError("no message within 10 s");
            }
            if (!s.isBlank()) {
                return s;
            }
        }
    }

    /**
     * Opens a WebSocket offering {@code v12.stomp}, sends CONNECT (1.2) with {@code heartBeat} and
     * returns once the CONNECTED frame has arrived (at most 10 s, else the test fails).
     */
    static RawWebSocket connectStomp(org.eclipse.jetty.websocket.client.WebSocketClient jetty, java.net.URI uri,
                                     String heartBeat) throws Exception {
        RawWebSocket peer = new RawWebSocket();
        org.eclipse.jetty.websocket.client.ClientUpgradeRequest request = new org.eclipse.jetty.websocket.client.ClientUpgradeRequest();
        request.setSubProtocols("v12.stomp");
        jetty.connect(peer, uri, request).get(10, TimeUnit.SECONDS);
        peer.send("CONNECT\naccept-version:1.2\nheart-beat:" + heartBeat + "\n\n\0");
        String connected = peer.texts.poll(10, TimeUnit.SECONDS);
        if (connected == null || !connected.startsWith("CONNECTED\n")) {
            throw new AssertionError("expected CONNECTED, got " + connected);
        }
        return peer;
    }
}
