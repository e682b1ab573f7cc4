package org.wslab.stomp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.broker.InMemoryBroker;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;

/**
 * Each STOMP error path gives an ERROR whose message names the rule (and receipt-id when
 * the frame asked for one), then close — and the server goes on serving another session.
 */
class StompErrorPathsTest {

    static Stream<Arguments> errorPaths() {
        return Stream.of(
                Arguments.of("no common version", "", "CONNECT\naccept-version:9.9\nreceipt:r\n\n\0",
                        StompRule.NO_COMMON_VERSION, "Protocol Negotiation"),
                Arguments.of("undefined escape", "1.2", "SEND\ndestination:/topic/a\\t\n\nx\0",
                        StompRule.UNDEFINED_ESCAPE, "Value Encoding"),
                Arguments.of("over-long header", "1.2", "SEND\ndestination:/topic/" + "a".repeat(9000) + "\n\nx\0",
                        StompRule.LINE_TOO_LONG, "Size Limits"),
                Arguments.of("content-length too short", "1.2", "SEND\ndestination:/topic/a\ncontent-length:1\n\nxyz\0",
                        StompRule.CONTENT_LENGTH_MISMATCH, "Header content-length"),
                Arguments.of("content-length not a number", "1.2", "SEND\ndestination:/topic/a\ncontent-length:ten\n\nxyz\0",
                        StompRule.CONTENT_LENGTH_NOT_A_NUMBER, "Header content-length"),
                Arguments.of("body on SUBSCRIBE", "1.2", "SUBSCRIBE\nid:0\ndestination:/topic/a\n\nbody\0",
                        StompRule.BODY_NOT_ALLOWED, "STOMP Frames"),
                Arguments.of("ACK of an unknown id", "1.2", "ACK\nid:nope\nreceipt:r9\n\n\0",
                        StompRule.UNKNOWN_ACK_ID, "ACK"),
                Arguments.of("COMMIT of an unknown transaction", "1.2", "COMMIT\ntransaction:tx9\nreceipt:r9\n\n\0",
                        StompRule.UNKNOWN_TRANSACTION, "COMMIT"),
                Arguments.of("NACK in 1.0", "1.0", "NACK\nmessage-id:1\n\n\0", StompRule.NACK_IN_1_0, "NACK"),
                Arguments.of("SEND without destination", "1.1", "SEND\n\nx\0", StompRule.MISSING_HEADER, "Frames and Headers"),
                Arguments.of("unknown command", "1.2", "PUBLISH\n\n\0", StompRule.UNKNOWN_COMMAND, "STOMP Frames"),
                Arguments.of("bad ack mode", "1.2", "SUBSCRIBE\nid:0\ndestination:/queue/a\nack:maybe\n\n\0",
                        StompRule.INVALID_ACK_MODE, "SUBSCRIBE ack Header"),
                Arguments.of("second CONNECT", "1.2", "CONNECT\naccept-version:1.2\n\n\0", StompRule.ALREADY_CONNECTED, "Connecting"),
                Arguments.of("frame before CONNECT", "", "SEND\ndestination:/topic/a\nreceipt:r1\n\nx\0",
                        StompRule.NOT_CONNECTED, "Connecting"),
                Arguments.of("malformed heart-beat", "", "CONNECT\naccept-version:1.2\nheart-beat:ten,5\n\n\0",
                        StompRule.INVALID_HEART_BEAT, "Heart-beating"),
                Arguments.of("MESSAGE from a client", "1.2", "MESSAGE\ndestination:/topic/a\nmessage-id:1\nsubscription:0\n\n\0",
                        StompRule.WRONG_DIRECTION, "STOMP Frames"),
                Arguments.of("SEND outside /topic and /queue", "1.2", "SEND\ndestination:/elsewhere\n\nx\0",
                        StompRule.INVALID_DESTINATION, "SEND"),
                Arguments.of("subscription id reused", "1.2",
                        "SUBSCRIBE\nid:0\ndestination:/topic/a\n\n\0SUBSCRIBE\nid:0\ndestination:/topic/b\n\n\0",
                        StompRule.DUPLICATE_SUBSCRIPTION, "SUBSCRIBE id Header"),
                Arguments.of("UNSUBSCRIBE of an unknown id", "1.2", "UNSUBSCRIBE\nid:9\n\n\0",
                        StompRule.UNKNOWN_SUBSCRIPTION, "UNSUBSCRIBE"),
                Arguments.of("BEGIN of an active transaction", "1.2", "BEGIN\ntransaction:t\n\n\0BEGIN\ntransaction:t\n\n\0",
                        StompRule.DUPLICATE_TRANSACTION, "BEGIN"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorPaths")
    void errorNamesTheRuleThenCloseAndOthersGoOn(String name, String version, String wire, StompRule rule, String section) {
        ServerHarness h = new ServerHarness(StompServerConfig.DEFAULT);
        ServerHarness.Client bystander = h.open(0).connect("1.2").send("SUBSCRIBE\nid:0\ndestination:/topic/z\n\n\0");

        ServerHarness.Client bad = h.open(0);
        if (!version.isEmpty()) {
            bad.connect(version);
        }
        bad.send(wire);
        StompFrame error = bad.last();
        assertEquals(StompCommand.ERROR, error.command(), name);
        assertTrue(error.header("message").contains("\"" + section + "\""), error.header("message"));
        assertTrue(error.bodyText().contains(rule.name()), error.bodyText());
        if (wire.contains("receipt:")) {
            assertEquals(wire.replaceAll("(?s).*receipt:([^\n]*)\n.*", "$1"), error.header("receipt-id"));
        }
        assertTrue(bad.closed, "closed after ERROR");
        bad.send("SEND\ndestination:/topic/z\n\nignored\0");

        h.open(0).connect("1.2").send("SEND\ndestination:/topic/z\n\nstill serving\0");
        assertEquals(1, bystander.messages().size());
        assertEquals("still serving", bystander.messages().get(0).bodyText());
        assertFalse(bystander.closed);
    }

    @Test
    void aQueueAtItsLimitRefusesTheNextSendWithAnErrorAndOthersGoOn() {
        // the in-memory broker's per-queue limit (a setting): exactly at it is served, one more is QUEUE_FULL
        ServerHarness h = new ServerHarness(new InMemoryBroker(2), StompServerConfig.DEFAULT);
        ServerHarness.Client c = h.open(0).connect("1.2");
        c.send("SEND\ndestination:/queue/q\n\n1\0").send("SEND\ndestination:/queue/q\nreceipt:r2\n\n2\0");
        assertEquals(StompCommand.RECEIPT, c.last().command());
        c.send("SEND\ndestination:/queue/q\nreceipt:r3\n\n3\0");
        StompFrame error = c.last();
        assertEquals(StompCommand.ERROR, error.command());
        assertTrue(error.bodyText().contains(StompRule.QUEUE_FULL.name()), error.bodyText());
        assertEquals("r3", error.header("receipt-id"));
        assertTrue(c.closed);

        ServerHarness.Client consumer = h.open(0).connect("1.2").send("SUBSCRIBE\nid:0\ndestination:/queue/q\n\n\0");
        assertEquals(List.of("1", "2"), consumer.messages().stream().map(StompFrame::bodyText).toList());
    }
}
