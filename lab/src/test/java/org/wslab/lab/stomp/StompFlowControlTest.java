package org.wslab.lab.stomp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.wslab.lab.drive.StompDrive;
import org.wslab.lab.server.Engine;
import org.wslab.lab.server.LabEndpoint;
import org.wslab.lab.server.LabServer;
import org.wslab.lab.server.TestServer;
import org.wslab.stomp.broker.MailboxLimits;
import org.wslab.stomp.session.StompServerConfig;

/**
 * The lab's STOMP flow control on both engines, counted by {@link StompDrive} over Jetty's client
 * (wslab policy; STOMP 1.2 leaves flow control to the server): a burst reaches a reading
 * subscriber whole, a topic fans out to many subscribers with nothing lost, and a subscriber that
 * stops reading is cut off with {@code SLOW_CONSUMER} while the readers beside it receive every
 * message. Counts only, no timing assertions.
 */
class StompFlowControlTest {
    /** Small limits so that a stalled socket's buffers fill and the time limit passes quickly. */
    private static final StompServerConfig TIGHT = StompServerConfig.DEFAULT.withMailbox(
            MailboxLimits.DEFAULT.withBytes(256 << 10, 128 << 10, 2 << 20).withSlowConsumerNanos(500_000_000L));

    @RegisterExtension
    final TestServer server = new TestServer();

    private URI start(Engine engine) throws Exception {
        LabServer s = server.start(engine, c -> c.withStomp(TIGHT));
        return s.webSocketUri(LabEndpoint.stomp());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aBurstReachesAReadingSubscriberWhole(Engine engine) throws Exception {
        // Rule (wslab policy): a publisher faster than its subscriber is paused, never dropped.
        StompDrive.Result r = new StompDrive(start(engine), 1, 4000, 4096, false, Duration.ZERO,
                Duration.ofSeconds(60)).run();
        assertEquals(4000, r.received(), r.toString());
        assertEquals(0, r.outOfOrder(), r.toString());
        assertTrue(r.passed(), r.toString());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aTopicFansOutToManySubscribersWithNothingLost(Engine engine) throws Exception {
        // Rule (STOMP 1.2 "SUBSCRIBE", the lab's /topic semantics): every subscription gets every message, in order.
        StompDrive.Result r = new StompDrive(start(engine), 300, 50, 512, false, Duration.ZERO,
                Duration.ofSeconds(60)).run();
        assertEquals(300, r.connected(), r.toString());
        assertEquals(300L * 50, r.received(), r.toString());
        assertTrue(r.passed(), r.toString());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aStalledSubscriberIsCutOffWhileTheReadersGetEverything(Engine engine) throws Exception {
        // Rule (wslab policy, SLOW_CONSUMER): over its mailbox limit longer than the time limit, a
        // subscriber is cut off; the publisher it held back resumes, and no reader loses a message.
        StompDrive.Result r = new StompDrive(start(engine), 10, 4000, 4096, true, Duration.ofMillis(300),
                Duration.ofSeconds(90)).run();
        assertEquals(10L * 4000, r.received(), r.toString());
        assertEquals(0, r.lost(), r.toString());
        assertTrue(r.stalledReceived() < 4000, "the stalled one cannot have read everything: " + r);
        assertTrue(r.stalledError() != null && r.stalledError().startsWith("slow consumer:")
                && r.stalledError().contains("(wslab policy)"), "cut off with an ERROR naming the rule: " + r);
        assertTrue(r.passed(), r.toString());
    }
}
