package org.wslab.stomp.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.EnumSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.client.StompConnection;
import org.wslab.stomp.jetty.StompWebSocketClient;
import org.wslab.stomp.session.ClientConnectOptions;

/**
 * A real third-party peer: our STOMP client over WebSocket against an embedded ActiveMQ Artemis
 * broker (its STOMP acceptor also speaks STOMP over WebSocket); see {@link EmbeddedArtemis}.
 */
class ArtemisPeerTest {
    private static EmbeddedArtemis artemis;
    private static StompWebSocketClient client;
    private static URI uri;

    @BeforeAll
    static void start() throws Exception {
        artemis = new EmbeddedArtemis();
        uri = URI.create("ws://127.0.0.1:" + artemis.port + "/stomp");
        client = new StompWebSocketClient();
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (artemis != null) {
            artemis.close();
        }
    }

    @Test
    void topicMessagesFlowThroughArtemisPerVersion() throws Exception {
        for (StompVersion v : StompVersion.values()) {
            ClientConnectOptions opts = ClientConnectOptions.DEFAULT.withVersions(EnumSet.of(v));
            StompConnection sub = client.connect(uri, opts).get(20, TimeUnit.SECONDS);
            assertEquals(v, sub.client().version());
            assertEquals(v.subProtocol(), sub.subProtocol(), "Artemis selects the sub-protocol we offered");
            BlockingQueue<StompFrame> got = new LinkedBlockingQueue<>();
            String topic = "/topic/wslab." + v.subProtocol().replace(".", "");
            sub.client().subscribe("s1", topic, AckMode.AUTO, got::add, true).get(20, TimeUnit.SECONDS);

            StompConnection pub = client.connect(uri, opts).get(20, TimeUnit.SECONDS);
            pub.client().send(topic, "hello Artemis: \\ ü", null, true).get(20, TimeUnit.SECONDS);
            StompFrame m = got.poll(20, TimeUnit.SECONDS);
            assertNotNull(m, "message from Artemis");
            assertEquals("hello Artemis: \\ ü", m.bodyText());
            pub.client().disconnect().get(20, TimeUnit.SECONDS);
            sub.client().disconnect().get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void queueWithClientAckAndTransactionThroughArtemis() throws Exception {
        StompConnection c = client.connect(uri, ClientConnectOptions.DEFAULT).get(20, TimeUnit.SECONDS);
        BlockingQueue<StompFrame> got = new LinkedBlockingQueue<>();
        c.client().subscribe("q", "/queue/wslab.jobs", AckMode.CLIENT_INDIVIDUAL, got::add, true).get(20, TimeUnit.SECONDS);
        c.client().transaction(StompCommand.BEGIN, "tx1", false);
        c.client().send("/queue/wslab.jobs", "job in tx", "tx1", false);
        c.client().transaction(StompCommand.COMMIT, "tx1", true).get(20, TimeUnit.SECONDS);
        StompFrame m = got.poll(20, TimeUnit.SECONDS);
        assertNotNull(m);
        assertEquals("job in tx", m.bodyText());
        assertNotNull(m.header("ack"), "Artemis 1.2 MESSAGE carries ack for client-individual");
        assertEquals(StompCommand.RECEIPT, c.client().ack(m, null, true).get(20, TimeUnit.SECONDS).command());
        c.client().disconnect().get(20, TimeUnit.SECONDS);
        // the DISCONNECT receipt comes first; the transport's close completes closed() just after it
        // (null after a DISCONNECT; an ERROR would complete it exceptionally, a hang would time out)
        assertNull(c.client().closed().get(20, TimeUnit.SECONDS), "a clean close after DISCONNECT");
    }
}
