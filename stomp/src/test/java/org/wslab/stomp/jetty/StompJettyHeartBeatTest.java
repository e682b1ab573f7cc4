package org.wslab.stomp.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.broker.InMemoryBroker;
import org.wslab.stomp.session.HeartBeat;
import org.wslab.stomp.session.StompServerConfig;

/** Heart-beats on the real clock through the endpoint's scheduler (short intervals, no timing asserted). */
class StompJettyHeartBeatTest {
    private EmbeddedStompServer server;
    private WebSocketClient jetty;
    private URI uri;

    @BeforeEach
    void start() throws Exception {
        StompServerConfig config = StompServerConfig.DEFAULT.withHeartBeat(new HeartBeat(50, 50));
        server = EmbeddedStompServer.start("/ws",
                scheduler -> new StompEndpointConfig(new InMemoryBroker(), config, scheduler, StompWireTap.NONE));
        uri = server.uri();
        jetty = new WebSocketClient();
        jetty.start();
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
        server.close();
    }

    @Test
    void serverSendsBeatsAndDropsASilentClient() throws Exception {
        // the client promises beats every 50 ms and wants them every 50 ms, then falls silent
        RawWebSocket peer = RawWebSocket.connectStomp(jetty, uri, "50,50");
        assertEquals("\n", peer.texts.poll(10, TimeUnit.SECONDS), "a heart-beat EOL");
        String error = peer.next();
        assertTrue(error.startsWith("ERROR\n") && error.contains("Heart-beating"), error);
        assertEquals(StatusCode.NORMAL, peer.closeCode.get(10, TimeUnit.SECONDS));
    }
}
