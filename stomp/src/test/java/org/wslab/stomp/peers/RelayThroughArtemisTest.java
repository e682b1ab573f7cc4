package org.wslab.stomp.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.jetty.StompConnection;
import org.wslab.stomp.jetty.StompEndpointConfig;
import org.wslab.stomp.jetty.StompJetty;
import org.wslab.stomp.jetty.StompWebSocketClient;
import org.wslab.stomp.jetty.StompWireTap;
import org.wslab.stomp.relay.RelayBroker;
import org.wslab.stomp.session.ClientConnectOptions;
import org.wslab.stomp.session.HeartBeat;
import org.wslab.stomp.session.StompErrorException;
import org.wslab.stomp.session.StompServerConfig;
import org.wslab.stomp.socket.StompTcpClient;

/**
 * The relay: two of our Jetty STOMP servers, each relaying over TCP to one embedded Artemis,
 * share a topic and a queue through it; clients keep their own sessions and receipts with us.
 */
class RelayThroughArtemisTest {
    private static EmbeddedArtemis artemis;
    private static StompTcpClient tcp;
    private static ScheduledExecutorService scheduler;
    private static final List<Server> servers = new ArrayList<>();
    private static StompWebSocketClient client;

    @BeforeAll
    static void start() throws Exception {
        artemis = new EmbeddedArtemis();
        tcp = new StompTcpClient();
        scheduler = Executors.newSingleThreadScheduledExecutor();
        client = new StompWebSocketClient();
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        for (Server s : servers) {
            s.stop();
        }
        tcp.close();
        scheduler.shutdownNow();
        artemis.close();
    }

    private static URI labServer(int upstreamPort) throws Exception {
        RelayBroker relay = new RelayBroker(sessionId -> tcp.connect("127.0.0.1", upstreamPort,
                ClientConnectOptions.DEFAULT.withHeartBeat(HeartBeat.NONE)), 5_000);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(StompJetty.upgradeHandler(server, "/websocket/app",
                new StompEndpointConfig(relay, StompServerConfig.DEFAULT, scheduler, StompWireTap.NONE)));
        server.start();
        servers.add(server);
        return URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/websocket/app");
    }

    @Test
    void twoLabServersShareATopicAndAQueueThroughArtemis() throws Exception {
        URI lab1 = labServer(artemis.port);
        URI lab2 = labServer(artemis.port);
        StompConnection a = client.connect(lab1, ClientConnectOptions.DEFAULT).get(20, TimeUnit.SECONDS);
        StompConnection b = client.connect(lab2, ClientConnectOptions.DEFAULT).get(20, TimeUnit.SECONDS);
        BlockingQueue<StompFrame> atA = new LinkedBlockingQueue<>();
        BlockingQueue<StompFrame> atB = new LinkedBlockingQueue<>();
        a.session().subscribe("t", "/topic/relay.news", AckMode.AUTO, atA::add, true).get(20, TimeUnit.SECONDS);
        b.session().subscribe("t", "/topic/relay.news", AckMode.AUTO, atB::add, true).get(20, TimeUnit.SECONDS);

        b.session().send("/topic/relay.news", "from lab 2", null, true).get(20, TimeUnit.SECONDS);
        assertEquals("from lab 2", atA.poll(20, TimeUnit.SECONDS).bodyText(), "crossed servers via Artemis");
        assertEquals("from lab 2", atB.poll(20, TimeUnit.SECONDS).bodyText());

        BlockingQueue<StompFrame> jobs = new LinkedBlockingQueue<>();
        a.session().subscribe("q", "/queue/relay.jobs", AckMode.CLIENT_INDIVIDUAL, jobs::add, true).get(20, TimeUnit.SECONDS);
        b.session().transaction(StompCommand.BEGIN, "tx", false);
        b.session().send("/queue/relay.jobs", "job", "tx", false);
        b.session().transaction(StompCommand.COMMIT, "tx", true).get(20, TimeUnit.SECONDS);
        StompFrame job = jobs.poll(20, TimeUnit.SECONDS);
        assertNotNull(job);
        assertEquals("job", job.bodyText());
        assertEquals(StompCommand.RECEIPT, a.session().ack(job, null, true).get(20, TimeUnit.SECONDS).command());

        a.session().disconnect().get(20, TimeUnit.SECONDS);
        b.session().disconnect().get(20, TimeUnit.SECONDS);
    }

    @Test
    void clientsReconnectThroughABrokerRestart() throws Exception {
        EmbeddedArtemis own = new EmbeddedArtemis();
        int port = own.port;
        URI lab = labServer(port);
        StompConnection before = client.connect(lab, ClientConnectOptions.DEFAULT).get(20, TimeUnit.SECONDS);
        before.session().subscribe("t", "/topic/restart", AckMode.AUTO, f -> { }, true).get(20, TimeUnit.SECONDS);
        own.close();
        // the upstream is gone: our session answers with an ERROR naming the rule and closes
        ExecutionException gone = assertThrows(ExecutionException.class, () -> before.session().closed().get(20, TimeUnit.SECONDS));
        assertTrue(((StompErrorException) gone.getCause()).error().header("message").contains("broker"));

        EmbeddedArtemis restarted = new EmbeddedArtemis(port);
        try {
            StompConnection after = client.connect(lab, ClientConnectOptions.DEFAULT).get(20, TimeUnit.SECONDS);
            BlockingQueue<StompFrame> got = new LinkedBlockingQueue<>();
            after.session().subscribe("t", "/topic/restart", AckMode.AUTO, got::add, true).get(20, TimeUnit.SECONDS);
            after.session().send("/topic/restart", "back", null, true).get(20, TimeUnit.SECONDS);
            assertEquals("back", got.poll(20, TimeUnit.SECONDS).bodyText());
            after.session().disconnect().get(20, TimeUnit.SECONDS);
        } finally {
            restarted.close();
        }
    }

    @Test
    void unreachableUpstreamIsAnErrorForTheClient() throws Exception {
        URI lab = labServer(EmbeddedArtemis.freePort());
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.connect(lab, ClientConnectOptions.DEFAULT).get(20, TimeUnit.SECONDS));
        StompErrorException error = (StompErrorException) e.getCause();
        assertTrue(error.error().header("message").contains("broker"), error.error().toString());
    }
}
