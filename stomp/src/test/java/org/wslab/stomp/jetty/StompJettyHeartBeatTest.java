package org.wslab.stomp.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.broker.InMemoryBroker;
import org.wslab.stomp.session.HeartBeat;
import org.wslab.stomp.session.StompServerConfig;

/** Heart-beats on the real clock through the endpoint's scheduler (short intervals, no timing asserted). */
class StompJettyHeartBeatTest {
    private Server server;
    private WebSocketClient jetty;
    private ScheduledExecutorService scheduler;
    private URI uri;

    @BeforeEach
    void start() throws Exception {
        scheduler = Executors.newSingleThreadScheduledExecutor();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        StompServerConfig config = StompServerConfig.DEFAULT.withHeartBeat(new HeartBeat(50, 50));
        server.setHandler(StompJetty.upgradeHandler(server, "/ws",
                new StompEndpointConfig(new InMemoryBroker(), config, scheduler, StompWireTap.NONE)));
        server.start();
        uri = URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/ws");
        jetty = new WebSocketClient();
        jetty.start();
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
        server.stop();
        scheduler.shutdownNow();
    }

    @Test
    void serverSendsBeatsAndDropsASilentClient() throws Exception {
        RawWebSocket peer = new RawWebSocket();
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        request.setSubProtocols("v12.stomp");
        jetty.connect(peer, uri, request).get(10, TimeUnit.SECONDS);
        // the client promises beats every 50 ms and wants them every 50 ms, then falls silent
        peer.send("CONNECT\naccept-version:1.2\nheart-beat:50,50\n\n\0");
        assertTrue(peer.texts.poll(10, TimeUnit.SECONDS).startsWith("CONNECTED\n"));
        assertEquals("\n", peer.texts.poll(10, TimeUnit.SECONDS), "a heart-beat EOL");
        String error = peer.next();
        assertTrue(error.startsWith("ERROR\n") && error.contains("Heart-beating"), error);
        assertEquals(StatusCode.NORMAL, peer.closeCode.get(10, TimeUnit.SECONDS));
    }
}
