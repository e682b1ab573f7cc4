package org.wslab.lab.cli;

import org.wslab.stomp.peers.EmbeddedArtemis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code wslab serve --relay HOST:PORT} against a real broker (embedded ActiveMQ Artemis): two lab
 * servers relaying to it share a topic — a subscriber on server A (Jetty) gets what a sender on
 * server B (our engine) sends — and a relay target that does not answer stops {@code serve} at start with one line.
 */
class ServeRelayTest {
    private static EmbeddedArtemis artemis;

    @BeforeAll
    static void startBroker() throws Exception {
        artemis = new EmbeddedArtemis();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        artemis.close();
    }

    @Test
    void twoServersShareATopicThroughTheBroker() throws Exception {
        String relay = "127.0.0.1:" + artemis.port;
        // server A on Jetty, server B on our engine: the relay does not care which engine a session is on
        try (RunningServe a = new RunningServe("--relay", relay);
             RunningServe b = new RunningServe("--relay", relay, "--engine", "wslab")) {
            assertTrue(a.out().contains("stomp: relay to the STOMP broker at " + relay), a.out());
            String atA = "ws://127.0.0.1:" + a.port() + "/websocket/app";
            String atB = "ws://127.0.0.1:" + b.port() + "/websocket/app";
            try (BackgroundCli subscriber = new BackgroundCli("stomp", atA, "subscribe", "/topic/relay.news", "--count", "1")) {
                subscriber.awaitOutput("subscribed to /topic/relay.news (receipt received)");
                CliRun send = CliRun.of("stomp", atB, "send", "/topic/relay.news", "from B", "--receipt");
                assertEquals(0, send.exitCode(), send.toString());
                CliRun got = subscriber.finish();
                assertEquals(0, got.exitCode(), got.toString());
                List<String> lines = got.outLines();
                assertEquals("MESSAGE", lines.get(0), got.toString()); // "subscribed to" is a status line, on stderr
                assertTrue(lines.contains("destination:/topic/relay.news"), got.toString());
                assertEquals("from B", lines.get(lines.indexOf("") + 1), "crossed from server B to server A via Artemis");
            }
        }
    }

    @Test
    void anUnreachableRelayStopsServeWithOneLine() throws Exception {
        int nobody = EmbeddedArtemis.freePort();
        CliRun run = CliRun.of("serve", "--port", "0", "--relay", "127.0.0.1:" + nobody);
        assertEquals(ExitCode.USAGE_OR_CONNECTION, run.exitCode(), run.toString());
        assertEquals(List.of("wslab: cannot reach the STOMP relay at 127.0.0.1:" + nobody
                + ": connection refused (is the broker running, with a STOMP acceptor on that port?)"), run.errLines());
        assertEquals("", run.out(), "no banner: the server did not start");
    }

    @Test
    void aRelayThatIsNotHostPortIsAUsageError() {
        CliRun run = CliRun.of("serve", "--port", "0", "--relay", "localhost");
        run.assertOneErrorLine(ExitCode.USAGE_OR_CONNECTION);
        assertTrue(run.err().contains("--relay: 'localhost' is not HOST:PORT"), run.toString());
    }
}
