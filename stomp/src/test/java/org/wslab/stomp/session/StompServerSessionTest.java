package org.wslab.stomp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.codec.StompLimits;

/** The server session against the spec's connection rules, frame by frame. */
class StompServerSessionTest {
    private final ServerHarness h = new ServerHarness(StompServerConfig.DEFAULT);

    @Test
    void negotiatesTheHighestCommonVersion() {
        // STOMP 1.2 "Protocol Negotiation"
        assertEquals("1.2", h.open(0).connect("1.0,1.1,1.2").last().header("version"));
        assertEquals("1.1", h.open(0).connect("1.0,1.1").last().header("version"));
        ServerHarness.Client c = h.open(0).send("CONNECT\nhost:lab\n\n\0");
        StompFrame connected = c.last();
        assertEquals(StompCommand.CONNECTED, connected.command());
        assertEquals("1.0", connected.header("version"), "no accept-version means 1.0");
        assertEquals("wslab/0.1", connected.header("server"));
        assertTrue(connected.header("session").startsWith("s"));
        // STOMP 1.2 "CONNECT or STOMP Frame": the STOMP command connects too
        assertEquals(StompCommand.CONNECTED, h.open(0).send("STOMP\naccept-version:1.2\nhost:lab\n\n\0").last().command());
    }

    @Test
    void noCommonVersionIsAnErrorListingOurVersionsThenClose() {
        ServerHarness.Client c = h.open(0).send("CONNECT\naccept-version:2.0,3.1\n\n\0");
        StompFrame error = c.last();
        assertEquals(StompCommand.ERROR, error.command());
        assertEquals("1.0,1.1,1.2", error.header("version"));
        assertTrue(error.header("message").contains("Protocol Negotiation"), error.header("message"));
        assertTrue(c.closed);
    }

    @Test
    void heartBeatMaxRuleEachWay() {
        // STOMP 1.2 "Heart-beating": server 10000,10000; client 5000,20000 -> server sends every
        // max(10000, 20000) and expects every max(5000, 10000)
        ServerHarness.Client c = h.open(0).send("CONNECT\naccept-version:1.2\nheart-beat:5000,20000\n\n\0");
        assertEquals("10000,10000", c.last().header("heart-beat"));
        assertEquals(20_000, c.session.heartBeatMillis()[0]);
        assertEquals(10_000, c.session.heartBeatMillis()[1]);
        ServerHarness.Client off = h.open(0).send("CONNECT\naccept-version:1.2\nheart-beat:0,0\n\n\0");
        assertEquals(0, off.session.heartBeatMillis()[0]);
        assertEquals(Long.MAX_VALUE, off.tick(Long.MAX_VALUE / 2));
    }

    @Test
    void heartBeatsSentOnTheCallersClockAndSilentClientDropped() {
        long ms = 1_000_000;
        ServerHarness.Client c = h.open(0).send("CONNECT\naccept-version:1.2\nheart-beat:1000,1000\n\n\0", 0);
        // server sends every max(10000,1000)=10 s; expects every max(1000,10000)=10 s; drops after 20 s silence
        c.tick(9_999 * ms);
        assertEquals(0, c.heartBeats);
        c.tick(10_000 * ms);
        assertEquals(1, c.heartBeats);
        c.send("\n", 15_000 * ms);
        c.tick(35_000 * ms);
        assertFalse(c.closed, "exactly at the tolerance the client is kept");
        c.tick(35_001 * ms);
        assertTrue(c.closed);
        assertEquals(StompCommand.ERROR, c.last().command());
        assertTrue(c.last().header("message").contains("Heart-beating"));
    }

    @Test
    void receiptForAnyFrameAndGracefulDisconnect() {
        ServerHarness.Client c = h.open(0).connect("1.2");
        c.send("SUBSCRIBE\nid:0\ndestination:/topic/a\nreceipt:r1\n\n\0");
        assertEquals("r1", c.last().header("receipt-id"));
        c.send("DISCONNECT\nreceipt:77\n\n\0");
        assertEquals(StompCommand.RECEIPT, c.last().command());
        assertEquals("77", c.last().header("receipt-id"));
        assertTrue(c.closed);
    }

    @Test
    void frameBeforeConnectIsRefused() {
        ServerHarness.Client c = h.open(0).send("SEND\ndestination:/topic/a\n\nx\0");
        assertEquals(StompCommand.ERROR, c.last().command());
        assertTrue(c.closed);
    }

    @Test
    void perVersionAckHeaders() {
        // 1.0: message-id; 1.1: message-id + subscription; 1.2: id = MESSAGE's ack
        for (String v : List.of("1.0", "1.1", "1.2")) {
            ServerHarness.Client c = h.open(0).connect(v);
            c.send("SUBSCRIBE\nid:s\ndestination:/queue/v" + v + "\nack:client\n\n\0");
            h.open(0).connect("1.2").send("SEND\ndestination:/queue/v" + v + "\n\nhi\0");
            StompFrame m = c.messages().get(0);
            String ack = switch (v) {
                case "1.0" -> "ACK\nmessage-id:" + m.header("message-id") + "\n\n\0";
                case "1.1" -> "ACK\nmessage-id:" + m.header("message-id") + "\nsubscription:s\n\n\0";
                default -> "ACK\nid:" + m.header("ack") + "\n\n\0";
            };
            assertEquals(v.equals("1.2"), m.header("ack") != null);
            c.send(ack.replace("\n\n\0", "\nreceipt:a\n\n\0"));
            assertEquals(StompCommand.RECEIPT, c.last().command(), v);
            c.send("DISCONNECT\n\n\0");
            assertEquals(0, ((org.wslab.stomp.broker.InMemoryBroker) h.broker).backlog("/queue/v" + v), "acked, not requeued");
        }
    }

    @Test
    void transactionsHoldSendsAndAcksUntilCommit() {
        ServerHarness.Client sub = h.open(0).connect("1.2").send("SUBSCRIBE\nid:0\ndestination:/topic/t\n\n\0");
        ServerHarness.Client pub = h.open(0).connect("1.2");
        pub.send("BEGIN\ntransaction:tx1\n\n\0").send("SEND\ndestination:/topic/t\ntransaction:tx1\n\none\0");
        assertEquals(0, sub.messages().size());
        pub.send("COMMIT\ntransaction:tx1\n\n\0");
        assertEquals(1, sub.messages().size());
        pub.send("BEGIN\ntransaction:tx2\n\n\0").send("SEND\ndestination:/topic/t\ntransaction:tx2\n\ntwo\0")
                .send("ABORT\ntransaction:tx2\n\n\0");
        pub.send("BEGIN\ntransaction:tx3\n\n\0").send("SEND\ndestination:/topic/t\ntransaction:tx3\n\nthree\0");
        pub.transportClosed(0); // implicit abort
        assertEquals(1, sub.messages().size());
        assertEquals("one", sub.messages().get(0).bodyText());
    }

    @Test
    void authenticatorRefusesBadLogin() {
        ServerHarness auth = new ServerHarness(StompServerConfig.DEFAULT.withAuthenticator((login, pass) ->
                "guest".equals(login) && "guest".equals(pass) ? Optional.empty() : Optional.of("bad credentials")));
        ServerHarness.Client bad = auth.open(0).send("CONNECT\naccept-version:1.2\nlogin:x\npasscode:y\n\n\0");
        assertEquals(StompCommand.ERROR, bad.last().command());
        assertTrue(bad.last().header("message").contains("CONNECT or STOMP Frame"));
        ServerHarness.Client good = auth.open(0).send("CONNECT\naccept-version:1.2\nlogin:guest\npasscode:guest\n\n\0");
        assertEquals(StompCommand.CONNECTED, good.last().command());
        assertNull(good.last().header("message"));
    }

    @Test
    void eachSizeLimitEndsInAnErrorThenClose() {
        // STOMP 1.2 "Size Limits": limits are settings; crossing one is an ERROR, then close
        ServerHarness tight = new ServerHarness(StompServerConfig.DEFAULT.withLimits(new StompLimits(3, 64, 16)));
        String[][] cases = {
            {"SEND\ndestination:/topic/a\na:1\nb:2\nc:3\n\nx\0", "TOO_MANY_HEADERS"},
            {"SEND\ndestination:/topic/" + "a".repeat(64) + "\n\nx\0", "LINE_TOO_LONG"},
            {"SEND\ndestination:/topic/a\n\n" + "x".repeat(17) + "\0", "BODY_TOO_LARGE"},
            {"SEND\ndestination:/topic/a\ncontent-length:17\n\n", "BODY_TOO_LARGE"},
        };
        for (String[] c : cases) {
            ServerHarness.Client client = tight.open(0).connect("1.2").send(c[0]);
            assertEquals(StompCommand.ERROR, client.last().command(), c[1]);
            assertTrue(client.last().bodyText().contains(c[1]), client.last().bodyText());
            assertTrue(client.last().header("message").contains("\"Size Limits\""));
            assertTrue(client.closed);
        }
        ServerHarness.Client within = tight.open(0).connect("1.2").send("SEND\ndestination:/topic/a\n\n" + "x".repeat(16) + "\0");
        assertEquals(StompCommand.CONNECTED, within.last().command(), "exactly at the limits is served");
        assertFalse(within.closed);
    }
}
