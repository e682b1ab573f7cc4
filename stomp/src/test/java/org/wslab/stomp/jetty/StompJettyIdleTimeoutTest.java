package org.wslab.stomp.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.client.StompConnection;
import org.wslab.stomp.broker.InMemoryBroker;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.session.ClientConnectOptions;
import org.wslab.stomp.session.HeartBeat;
import org.wslab.stomp.session.StompServerConfig;

/**
 * The endpoint's idle timeout (a setting, 200 ms here) versus STOMP 1.2 "Heart-beating": a client
 * that negotiated {@code 0,0} is ended by it; a client whose negotiated beats are slower than it is
 * not (the endpoint raises the session's idle timeout after CONNECTED); and the same on our client's
 * side, whose Jetty idle timeout is raised after CONNECTED. No timing is asserted: the
 * tests wait for events (a close, several beats).
 */
class StompJettyIdleTimeoutTest {
    private EmbeddedStompServer server;
    private WebSocketClient jetty;
    private URI uri;

    @BeforeEach
    void start() throws Exception {
        StompServerConfig config = StompServerConfig.DEFAULT.withHeartBeat(new HeartBeat(400, 400));
        server = EmbeddedStompServer.start("/ws", scheduler -> new StompEndpointConfig(new InMemoryBroker(), config,
                scheduler, StompWireTap.NONE).withIdleTimeout(Duration.ofMillis(200)));
        uri = server.uri();
        jetty = new WebSocketClient();
        jetty.start();
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
        server.close();
    }

    private RawWebSocket connect(String heartBeat) throws Exception {
        return RawWebSocket.connectStomp(jetty, uri, heartBeat);
    }

    @Test
    void aQuietClientWithoutHeartBeatsIsClosedByTheIdleTimeout() throws Exception {
        RawWebSocket peer = connect("0,0");
        // nothing flows either way: the 200 ms setting (not Jetty's 30 s default) ends the connection
        assertNotNull(peer.closeCode.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aClientWithBeatsSlowerThanTheIdleTimeoutIsNotCutOff() throws Exception {
        RawWebSocket peer = connect("0,400");
        // beats every 400 ms, twice the 200 ms idle timeout: three of them span 1.2 s
        for (int i = 0; i < 3; i++) {
            assertEquals("\n", peer.texts.poll(10, TimeUnit.SECONDS), "heart-beat " + (i + 1));
        }
        assertFalse(peer.closeCode.isDone(), "Jetty cut off a session whose heart-beats were flowing");
        peer.send("SEND\ndestination:/topic/t\nreceipt:r1\n\nstill here\0");
        String receipt = peer.next();
        assertTrue(receipt.startsWith("RECEIPT\nreceipt-id:r1"), receipt);
    }

    @Test
    void ourClientWithBeatsSlowerThanItsJettyIdleTimeoutIsNotCutOff() throws Exception {
        // the client's Jetty cuts silent connections after 200 ms; the server beats every 400 ms
        WebSocketClient impatient = new WebSocketClient();
        impatient.setIdleTimeout(Duration.ofMillis(200));
        impatient.start();
        BlockingQueue<String> beats = new LinkedBlockingQueue<>();
        StompWireTap tap = new StompWireTap() {
            @Override
            public void inbound(String connectionId, byte[] octets) {
                if (octets.length == 1 && octets[0] == '\n') {
                    beats.add("beat");
                }
            }
        };
        try (StompWebSocketClient client = new StompWebSocketClient(impatient, true, StompLimits.DEFAULT, tap)) {
            StompConnection c = client.connect(uri, ClientConnectOptions.DEFAULT.withHeartBeat(new HeartBeat(0, 400)))
                    .get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 3; i++) {
                assertNotNull(beats.poll(10, TimeUnit.SECONDS), "heart-beat " + (i + 1));
            }
            assertFalse(c.client().closed().isDone(), "the client's Jetty cut off a connection whose beats flowed");
            assertEquals(StompCommand.RECEIPT, c.client().send("/topic/t", "still here", null, true)
                    .get(10, TimeUnit.SECONDS).command());
        }
    }

    @Test
    void theRaisedIdleTimeoutCoversTheLongerIntervalTwice() {
        Duration base = Duration.ofMillis(200);
        assertEquals(base, HeartBeatIdleTimeout.fitted(base, new long[] {0, 0}, 2.0));
        assertEquals(Duration.ofMillis(800), HeartBeatIdleTimeout.fitted(base, new long[] {400, 0}, 2.0));
        assertEquals(Duration.ofMillis(1600), HeartBeatIdleTimeout.fitted(base, new long[] {400, 400}, 2.0));
        assertEquals(Duration.ofMinutes(5), HeartBeatIdleTimeout.fitted(Duration.ofMinutes(5), new long[] {400, 400}, 2.0));
    }
}
