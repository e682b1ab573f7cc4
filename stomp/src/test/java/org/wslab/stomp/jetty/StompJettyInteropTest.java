package org.wslab.stomp.jetty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.client.StompConnection;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.broker.InMemoryBroker;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.session.ClientConnectOptions;
import org.wslab.stomp.session.StompServerConfig;

/** Our endpoint on a real embedded Jetty 12 (port 0), with our client and a raw Jetty client. */
class StompJettyInteropTest {
    private EmbeddedStompServer server;
    private WebSocketClient jetty;
    private StompWebSocketClient stomp;
    private URI uri;

    @BeforeEach
    void start() throws Exception {
        server = EmbeddedStompServer.start("/websocket/app", scheduler ->
                new StompEndpointConfig(new InMemoryBroker(), StompServerConfig.DEFAULT, scheduler, StompWireTap.NONE));
        uri = server.uri();
        jetty = new WebSocketClient();
        jetty.start();
        stomp = new StompWebSocketClient(jetty, false, org.wslab.stomp.codec.StompLimits.DEFAULT, StompWireTap.NONE);
    }

    @AfterEach
    void stop() throws Exception {
        stomp.close();
        jetty.stop();
        server.close();
    }

    private RawWebSocket raw(String... subProtocols) throws Exception {
        RawWebSocket peer = new RawWebSocket();
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        if (subProtocols.length > 0) {
            request.setSubProtocols(subProtocols);
        }
        jetty.connect(peer, uri, request).get(10, TimeUnit.SECONDS);
        return peer;
    }

    @Test
    void theNotesOfferSelectsV12AndMessagesFlow() throws Exception {
        StompConnection sub = stomp.connect(uri, ClientConnectOptions.DEFAULT).get(10, TimeUnit.SECONDS);
        assertEquals("v12.stomp", sub.subProtocol());
        assertEquals(StompVersion.V1_2, sub.client().version());
        BlockingQueue<StompFrame> got = new LinkedBlockingQueue<>();
        sub.client().subscribe("0", "/topic/greetings", AckMode.AUTO, got::add, true).get(10, TimeUnit.SECONDS);

        StompConnection pub = stomp.connect(uri, ClientConnectOptions.DEFAULT.withVersions(EnumSet.of(StompVersion.V1_1)))
                .get(10, TimeUnit.SECONDS);
        assertEquals("v11.stomp", pub.subProtocol());
        pub.client().send("/topic/greetings", "你好, STOMP", null, true).get(10, TimeUnit.SECONDS);
        StompFrame m = got.poll(10, TimeUnit.SECONDS);
        assertEquals("你好, STOMP", m.bodyText());
        assertEquals("/topic/greetings", m.header("destination"));
        pub.client().disconnect().get(10, TimeUnit.SECONDS);
        sub.client().disconnect().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aLargeBinaryBodyTravelsInOneMessage() throws Exception {
        StompConnection c = stomp.connect(uri, ClientConnectOptions.DEFAULT).get(10, TimeUnit.SECONDS);
        BlockingQueue<StompFrame> got = new LinkedBlockingQueue<>();
        c.client().subscribe("0", "/queue/big", AckMode.AUTO, got::add, true).get(10, TimeUnit.SECONDS);
        byte[] body = new byte[300_000];
        new java.util.Random(7).nextBytes(body);
        body[0] = 0; // a NUL in the body: content-length carries it, the message goes out binary
        c.client().send(StompFrame.of(org.wslab.stomp.codec.StompCommand.SEND, "destination", "/queue/big").withBody(body), true)
                .get(10, TimeUnit.SECONDS);
        org.junit.jupiter.api.Assertions.assertArrayEquals(body, got.poll(10, TimeUnit.SECONDS).body());
        c.client().disconnect().get(10, TimeUnit.SECONDS);
    }

    @Test
    void rawOfferOfTheNotesIsAnsweredWithV12() throws Exception {
        RawWebSocket peer = raw("v10.stomp", "v11.stomp", "v12.stomp");
        assertEquals("v12.stomp", peer.session.getUpgradeResponse().getAcceptedSubProtocol());
        // the sub-protocol and the STOMP version are independent: CONNECT still negotiates
        peer.send("CONNECT\naccept-version:1.1\nhost:lab\n\n\0");
        assertTrue(peer.next().startsWith("CONNECTED\nversion:1.1\n"));
    }

    @Test
    void handshakeWithoutSubProtocolIsStillStomp() throws Exception {
        RawWebSocket peer = raw();
        assertNull(peer.session.getUpgradeResponse().getAcceptedSubProtocol());
        peer.sendBinary("CONNECT\naccept-version:1.2\nhost:lab\n\n\0");
        assertTrue(peer.next().startsWith("CONNECTED\nversion:1.2\n"));
    }

    @Test
    void frameSplitAcrossMessagesAndTwoFramesInOne() throws Exception {
        RawWebSocket peer = raw("v12.stomp");
        peer.send("CONNECT\naccept-version:1.2\nho");
        peer.send("st:lab\n\n\0\nSUBSCRIBE\nid:0\ndestination:/queue/q\nreceipt:a\n\n\0SEND\ndestination:/queue/q\n\nx\0");
        assertTrue(peer.next().startsWith("CONNECTED\n"));
        assertTrue(peer.next().startsWith("RECEIPT\nreceipt-id:a\n"));
        assertTrue(peer.next().startsWith("MESSAGE\n"));
    }

    @Test
    void errorThenCloseWhileTheServerKeepsServing() throws Exception {
        RawWebSocket bad = raw("v12.stomp");
        bad.send("CONNECT\naccept-version:1.2\nhost:lab\n\n\0");
        bad.next();
        bad.send("SEND\ndestination:/topic/a\\q\n\nx\0");
        String error = bad.next();
        assertTrue(error.startsWith("ERROR\n"), error);
        assertTrue(error.contains("STOMP 1.2 \"Value Encoding\""), error);
        assertEquals(StatusCode.NORMAL, bad.closeCode.get(10, TimeUnit.SECONDS));

        StompConnection good = stomp.connect(uri, ClientConnectOptions.DEFAULT).get(10, TimeUnit.SECONDS);
        assertEquals(List.of(), List.of());
        good.client().send("/topic/a", "fine", null, true).get(10, TimeUnit.SECONDS);
        good.client().disconnect().get(10, TimeUnit.SECONDS);
    }
}
