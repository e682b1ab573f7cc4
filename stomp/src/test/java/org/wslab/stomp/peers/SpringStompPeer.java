package org.wslab.stomp.peers;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.component.LifeCycle;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/**
 * Spring's {@code WebSocketStompClient} as a real STOMP peer: over Jetty's jakarta WebSocket
 * client (found by ServiceLoader), with string bodies and its own heart-beat scheduler. It offers
 * the notes' sub-protocols {@code v10.stomp, v11.stomp, v12.stomp}, which Spring sends only when
 * told to. Shared with the lab's tests through this module's test-jar.
 */
public final class SpringStompPeer implements AutoCloseable {
    /** The offer the source notes recorded (RFC 6455 §4.1 (10)). */
    public static final List<String> NOTES_OFFER = List.of("v10.stomp", "v11.stomp", "v12.stomp");

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private final WebSocketContainer jakarta;
    private final WebSocketStompClient spring;

    public SpringStompPeer() {
        scheduler.afterPropertiesSet();
        jakarta = ContainerProvider.getWebSocketContainer();
        spring = new WebSocketStompClient(new StandardWebSocketClient(jakarta));
        spring.setMessageConverter(new StringMessageConverter());
        spring.setTaskScheduler(scheduler);
    }

    /**
     * Spring's heart-beat offer for the next CONNECTs (STOMP 1.2 "Heart-beating": cx, cy in ms);
     * Spring offers 10000,10000 unless told otherwise.
     */
    public SpringStompPeer heartBeat(long cx, long cy) {
        spring.setDefaultHeartbeat(new long[] {cx, cy});
        return this;
    }

    /** Connects to {@code url} offering {@link #NOTES_OFFER}; waits up to 10 s for CONNECTED. */
    public StompSession connect(String url, StompSessionHandler handler) throws Exception {
        return connect(url, new StompHeaders(), handler);
    }

    /** As {@link #connect(String, StompSessionHandler)}, with {@code connectHeaders} added to the CONNECT frame. */
    public StompSession connect(String url, StompHeaders connectHeaders, StompSessionHandler handler) throws Exception {
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.setSecWebSocketProtocol(NOTES_OFFER);
        return spring.connectAsync(URI.create(url), handshake, connectHeaders, handler).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        spring.stop();
        scheduler.shutdown();
        LifeCycle.stop(jakarta);
    }
}
