package org.wslab.stomp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;
import org.wslab.testkit.Splits;

/** Properties of the server session over arbitrary input. */
class StompServerSessionPropertiesTest {
    private static final String CONNECT = "CONNECT\naccept-version:1.2\nhost:lab\n\n\0";

    @Test
    void garbageAfterConnectEndsInErrorThenCloseOrIsServed() {
        // Rule: whatever a client sends, the session either serves it or answers with one ERROR
        // (naming a STOMP section) and closes — it never throws and never writes after the ERROR.
        Props.qt().forAll(ByteGens.bytesFrom("SENDUBCRIACKMT:/topicqueu-ln\n\r\\\0 0123", 0, 160), Splits.cutPoints(4))
                .checkAssert((garbage, cuts) -> {
                    ServerHarness h = new ServerHarness(StompServerConfig.DEFAULT);
                    ServerHarness.Client c = h.open(0).connect("1.2");
                    for (byte[] chunk : Splits.apply(garbage, cuts)) {
                        c.receive(chunk, 0);
                    }
                    List<StompFrame> errors = c.received.stream().filter(f -> f.command() == StompCommand.ERROR).toList();
                    if (!errors.isEmpty()) {
                        assertEquals(1, errors.size());
                        assertEquals(errors.get(0), c.last(), "nothing after the ERROR");
                        assertTrue(errors.get(0).header("message").contains("(STOMP 1.2 \""), errors.get(0).header("message"));
                        assertTrue(c.closed);
                    } else {
                        assertTrue(!c.closed);
                    }
                });
    }

    @Test
    void anySplitOfAClientStreamGetsTheSameReplies() {
        // Rule: replies depend on the frames, not on how the octets were cut into messages.
        String stream = CONNECT + "SUBSCRIBE\nid:0\ndestination:/topic/a\nreceipt:1\n\n\0\n"
                + "SEND\ndestination:/topic/a\ncontent-length:3\n\na\0b\0BEGIN\ntransaction:t\nreceipt:2\n\n\0"
                + "SEND\ndestination:/topic/a\ntransaction:t\n\nx\0COMMIT\ntransaction:t\n\n\0DISCONNECT\nreceipt:3\n\n\0";
        byte[] octets = stream.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ServerHarness ref = new ServerHarness(StompServerConfig.DEFAULT);
        ServerHarness.Client whole = ref.open(0).send(stream);
        List<StompCommand> expected = whole.received.stream().map(StompFrame::command).toList();
        assertEquals(List.of(StompCommand.CONNECTED, StompCommand.RECEIPT, StompCommand.MESSAGE, StompCommand.RECEIPT,
                StompCommand.MESSAGE, StompCommand.RECEIPT), expected);
        Props.qt().forAll(Splits.cutPoints(12)).checkAssert(cuts -> {
            ServerHarness h = new ServerHarness(StompServerConfig.DEFAULT);
            ServerHarness.Client c = h.open(0);
            for (byte[] chunk : Splits.apply(octets, cuts)) {
                c.receive(chunk, 0);
            }
            assertEquals(expected, c.received.stream().map(StompFrame::command).toList());
            assertEquals(whole.messages().get(0).bodyText(), c.messages().get(0).bodyText());
            assertTrue(c.closed);
        });
    }
}
