package org.wslab.stomp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wslab.stomp.StompRule;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.testkit.ByteGens;
import org.wslab.testkit.Props;
import org.wslab.testkit.Splits;

/**
 * What fuzzing the STOMP layer found, as examples and as properties that would have found it:
 * values echoed back are checked for the version when taken (STOMP 1.2 "Value Encoding"), the
 * negotiated version applies from the frame after CONNECT, and nothing a client sends makes the
 * session or the broker throw — in its own session or in another one.
 */
class FuzzFindingsTest {
    private static boolean isError(StompFrame f, StompRule rule) {
        return f.command() == StompCommand.ERROR && f.bodyText().contains("[" + rule + "]");
    }

    @Test
    void a10ReceiptEndingInCarriageReturnIsRefusedNotThrown() {
        // Rule UNENCODABLE_HEADER: 1.0 keeps a header's CR, which no 1.0 receipt-id can spell.
        ServerHarness.Client c = new ServerHarness(StompServerConfig.DEFAULT).open(0)
                .send("STOMP\n\n\0DISCONNECT\nreceipt:\r\n\n\0");
        assertEquals(StompCommand.CONNECTED, c.received.get(0).command());
        assertTrue(isError(c.last(), StompRule.UNENCODABLE_HEADER), c.last().toString());
        assertTrue(c.closed);
        assertEquals(2, c.received.size(), "nothing after the ERROR");
    }

    @Test
    void a10SubscriberWhoseDestinationEndsInCrCannotHurtAnotherSessionsSend() {
        // Rule: one session's bad value never throws inside another session's SEND, and no message is lost.
        ServerHarness h = new ServerHarness(StompServerConfig.DEFAULT);
        ServerHarness.Client bad = h.open(0).connect("1.0").send("SUBSCRIBE\ndestination:/queue/a\r\n\n\0");
        assertTrue(isError(bad.last(), StompRule.UNENCODABLE_HEADER), bad.last().toString());
        ServerHarness.Client pub = h.open(0).connect("1.2").send("SEND\ndestination:/queue/a\\r\nreceipt:1\n\nkept\0");
        assertEquals("1", pub.last().header("receipt-id"));
        ServerHarness.Client good = h.open(0).connect("1.2").send("SUBSCRIBE\nid:0\ndestination:/queue/a\\r\n\n\0");
        assertEquals(List.of("kept"), good.messages().stream().map(StompFrame::bodyText).toList());
        assertEquals("/queue/a\r", good.messages().get(0).header("destination"));
    }

    @Test
    void framesInTheSameMessageAsConnectDecodeUnderTheNegotiatedVersion() {
        // Rule (STOMP 1.2 "Protocol Negotiation"): the agreed version applies from the next frame, so a
        // frame after CONNECT reads the same whether it came in CONNECT's message or its own.
        String connect = "CONNECT\naccept-version:1.0\n\n\0";
        String next = "SEND\ndestination:/queue/q\nreceipt:a\\c\n\nx\0"; // 1.0 has no escapes: receipt is "a\c"
        ServerHarness.Client together = new ServerHarness(StompServerConfig.DEFAULT).open(0).send(connect + next);
        ServerHarness.Client apart = new ServerHarness(StompServerConfig.DEFAULT).open(0).send(connect).send(next);
        assertEquals("a\\c", apart.last().header("receipt-id"));
        assertEquals(apart.received, together.received);
    }

    @Test
    void anySplitOfAStreamThatNegotiatesAVersionGetsTheSameReplies() {
        // Rule (STOMP 1.2 "Protocol Negotiation" + any split): the replies to a 1.0 or 1.1 stream whose
        // later frames read differently under 1.2 (escapes, CR) do not depend on where it is cut.
        Props.qt().forAll(integers().between(0, 1), Splits.cutPoints(8)).checkAssert((v, cuts) -> {
            String version = v == 0 ? "1.0" : "1.1";
            String stream = "CONNECT\naccept-version:" + version + "\n\n\0"
                    + "SUBSCRIBE\nid:a\\cb\ndestination:/topic/x\nreceipt:r\\n1\n\n\0"
                    + "SEND\ndestination:/topic/x\nk:v\\\\\nreceipt:r2\n\nbody\0DISCONNECT\nreceipt:bye\n\n\0";
            byte[] octets = stream.getBytes(StandardCharsets.UTF_8);
            ServerHarness.Client whole = new ServerHarness(StompServerConfig.DEFAULT).open(0).receive(octets, 0);
            ServerHarness.Client split = new ServerHarness(StompServerConfig.DEFAULT).open(0);
            for (byte[] chunk : Splits.apply(octets, cuts)) {
                split.receive(chunk, 0);
            }
            assertEquals(whole.received, split.received);
            assertEquals("bye", whole.last().header("receipt-id"), "served to the end: " + whole.received);
            assertEquals(1, whole.messages().size());
            assertTrue(whole.closed && split.closed);
        });
    }

    @Test
    void garbageFromAnyVersionIntoTheSessionAndTheBrokerNeverThrows() {
        // Rule: whatever octets arrive, under any version, from publishers and subscribers alike, no
        // call throws, every frame written re-parses under the negotiated version (the harness
        // decodes each), and a session that errs says one ERROR and nothing after it.
        Props.qt().forAll(integers().between(0, 2), ByteGens.bytesFrom(
                        "SENDUBCRIACKMT:/topicqueu-ln\n\r\\\0 0123idrceptsubsrn", 0, 200), Splits.cutPoints(4))
                .checkAssert((v, garbage, cuts) -> {
                    String version = new String[] {"1.0", "1.1", "1.2"}[v];
                    ServerHarness h = new ServerHarness(StompServerConfig.DEFAULT);
                    ServerHarness.Client watcher = h.open(0).connect("1.2")
                            .send("SUBSCRIBE\nid:w\ndestination:/topic/t\n\n\0");
                    ServerHarness.Client c = h.open(0).connect(version)
                            .send("SUBSCRIBE\nid:0\ndestination:/topic/t\n\n\0");
                    for (byte[] chunk : Splits.apply(garbage, cuts)) {
                        c.receive(chunk, 0);
                    }
                    h.open(0).connect("1.2").send("SEND\ndestination:/topic/t\n\nping\0");
                    assertEquals("ping", watcher.messages().get(watcher.messages().size() - 1).bodyText(),
                            "the others go on");
                    long errors = c.received.stream().filter(f -> f.command() == StompCommand.ERROR).count();
                    assertTrue(errors <= 1);
                    if (errors == 1) {
                        assertEquals(StompCommand.ERROR, c.last().command());
                    }
                });
    }

    @Test
    void mutatedFramesNeverThrow() {
        // Rule: a valid client stream with any octet replaced is served or refused with one ERROR, never thrown.
        byte[] valid = ("SUBSCRIBE\nid:0\ndestination:/queue/q\nack:client\nreceipt:1\n\n\0"
                + "SEND\ndestination:/queue/q\nreceipt:2\n\nbody\0ACK\nid:x\n\n\0DISCONNECT\nreceipt:3\n\n\0")
                .getBytes(StandardCharsets.UTF_8);
        Props.qt().forAll(integers().between(0, 2), integers().between(0, valid.length - 1), integers().between(0, 255))
                .checkAssert((v, at, octet) -> {
                    byte[] mutated = valid.clone();
                    mutated[at] = (byte) (int) octet;
                    ServerHarness.Client c = new ServerHarness(StompServerConfig.DEFAULT).open(0)
                            .connect(new String[] {"1.0", "1.1", "1.2"}[v]);
                    c.receive(mutated, 0);
                    assertTrue(c.received.stream().filter(f -> f.command() == StompCommand.ERROR).count() <= 1);
                });
    }
}
