package org.wslab.stomp.peers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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
import org.wslab.stomp.client.StompConnection;
import org.wslab.stomp.jetty.StompEndpointConfig;
import org.wslab.stomp.jetty.StompJetty;
import org.wslab.stomp.jetty.StompWebSocketClient;
import org.wslab.stomp.jetty.StompWireTap;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.relay.RelayBroker;
import org.wslab.stomp.relay.RelaySettings;
import org.wslab.stomp.session.ClientConnectOptions;
import org.wslab.stomp.session.HeartBeat;
import org.wslab.stomp.client.StompErrorException;
import org.wslab.stomp.session.StompServerConfig;
import org.wslab.stomp.socket.StompTcpClient;

/**
 * The relay: two of our Jetty STOMP servers, each relaying over TCP to one embedded Artemis,
 * share a topic and a queue through it; clients keep their own sessions and receipts with us,
 * through broker restarts (stop + start on the same port) and within the outage policy's limits.
 */
class RelayThroughArtemisTest {
    private static EmbeddedArtemis artemis;
    private static StompTcpClient tcp;
    private static ScheduledExecutorService scheduler;
    private static final List<Server> servers = new ArrayList<>();
    private static final List<RelayBroker> relays = new ArrayList<>();
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
        relays.forEach(RelayBroker::close);
        tcp.close();
        scheduler.shutdownNow();
        artemis.close();
    }

    /** Test-sized outage settings: quick backoff, a give-up far beyond a restart (bounded waits). */
    private static final RelaySettings QUICK = RelaySettings.DEFAULT
            .withBackoff(Duration.ofMillis(20), Duration.ofMillis(200))
            .withAttemptTimeout(Duration.ofSeconds(2))
            .withGiveUpAfter(Duration.ofSeconds(15));
    /** The server beats every 200 ms to clients asking for it, whatever the upstream does. */
    private static final StompServerConfig BEATING = StompServerConfig.DEFAULT.withHeartBeat(new HeartBeat(100, 0));
    /** A client that drops a server silent for 400 ms: an outage must not silence our session. */
    private static final ClientConnectOptions WANTS_BEATS = ClientConnectOptions.DEFAULT.withHeartBeat(new HeartBeat(0, 200));

    private static URI labServer(int upstreamPort) throws Exception {
        return labServer(upstreamPort, QUICK);
    }

    private static URI labServer(int upstreamPort, RelaySettings settings) throws Exception {
        RelayBroker relay = new RelayBroker((sessionId, connect) -> tcp.connect("127.0.0.1", upstreamPort, connect), settings);
        relays.add(relay);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(StompJetty.upgradeHandler(server, "/websocket/app",
                new StompEndpointConfig(relay, BEATING, scheduler, StompWireTap.NONE)));
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
        a.client().subscribe("t", "/topic/relay.news", AckMode.AUTO, atA::add, true).get(20, TimeUnit.SECONDS);
        b.client().subscribe("t", "/topic/relay.news", AckMode.AUTO, atB::add, true).get(20, TimeUnit.SECONDS);

        b.client().send("/topic/relay.news", "from lab 2", null, true).get(20, TimeUnit.SECONDS);
        assertEquals("from lab 2", atA.poll(20, TimeUnit.SECONDS).bodyText(), "crossed servers via Artemis");
        assertEquals("from lab 2", atB.poll(20, TimeUnit.SECONDS).bodyText());

        BlockingQueue<StompFrame> jobs = new LinkedBlockingQueue<>();
        a.client().subscribe("q", "/queue/relay.jobs", AckMode.CLIENT_INDIVIDUAL, jobs::add, true).get(20, TimeUnit.SECONDS);
        b.client().transaction(StompCommand.BEGIN, "tx", false);
        b.client().send("/queue/relay.jobs", "job", "tx", false);
        b.client().transaction(StompCommand.COMMIT, "tx", true).get(20, TimeUnit.SECONDS);
        StompFrame job = jobs.poll(20, TimeUnit.SECONDS);
        assertNotNull(job);
        assertEquals("job", job.bodyText());
        assertEquals(StompCommand.RECEIPT, a.client().ack(job, null, true).get(20, TimeUnit.SECONDS).command());

        a.client().disconnect().get(20, TimeUnit.SECONDS);
        b.client().disconnect().get(20, TimeUnit.SECONDS);
    }

    @Test
    void sessionSurvivesABrokerRestartAndDeliveryResumes() throws Exception {
        EmbeddedArtemis own = new EmbeddedArtemis();
        int port = own.port;
        URI lab = labServer(port);
        StompConnection c = client.connect(lab, WANTS_BEATS).get(20, TimeUnit.SECONDS);
        BlockingQueue<StompFrame> got = new LinkedBlockingQueue<>();
        c.client().subscribe("t", "/topic/restart", AckMode.AUTO, got::add, true).get(20, TimeUnit.SECONDS);
        BlockingQueue<StompFrame> jobs = new LinkedBlockingQueue<>();
        c.client().subscribe("q", "/queue/restart.jobs", AckMode.CLIENT_INDIVIDUAL, jobs::add, true).get(20, TimeUnit.SECONDS);
        c.client().send("/queue/restart.jobs", "before", null, true).get(20, TimeUnit.SECONDS);
        StompFrame before = jobs.poll(20, TimeUnit.SECONDS);
        assertEquals("before", before.bodyText());

        own.close();
        // no broker exists now: these SENDs are held, in order, and so is the RECEIPT
        c.client().send("/topic/restart", "during 1", null, false);
        c.client().send("/topic/restart", "during 2", null, false);
        CompletableFuture<StompFrame> during = c.client().send("/topic/restart", "during 3", null, true);
        assertFalse(during.isDone(), "no RECEIPT while no broker can have confirmed the SEND");
        EmbeddedArtemis restarted = new EmbeddedArtemis(port);
        try {
            assertEquals(StompCommand.RECEIPT, during.get(20, TimeUnit.SECONDS).command(), "held RECEIPT after reconnect");
            for (int i = 1; i <= 3; i++) {
                assertEquals("during " + i, got.poll(20, TimeUnit.SECONDS).bodyText(), "re-subscribed before the flush, in order");
            }
            c.client().send("/topic/restart", "after the restart", null, true).get(20, TimeUnit.SECONDS);
            assertEquals("after the restart", got.poll(20, TimeUnit.SECONDS).bodyText());
            // an ACK of a delivery from the lost connection is settled here, never sent to the new one
            assertEquals(StompCommand.RECEIPT, c.client().ack(before, null, true).get(20, TimeUnit.SECONDS).command());
            c.client().send("/queue/restart.jobs", "after", null, true).get(20, TimeUnit.SECONDS);
            StompFrame after = jobs.poll(20, TimeUnit.SECONDS);
            assertEquals("after", after.bodyText(), "queue subscription re-made with its ack mode");
            assertEquals(StompCommand.RECEIPT, c.client().ack(after, null, true).get(20, TimeUnit.SECONDS).command());
            assertFalse(c.client().closed().isDone(), "the client session stayed open throughout");
            c.client().disconnect().get(20, TimeUnit.SECONDS);
        } finally {
            restarted.close();
        }
    }

    @Test
    void anOutageLongerThanTheGiveUpDeadlineIsAnErrorNamingTheRule() throws Exception {
        EmbeddedArtemis own = new EmbeddedArtemis();
        URI lab = labServer(own.port, QUICK.withGiveUpAfter(Duration.ofMillis(300)));
        StompConnection c = client.connect(lab, WANTS_BEATS).get(20, TimeUnit.SECONDS);
        c.client().subscribe("t", "/topic/gone", AckMode.AUTO, f -> { }, true).get(20, TimeUnit.SECONDS);
        own.close();
        CompletableFuture<StompFrame> held = c.client().send("/topic/gone", "never confirmed", null, true);
        ExecutionException gone = assertThrows(ExecutionException.class, () -> c.client().closed().get(20, TimeUnit.SECONDS));
        assertErrorNames(gone, StompRule.RELAY_GAVE_UP);
        assertThrows(ExecutionException.class, () -> held.get(20, TimeUnit.SECONDS), "no RECEIPT for an unconfirmed SEND");
    }

    @Test
    void sendsBeyondTheOutageBufferAreAnErrorNamingTheRule() throws Exception {
        // nothing listens upstream: the whole session is an outage, within a long give-up deadline
        URI lab = labServer(EmbeddedArtemis.freePort(), QUICK.withBuffer(2, 1024));
        StompConnection c = client.connect(lab, WANTS_BEATS).get(20, TimeUnit.SECONDS);
        c.client().send("/queue/held", "one", null, false);
        c.client().send("/queue/held", "two", null, false);
        c.client().send("/queue/held", "three", null, false);
        ExecutionException full = assertThrows(ExecutionException.class, () -> c.client().closed().get(20, TimeUnit.SECONDS));
        assertErrorNames(full, StompRule.RELAY_BUFFER_FULL);
    }

    @Test
    void anUnreachableUpstreamIsAnErrorOnceTheGiveUpDeadlinePasses() throws Exception {
        URI lab = labServer(EmbeddedArtemis.freePort(), QUICK.withGiveUpAfter(Duration.ofMillis(300)));
        StompConnection c = client.connect(lab, WANTS_BEATS).get(20, TimeUnit.SECONDS);
        CompletableFuture<StompFrame> subscribed = c.client().subscribe("t", "/topic/x", AckMode.AUTO, f -> { }, true);
        ExecutionException e = assertThrows(ExecutionException.class, () -> c.client().closed().get(20, TimeUnit.SECONDS));
        assertErrorNames(e, StompRule.RELAY_GAVE_UP);
        assertTrue(subscribed.isCompletedExceptionally(), "no RECEIPT for a SUBSCRIBE the broker never saw");
    }

    @Test
    void aSilentUpstreamTimesOutEachAttemptAndTheRelayGivesUp() throws Exception {
        // accepts TCP, never answers CONNECTED: every attempt crosses attemptTimeout
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            URI lab = labServer(silent.getLocalPort(), QUICK.withAttemptTimeout(Duration.ofMillis(50))
                    .withGiveUpAfter(Duration.ofMillis(400)));
            StompConnection c = client.connect(lab, WANTS_BEATS).get(20, TimeUnit.SECONDS);
            ExecutionException e = assertThrows(ExecutionException.class, () -> c.client().closed().get(20, TimeUnit.SECONDS));
            assertErrorNames(e, StompRule.RELAY_GAVE_UP);
            String detail = ((StompErrorException) e.getCause()).error().bodyText();
            assertTrue(detail.contains("TimeoutException"), detail);
        }
    }

    @Test
    void anUpstreamErrorFrameIsNotAnOutageButAnErrorForTheClient() throws Exception {
        // a scripted upstream: CONNECTED, then an ERROR (re-sending would only be refused again)
        try (ServerSocket refusing = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread peer = new Thread(() -> {
                try (Socket s = refusing.accept()) {
                    InputStream in = s.getInputStream();
                    int b;
                    while ((b = in.read()) > 0) {
                        // the CONNECT frame, up to its NUL
                    }
                    s.getOutputStream().write("CONNECTED\nversion:1.2\n\n\0ERROR\nmessage:no way\n\n\0"
                            .getBytes(StandardCharsets.UTF_8));
                    in.read(); // until the relay closes
                } catch (IOException ignored) {
                    // the test asserts on the client side
                }
            });
            peer.setDaemon(true);
            peer.start();
            URI lab = labServer(refusing.getLocalPort());
            StompConnection c = client.connect(lab, WANTS_BEATS).get(20, TimeUnit.SECONDS);
            ExecutionException e = assertThrows(ExecutionException.class, () -> c.client().closed().get(20, TimeUnit.SECONDS));
            assertErrorNames(e, StompRule.BROKER_UNAVAILABLE);
            assertTrue(((StompErrorException) e.getCause()).error().bodyText().contains("no way"));
        }
    }

    private static void assertErrorNames(ExecutionException e, StompRule rule) {
        StompErrorException error = (StompErrorException) e.getCause();
        assertNotNull(error.error(), "an ERROR frame, not a bare close: " + error);
        assertTrue(error.error().header("message").startsWith(rule.statement()), error.error().toString());
    }
}
