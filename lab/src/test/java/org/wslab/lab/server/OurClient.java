package org.wslab.lab.server;

import java.io.IOException;
import java.net.URI;
import org.wslab.framing.engine.EngineSettings;
import org.wslab.framing.engine.Event;
import org.wslab.framing.socket.BlockingWebSocket;
import org.wslab.handshake.ClientOptions;
import org.wslab.handshake.WebSocketUri;

/** Our own engine's blocking client as a test peer of either engine: raw frames, fragments, close codes. */
final class OurClient {
    private OurClient() {}

    /** Connects and completes the handshake (an assertion error when it fails). */
    static BlockingWebSocket open(URI uri, ClientOptions options) throws IOException {
        BlockingWebSocket ws = connect(uri, options);
        if (ws.awaitOpen() == null) {
            ws.close();
            throw new AssertionError("handshake failed: " + ws.lastEvent());
        }
        return ws;
    }

    /** Connects; the caller drives the handshake. */
    static BlockingWebSocket connect(URI uri, ClientOptions options) throws IOException {
        WebSocketUri ws = ((WebSocketUri.Parse.Valid) WebSocketUri.parse(uri.toString())).uri();
        return BlockingWebSocket.connect(ws, options, EngineSettings.defaults().withLimits(64L << 20, 64L << 20));
    }

    /** The next data message or the close that ended the connection. */
    static Event nextMessageOrClose(BlockingWebSocket ws) throws IOException {
        for (Event e; (e = ws.next()) != null; ) {
            if (e instanceof Event.TextMessage || e instanceof Event.BinaryMessage || e instanceof Event.Closed) {
                return e;
            }
        }
        throw new AssertionError("the connection ended without a Closed event");
    }
}
