package org.wslab.conformance.clients;

import java.net.URI;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;

/**
 * Our own engine's client ({@link BlockingWebSocket} on framing's NIO transport) as an echo client:
 * one connection per case, every text and binary message sent back, until the connection is closed.
 */
public final class EngineEchoClient implements EchoClient {
    @Override
    public void run(URI uri, int count, long caseMillis) throws Exception {
        WebSocketUri target = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(uri.toString())).uri();
        for (int i = 0; i < count; i++) {
            try (BlockingWebSocket ws = BlockingWebSocket.connect(target, ClientOptions.defaults(), EngineSettings.defaults())) {
                if (ws.awaitOpen() == null) {
                    continue;
                }
                for (Event e; (e = ws.next()) != null; ) {
                    if (e instanceof Event.TextMessage t) {
                        ws.sendText(t.utf8());
                    } else if (e instanceof Event.BinaryMessage b) {
                        ws.sendBinary(b.data());
                    }
                }
            }
        }
    }

    @Override
    public String toString() {
        return "our engine's client";
    }
}
