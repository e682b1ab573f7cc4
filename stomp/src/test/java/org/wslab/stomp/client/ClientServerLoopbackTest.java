package org.wslab.stomp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.session.ClientConnectOptions;
import org.wslab.stomp.broker.InMemoryBroker;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompLimits;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.session.HeartBeat;
import org.wslab.stomp.session.StompServerSession;

/** Our client session wired straight to our server session (no transport), per version. */
class ClientServerLoopbackTest {
    private final InMemoryBroker broker = new InMemoryBroker();
    private int ids;

    /** A client whose octets go straight into a server session and back. */
    private StompClient client(List<StompServerSession> keep) {
        return Loopback.client(broker, Runnable::run, "loop" + (++ids), keep);
    }

    @ParameterizedTest
    @EnumSource(StompVersion.class)
    void subscribeSendAckDisconnect(StompVersion version) throws Exception {
        List<StompServerSession> servers = new ArrayList<>();
        ClientConnectOptions opts = ClientConnectOptions.DEFAULT.withVersions(EnumSet.of(version));
        StompClient sub = client(servers);
        assertEquals(version.text(), sub.connect(opts, 0).get().header("version"));
        List<StompFrame> got = new ArrayList<>();
        AckMode mode = version == StompVersion.V1_0 ? AckMode.CLIENT : AckMode.CLIENT_INDIVIDUAL;
        assertEquals(StompCommand.RECEIPT, sub.subscribe("s1", "/queue/work", mode, got::add, true).get().command());

        StompClient pub = client(servers);
        pub.connect(opts, 0).get();
        pub.send("/queue/work", "héllo: \\ world", null, true).get();
        assertEquals(1, got.size());
        assertEquals("héllo: \\ world", got.get(0).bodyText());
        sub.ack(got.get(0), null, true).get();
        assertEquals(0, broker.backlog("/queue/work"));

        pub.transaction(StompCommand.BEGIN, "tx", false);
        pub.send("/queue/work", "in tx", "tx", false);
        assertEquals(1, got.size());
        pub.transaction(StompCommand.COMMIT, "tx", true).get();
        assertEquals(2, got.size());

        if (version != StompVersion.V1_0) {
            sub.nack(got.get(1), null, true).get();
            assertEquals(3, got.size(), "NACKed message redelivered");
            assertEquals("in tx", got.get(2).bodyText());
        }
        sub.disconnect().get();
        assertTrue(sub.closed().isDone());
        pub.disconnect().get();
        assertTrue(servers.stream().allMatch(StompServerSession::isClosed));
    }

    @Test
    void serverErrorFailsPendingReceipts() throws Exception {
        StompClient c = client(new ArrayList<>());
        c.connect(ClientConnectOptions.DEFAULT, 0).get();
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> c.transaction(StompCommand.COMMIT, "nope", true).get());
        StompErrorException error = (StompErrorException) e.getCause();
        assertTrue(error.error().header("message").contains("COMMIT"));
        assertEquals("r-1", error.error().header("receipt-id"));
        assertTrue(c.closed().isCompletedExceptionally());
    }

    @Test
    void clientHeartBeatsOnItsClock() throws Exception {
        List<byte[]> sent = new ArrayList<>();
        StompClient c = new StompClient(new StompClientOutput() {
            @Override
            public void write(byte[] octets) {
                sent.add(octets);
            }

            @Override
            public void close() {
            }
        }, StompLimits.DEFAULT);
        c.connect(ClientConnectOptions.DEFAULT.withHeartBeat(new HeartBeat(1000, 1000)), 0);
        byte[] connected = "CONNECTED\nversion:1.2\nheart-beat:500,3000\n\n\0".getBytes();
        c.receive(connected, 0, connected.length, 0);
        long ms = 1_000_000;
        // client sends every max(1000, 3000) = 3 s; expects every max(500, 1000) = 1 s, drops after 2 s
        c.receive(new byte[] {'\n'}, 0, 1, 1_500 * ms);
        c.tick(2_999 * ms);
        assertEquals(1, sent.size(), "only CONNECT so far");
        c.tick(3_000 * ms);
        assertEquals(2, sent.size());
        assertEquals("\n", new String(sent.get(1)));
        c.tick(3_500 * ms);
        assertTrue(!c.closed().isDone(), "2 s of silence is tolerated");
        c.tick(3_501 * ms);
        assertTrue(c.closed().isCompletedExceptionally(), "server silent for more than 2 × 1 s");
    }
}
