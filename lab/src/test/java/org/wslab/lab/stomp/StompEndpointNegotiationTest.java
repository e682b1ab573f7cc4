package org.wslab.lab.stomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wslab.lab.engines.LabServers;
import org.wslab.lab.server.EndpointRegistry;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.LabServerConfig;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.client.StompConnection;
import org.wslab.stomp.jetty.StompWebSocketClient;
import org.wslab.stomp.session.ClientConnectOptions;

/**
 * The lab's {@code /websocket/app} negotiates the WebSocket sub-protocol (RFC 6455 §4.2.2 (5.4)):
 * highest STOMP version offered, in the client's spelling; no offer is still STOMP (no
 * {@code Sec-WebSocket-Protocol} in the answer); and the sub-protocol does not fix the STOMP version.
 * On both engines: Jetty and ours.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StompEndpointNegotiationTest {
    private final Map<Engine, LabServer> servers = new EnumMap<>(Engine.class);
    private WebSocketClient jetty;
    private StompWebSocketClient stomp;

    @BeforeAll
    void start() throws Exception {
        for (Engine e : Engine.values()) {
            servers.put(e, LabServers.start(e, LabServerConfig.defaults().withAddress("127.0.0.1", 0), EndpointRegistry.defaults()));
        }
        jetty = new WebSocketClient();
        jetty.start();
        stomp = new StompWebSocketClient(jetty, false, org.wslab.stomp.codec.StompLimits.DEFAULT,
                org.wslab.stomp.jetty.StompWireTap.NONE);
    }

    @AfterAll
    void stop() throws Exception {
        stomp.close();
        jetty.stop();
        servers.values().forEach(LabServer::close);
    }

    private URI uri(Engine engine) {
        return servers.get(engine).webSocketUri(LabEndpoint.stomp());
    }

    private StompConnection connect(Engine engine, Set<StompVersion> versions) throws Exception {
        return stomp.connect(uri(engine), ClientConnectOptions.DEFAULT.withVersions(versions)).get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theNotesOfferSelectsV12(Engine engine) throws Exception {
        StompConnection c = connect(engine, EnumSet.allOf(StompVersion.class));
        assertEquals("v12.stomp", c.subProtocol());
        assertEquals(StompVersion.V1_2, c.client().version());
        c.client().disconnect().get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anOlderOfferSelectsItsOwnVersion(Engine engine) throws Exception {
        StompConnection c = connect(engine, EnumSet.of(StompVersion.V1_0, StompVersion.V1_1));
        assertEquals("v11.stomp", c.subProtocol());
        assertEquals(StompVersion.V1_1, c.client().version());
        c.client().disconnect().get(10, TimeUnit.SECONDS);
    }

    /** A listener that records the agreed sub-protocol and every text message. */
    public static final class Recorder implements Session.Listener.AutoDemanding {
        final CompletableFuture<Session> open = new CompletableFuture<>();
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();

        @Override
        public void onWebSocketOpen(Session session) {
            open.complete(session);
        }

        @Override
        public void onWebSocketText(String message) {
            texts.add(message);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void noSubProtocolIsStillServedAsStomp(Engine engine) throws Exception {
        Recorder recorder = new Recorder();
        Session session = jetty.connect(recorder, new ClientUpgradeRequest(uri(engine))).get(10, TimeUnit.SECONDS);
        try {
            assertNull(session.getUpgradeResponse().getAcceptedSubProtocol(), "nothing offered, nothing selected");
            // a 1.0 client without accept-version: the server answers 1.0 (STOMP 1.2 "Protocol Negotiation")
            session.sendText("CONNECT\nhost:x\n\n\u0000", Callback.NOOP);
            String connected = recorder.texts.poll(10, TimeUnit.SECONDS);
            assertTrue(connected != null && connected.startsWith("CONNECTED\n"), String.valueOf(connected));
            assertTrue(connected.contains("\nversion:1.0\n"), connected);
        } finally {
            session.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theIndexPageListsTheStompEndpoint(Engine engine) throws Exception {
        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(servers.get(engine).baseUri()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<code>" + uri(engine) + "</code> — STOMP 1.0-1.2"), page.body());
        assertTrue(page.body().contains("(sub-protocols: v12.stomp, v11.stomp, v10.stomp)"), page.body());
        assertTrue(page.body().contains("./wslab stomp " + uri(engine) + " subscribe /topic/greetings"), page.body());
    }

    @Test
    void theChoiceIsTheHighestOfferedVersionInTheClientsSpelling() {
        Set<StompVersion> all = EnumSet.allOf(StompVersion.class);
        assertEquals("v12.stomp", StompSubProtocols.choose(List.of("v10.stomp", "v12.stomp", "v11.stomp"), all));
        assertEquals("v10.stomp", StompSubProtocols.choose(List.of("chat", " v10.stomp "), all));
        assertNull(StompSubProtocols.choose(List.of("chat", "mqtt"), all));
        assertEquals("v11.stomp", StompSubProtocols.choose(List.of("v12.stomp", "v11.stomp"),
                EnumSet.of(StompVersion.V1_0, StompVersion.V1_1)), "a version the server does not speak is not chosen");
    }
}
