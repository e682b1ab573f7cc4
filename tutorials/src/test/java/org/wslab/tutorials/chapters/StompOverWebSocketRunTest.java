package org.wslab.tutorials.chapters;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;

/**
 * Chapter 6 runs against real servers — the tour's lab, a lab server with short heart-beats and
 * small mailboxes, an embedded ActiveMQ Artemis and two lab servers relaying to it, all on port 0 —
 * and its transcripts hold what the text explains: the two negotiations (STOMP 1.2 "Protocol
 * Negotiation", RFC 6455 §1.9), NUL shown as ^@, chat messages seen by the other client, ACK/NACK
 * and redelivery, a transaction withheld until COMMIT, ERROR frames naming the rule, heart-beats,
 * the slow consumer's counts and a message relayed through Artemis.
 */
class StompOverWebSocketRunTest {
    private static Path written;

    @BeforeAll
    static void runTheChapter() throws Exception {
        written = Files.createTempDirectory("wslab-ch06");
        try (TourLab lab = TourLab.start()) {
            new StompOverWebSocketRun().run(lab, new Snippets(written));
        }
    }

    @Test
    void negotiatesTheSubProtocolAndTheStompVersionSeparately() throws Exception {
        assertHas("ch06/send-trace.txt", "# WebSocket sub-protocol: v12.stomp, STOMP version: 1.2",
                ">>> CONNECT^J", "accept-version:1.0,1.1,1.2^J", "<<< CONNECTED^J", "version:1.2^J",
                "Hello, STOMP^@", "<<< RECEIPT^J", "(exit code 0)");
        assertHas("ch06/two-negotiations.txt", "# WebSocket sub-protocol: v12.stomp, STOMP version: 1.1",
                "old >>> accept-version:1.1^J", "old <<< version:1.1^J");
    }

    @Test
    void theChatReachesTheOtherClients() throws Exception {
        assertHas("ch06/chat-wire.txt", "bob <<< MESSAGE^J", "bob <<< hi bob, alice here^@", "alice <<< hello alice!^@",
                "carol, from a terminal^@");
        assertHas("ch06/chat-seen.txt", "alice saw: \"hi bob, alice here\", \"hello alice!\", \"carol, from a terminal\"",
                "bob saw:   \"hi bob, alice here\", \"hello alice!\", \"carol, from a terminal\"", "(exit code 0)");
    }

    @Test
    void acknowledgementsSettleAndANackRedelivers() throws Exception {
        assertHas("ch06/ack-nack.txt", "worker >>> ack:client-individual^J", "worker >>> NACK^J", "worker >>> ACK^J",
                "worker <<< redelivered:true^J");
        assertHas("ch06/ack-cumulative.txt", "first got \"batch-3\", ack:", "first sent ACK id:",
                "second subscribed and got: \"batch-4\"\n");
    }

    @Test
    void aTransactionIsWithheldUntilCommitAndAnAbortDropsIt() throws Exception {
        assertHas("ch06/transaction-wire.txt", "writer >>> BEGIN^J", "writer >>> transaction:tx-1^J",
                "writer >>> COMMIT^J", "writer >>> ABORT^J");
        assertHas("ch06/transaction-seen.txt", "before COMMIT the reader has: \"not in any transaction\"\n",
                "after ABORT and one more:    \"not in any transaction\", \"debit 10\", \"credit 10\", \"after the ABORT\"");
    }

    @Test
    void aBrokenRuleGetsAnErrorNamingItAndTheConnectionEnds() throws Exception {
        assertHas("ch06/error-destination.txt", "<<< ERROR^J", "/topic/", "(exit code 1)");
        assertHas("ch06/error-raw.txt", "rude <<< ERROR^J", "colon", "# the connection has ended");
    }

    @Test
    void heartBeatsFlowBothWays() throws Exception {
        assertHas("ch06/heart-beats.txt", "idle >>> heart-beat:250,250^J", "idle <<< heart-beat:250,250^J",
                "agreed 250 ms each way");
        String text = Files.readString(written.resolve("ch06/heart-beats.txt"));
        Matcher counts = Pattern.compile("the client sent (\\d+) heart-beats, the server (\\d+)").matcher(text);
        assertTrue(counts.find(), text);
        // each beat is a line "idle >>> ^J" of its own; two more such lines end CONNECT's and DISCONNECT's headers
        long beatsOut = text.lines().filter(l -> l.equals("idle >>> ^J")).count() - 2;
        assertTrue(Integer.parseInt(counts.group(1)) >= 2 && Integer.parseInt(counts.group(2)) >= 2, text);
        assertTrue(beatsOut == Integer.parseInt(counts.group(1)), "the transcript shows every beat counted: " + text);
    }

    @Test
    void theSlowConsumerIsCutOffWhileTheReadersGetEverything() throws Exception {
        assertHas("ch06/slow-consumer.txt", "subscribers 2 connected 2, messages 3000 × 4096 B: expected 6000, received 6000,"
                + " lost 0", "stalled subscriber: received", "slow consumer", "(exit code 0)");
    }

    @Test
    void aMessageIsRelayedThroughArtemis() throws Exception {
        assertHas("ch06/relay.txt", "relay to the STOMP broker at 127.0.0.1:", "sent to /topic/relay.chat (receipt",
                "reader@A <<< MESSAGE^J", "reader@A <<< from B, through Artemis^@");
    }

    /** Fails naming every marker the snippet lacks, with the snippet's text. */
    private static void assertHas(String snippet, String... markers) throws Exception {
        Path file = written.resolve(snippet);
        assertTrue(Files.isRegularFile(file), "the run wrote no " + snippet);
        String text = Files.readString(file);
        List<String> missing = Arrays.stream(markers).filter(m -> !text.contains(m)).toList();
        assertTrue(missing.isEmpty(), snippet + " lacks " + missing + ":\n" + text);
    }
}
