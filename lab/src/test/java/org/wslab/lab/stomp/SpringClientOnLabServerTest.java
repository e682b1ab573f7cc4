package org.wslab.lab.stomp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.wslab.lab.engines.LabServers;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;
import org.wslab.stomp.peers.SpringStompPeer;

/**
 * A real third-party STOMP client, Spring's {@code WebSocketStompClient} (over Jetty's jakarta
 * WebSocket client), against the lab server's {@code /websocket/app} exactly as {@code wslab serve}
 * mounts it, on each engine: the notes' sub-protocol offer, a subscription and a send confirmed by
 * receipts.
 */
class SpringClientOnLabServerTest {
    private LabServer server;
    private final SpringStompPeer spring = new SpringStompPeer();

    @AfterEach
    void stop() throws Exception {
        spring.close();
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void springSubscribesAndSendsThroughTheLabServer(Engine engine) throws Exception {
        server = LabServers.start(engine, LabServerConfig.defaults().withAddress("127.0.0.1", 0), EndpointRegistry.defaults());
        String url = server.webSocketUri(LabEndpoint.stomp()).toString();
        StompSession session = spring.connect(url, new StompSessionHandlerAdapter() { });
        SpringRoundTrip.subscribeSendReceive(session, "/topic/greetings", "hello from Spring");
    }
}
