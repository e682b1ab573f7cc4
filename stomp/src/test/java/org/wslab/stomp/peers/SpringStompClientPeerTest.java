package org.wslab.stomp.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.wslab.stomp.broker.InMemoryBroker;
import org.wslab.stomp.jetty.EmbeddedStompServer;
import org.wslab.stomp.jetty.StompEndpointConfig;
import org.wslab.stomp.jetty.StompWireTap;
import org.wslab.stomp.session.StompServerConfig;

/**
 * A real third-party peer: Spring's {@code WebSocketStompClient} (over Jetty's jakarta WebSocket
 * client) against our endpoint at the notes' {@code /websocket/app} on embedded Jetty 12.
 */
class SpringStompClientPeerTest {
    private EmbeddedStompServer server;
    private SpringStompPeer spring;
    private String url;
    private final List<String> agreedSubProtocols = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        StompWireTap tap = new StompWireTap() {
            @Override
            public void opened(String connectionId, String subProtocol) {
                agreedSubProtocols.add(String.valueOf(subProtocol));
            }
        };
        server = EmbeddedStompServer.start("/websocket/app",
                scheduler -> new StompEndpointConfig(new InMemoryBroker(), StompServerConfig.DEFAULT, scheduler, tap));
        url = server.uri().toString();

        spring = new SpringStompPeer();
    }

    @AfterEach
    void stop() throws Exception {
        spring.close();
        server.close();
    }

    private StompSession connect(StompSessionHandlerAdapter handler) throws Exception {
        return spring.connect(url, handler);
    }

    private static StompFrameHandler into(BlockingQueue<Object[]> sink) {
        return new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return String.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                sink.add(new Object[] {headers, payload});
            }
        };
    }

    @Test
    void springSubscribesSendsWithReceiptsAndAcks() throws Exception {
        StompSession session = connect(new StompSessionHandlerAdapter() { });
        assertEquals(List.of("v12.stomp"), agreedSubProtocols, "the notes' offer selects v12.stomp");
        assertTrue(session.isConnected());
        session.setAutoReceipt(true);

        BlockingQueue<Object[]> topic = new LinkedBlockingQueue<>();
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        session.subscribe("/topic/greetings", into(topic)).addReceiptTask(() -> subscribed.complete(null));
        subscribed.get(10, TimeUnit.SECONDS);

        CompletableFuture<Void> sent = new CompletableFuture<>();
        session.send("/topic/greetings", "hello from Spring").addReceiptTask(() -> sent.complete(null));
        sent.get(10, TimeUnit.SECONDS);
        Object[] got = topic.poll(10, TimeUnit.SECONDS);
        assertNotNull(got);
        assertEquals("hello from Spring", got[1]);
        assertEquals("/topic/greetings", ((StompHeaders) got[0]).getDestination());

        // client-individual ack with the 1.2 ack header, as Spring's acknowledge() sends it
        BlockingQueue<Object[]> queue = new LinkedBlockingQueue<>();
        StompHeaders subscribe = new StompHeaders();
        subscribe.setDestination("/queue/work");
        subscribe.setAck("client-individual");
        CompletableFuture<Void> queued = new CompletableFuture<>();
        session.subscribe(subscribe, into(queue)).addReceiptTask(() -> queued.complete(null));
        queued.get(10, TimeUnit.SECONDS);
        session.send("/queue/work", "job 1");
        StompHeaders m = (StompHeaders) queue.poll(10, TimeUnit.SECONDS)[0];
        assertNotNull(m.getAck());
        CompletableFuture<Void> nacked = new CompletableFuture<>();
        session.acknowledge(m.getAck(), false).addReceiptTask(() -> nacked.complete(null));
        nacked.get(10, TimeUnit.SECONDS);
        Object[] again = queue.poll(10, TimeUnit.SECONDS);
        assertEquals("job 1", again[1], "NACKed message redelivered to Spring");
        CompletableFuture<Void> acked = new CompletableFuture<>();
        session.acknowledge(((StompHeaders) again[0]).getAck(), true).addReceiptTask(() -> acked.complete(null));
        acked.get(10, TimeUnit.SECONDS);
        session.disconnect();
    }

    @Test
    void springSeesOurErrorNamingTheRule() throws Exception {
        CompletableFuture<StompHeaders> error = new CompletableFuture<>();
        StompSession session = connect(new StompSessionHandlerAdapter() {
            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                error.complete(headers);
            }

            @Override
            public Type getPayloadType(StompHeaders headers) {
                return String.class;
            }

            @Override
            public void handleException(StompSession s, StompCommand command, StompHeaders headers, byte[] payload,
                                        Throwable exception) {
                error.completeExceptionally(exception);
            }
        });
        session.send("/nowhere", "x");
        StompHeaders headers = error.get(10, TimeUnit.SECONDS);
        assertTrue(headers.getFirst("message").contains("STOMP 1.2 \"SEND\""), headers.toString());
    }
}
