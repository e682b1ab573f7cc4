package org.wslab.lab.stomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Type;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
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
        session.setAutoReceipt(true);

        BlockingQueue<Object[]> got = new LinkedBlockingQueue<>();
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        session.subscribe("/topic/greetings", new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return String.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                got.add(new Object[] {headers, payload});
            }
        }).addReceiptTask(() -> subscribed.complete(null));
        subscribed.get(10, TimeUnit.SECONDS);

        CompletableFuture<Void> sent = new CompletableFuture<>();
        session.send("/topic/greetings", "hello from Spring").addReceiptTask(() -> sent.complete(null));
        sent.get(10, TimeUnit.SECONDS);
        Object[] message = got.poll(10, TimeUnit.SECONDS);
        assertNotNull(message, "Spring got the MESSAGE");
        assertEquals("hello from Spring", message[1]);
        assertEquals("/topic/greetings", ((StompHeaders) message[0]).getDestination());
        session.disconnect();
    }
}
