package org.wslab.benchmarks.polling;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;

/**
 * WebSocket (RFC 6455): one connection to {@code /websocket/updates}, each update pushed as one
 * text message (§5.6), read by the client's thread. Our client ({@link BlockingWebSocket}).
 */
final class WebSocketUpdateClient implements UpdateClient {
    private final Received received = new Received();
    private final BlockingWebSocket ws;

    WebSocketUpdateClient(URI base) {
        WebSocketUri uri = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(
                "ws://" + base.getRawAuthority() + "/websocket/updates")).uri();
        try {
            ws = BlockingWebSocket.connect(uri, ClientOptions.defaults(), EngineSettings.defaults());
            if (ws.awaitOpen() == null) {
                ws.close();
                throw new IllegalStateException("the WebSocket did not open: " + ws.lastEvent());
            }
        } catch (IOException e) {
            throw new IllegalStateException("the WebSocket did not open", e);
        }
        Thread t = new Thread(this::read, "bench-websocket");
        t.setDaemon(true);
        t.start();
    }

    private void read() {
        try {
            for (Event e; (e = ws.next()) != null; ) {
                if (e instanceof Event.TextMessage m) {
                    received.gotLine(new String(m.utf8(), StandardCharsets.UTF_8));
                }
            }
            received.failed("the WebSocket closed");
        } catch (IOException e) {
            received.failed("the WebSocket broke: " + e);
        }
    }

    @Override
    public String await(long seq) {
        return received.await(seq);
    }

    @Override
    public void close() {
        ws.close();
    }
}
