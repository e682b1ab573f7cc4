package org.wslab.stomp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.StompViolation;

/**
 * A transport that could not send a frame (wslab policy, {@link StompRule#SEND_FAILED}: Jetty's
 * endpoint reports a failed send callback this way) ends the session as a disconnect does
 * (STOMP 1.2 "DISCONNECT": unacknowledged messages go back), and the session says which rule.
 */
class TransportFailureTest {
    private final ServerHarness h = new ServerHarness(StompServerConfig.DEFAULT.withHeartBeat(HeartBeat.NONE));

    @Test
    void aFailedSendEndsTheSessionNamingTheRuleAndItsMessagesGoBack() {
        ServerHarness.Client consumer = h.open(0).connect("1.2")
                .send("SUBSCRIBE\nid:0\ndestination:/queue/q\nack:client-individual\n\n\0");
        ServerHarness.Client producer = h.open(0).connect("1.2");
        producer.send("SEND\ndestination:/queue/q\n\nonce\0", 0);
        h.pumpAll(0);
        assertEquals(1, consumer.messages().size(), "delivered, not acknowledged");

        consumer.session.transportFailed(StompViolation.of(StompRule.SEND_FAILED, "broken pipe"), 1);
        assertTrue(consumer.session.shouldCloseTransport());
        assertEquals(StompRule.SEND_FAILED, consumer.session.failure().orElseThrow().rule());

        ServerHarness.Client other = h.open(0).connect("1.2").send("SUBSCRIBE\nid:0\ndestination:/queue/q\n\n\0");
        h.pumpAll(2);
        assertEquals(1, other.messages().size(), "the unacknowledged message is delivered again");
        assertEquals("true", other.messages().get(0).header("redelivered"));
    }
}
