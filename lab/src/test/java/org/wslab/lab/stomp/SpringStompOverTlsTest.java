package org.wslab.lab.stomp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.ee10.websocket.jakarta.client.JakartaWebSocketClientContainer;
import org.eclipse.jetty.util.component.LifeCycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import org.wslab.framing.tls.SelfSignedCertificate;
import org.wslab.lab.engines.LabServers;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;
import org.wslab.lab.server.TestTls;
import org.wslab.stomp.peers.SpringStompPeer;

/**
 * Spring's {@code WebSocketStompClient} over {@code wss://} (RFC 6455 §10.6, TLS per RFC 8446) to the
 * lab server's {@code /websocket/app} on each engine: SUBSCRIBE and SEND confirmed by RECEIPTs, the
 * MESSAGE delivered (STOMP 1.2 "SUBSCRIBE", "SEND", "RECEIPT").
 *
 * <p>Spring's {@code StandardWebSocketClient.setSslContext} hands the context to the Jakarta API's
 * {@code ClientEndpointConfig}; Jetty 12's jakarta container does not read it there, so the trust
 * goes in the way Jetty's container takes it: a container built on a Jetty {@code HttpClient} whose
 * {@code SslContextFactory.Client} uses the context (hostname check on).
 */
class SpringStompOverTlsTest {
    private static final SelfSignedCertificate CERTIFICATE = SelfSignedCertificate.forLocalhost();

    private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
    private JakartaWebSocketClientContainer jakarta;
    private WebSocketStompClient spring;
    private LabServer server;

    @AfterEach
    void stop() {
        if (spring != null) {
            spring.stop();
        }
        scheduler.shutdown();
        if (jakarta != null) {
            LifeCycle.stop(jakarta);
        }
        if (server != null) {
            server.close();
        }
    }

    private StompSession connect(String url, SSLContext tls) throws Exception {
        scheduler.afterPropertiesSet();
        jakarta = new JakartaWebSocketClientContainer(TestTls.jettyHttpsClient(tls));
        LifeCycle.start(jakarta);
        StandardWebSocketClient webSockets = new StandardWebSocketClient(jakarta);
        webSockets.setSslContext(tls); // what Spring offers; honoured by containers that read ClientEndpointConfig's
        spring = new WebSocketStompClient(webSockets);
        spring.setMessageConverter(new StringMessageConverter());
        spring.setTaskScheduler(scheduler);
        WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
        handshake.setSecWebSocketProtocol(SpringStompPeer.NOTES_OFFER);
        return spring.connectAsync(url, handshake, new StompSessionHandlerAdapter() { }).get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void springSubscribesAndSendsOverWss(Engine engine) throws Exception {
        server = LabServers.start(engine, LabServerConfig.defaults().withAddress("127.0.0.1", 0)
                .withTls(TestTls.listener(CERTIFICATE)), EndpointRegistry.defaults());
        String url = server.secureWebSocketUri(LabEndpoint.stomp()).orElseThrow().toString();
        assertTrue(url.startsWith("wss://127.0.0.1:" + server.tlsPort().orElseThrow() + "/"), url);
        StompSession session = connect(url, TestTls.clientContext(CERTIFICATE.certificate()));
        SpringRoundTrip.subscribeSendReceive(session, "/topic/tls", "hello over wss");
    }
}
