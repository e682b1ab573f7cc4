package org.wslab.tutorials.chapters;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import org.wslab.lab.stomp.client.StompTracePrinter;
import org.wslab.stomp.StompVersion;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.codec.StompCommand;
import org.wslab.stomp.codec.StompFrame;
import org.wslab.stomp.session.ClientConnectOptions;
import org.wslab.stomp.session.HeartBeat;
import org.wslab.tutorials.live.ChapterFailure;
import org.wslab.tutorials.live.CliRun;
import org.wslab.tutorials.live.Snippets;
import org.wslab.tutorials.live.TourLab;

/**
 * Chapter 6, "STOMP over WebSocket" (STOMP 1.2, RFC 6455 §1.9 and §11.5): the two negotiations
 * (sub-protocol in the handshake, STOMP version in CONNECT/CONNECTED), a chat between clients
 * through the lab's broker, acknowledgements, transactions, receipts and ERROR frames — against
 * the tour's server on our engine; heart-beats, a slow consumer cut off and a relay to ActiveMQ
 * Artemis run on servers of their own ({@link StompOwnServers}).
 */
public final class StompOverWebSocketRun implements ChapterRun {
    /** No heart-beats where they would only clutter a transcript. */
    static final ClientConnectOptions QUIET = ClientConnectOptions.DEFAULT.withHeartBeat(HeartBeat.NONE);

    @Override
    public void run(TourLab lab, Snippets snippets) throws Exception {
        URI url = TourLab.stomp(lab.jetty());
        negotiation(url, snippets);
        chat(url, snippets);
        new BrowserChatRun().run(lab, snippets); // the same chat from a page in headless Chromium
        acknowledgements(url, snippets);
        transactions(url, snippets);
        errors(url, snippets);
        StompOwnServers.run(snippets);
    }

    private static void negotiation(URI url, Snippets snippets) throws IOException {
        // tag::negotiation[]
        CliRun send = CliRun.of("stomp", url.toString(), "send", "/topic/greetings", "Hello, STOMP",
                        "--receipt", "--trace", "--heart-beat", "0,0")
                .expectExit(0)
                .expectOutput("# WebSocket sub-protocol: v12.stomp, STOMP version: 1.2")
                .expectOutput("^@");
        // end::negotiation[]
        snippets.write("ch06/send-trace.txt", send.transcript("stomp " + url + " send /topic/greetings 'Hello, STOMP'"
                + " --receipt --trace --heart-beat 0,0"));

        StringWriter out = new StringWriter();
        StompTracePrinter trace = new StompTracePrinter(new PrintWriter(out, true));
        StringBuilder log = new StringBuilder();
        // tag::old-client[]
        ClientConnectOptions only11 = QUIET.withVersions(EnumSet.of(StompVersion.V1_1)); // <1>
        try (StompPeer old = StompPeer.connect("old", url, only11, log)) {
            trace.opened("old", old.subProtocol());
            trace.connected(old.client().version());
            old.disconnect();
            // end::old-client[]
            if (!old.subProtocol().equals("v12.stomp") || old.client().version() != StompVersion.V1_1) {
                throw new ChapterFailure("offering v12.stomp but accept-version 1.1 gave sub-protocol "
                        + old.subProtocol() + " and STOMP " + old.client().version().text());
            }
        }
        snippets.write("ch06/two-negotiations.txt", out + log.toString().replaceAll("(?m)^# .*\n", ""));
    }

    private static void chat(URI url, Snippets snippets) throws Exception {
        StringBuilder log = new StringBuilder();
        // tag::chat[]
        try (StompPeer alice = StompPeer.connect("alice", url, QUIET, log);
             StompPeer bob = StompPeer.connect("bob", url, QUIET, log)) {
            int from = StompPeer.mark(log);
            alice.subscribe("0", "/topic/chat", AckMode.AUTO); // <1>
            bob.subscribe("0", "/topic/chat", AckMode.AUTO);
            StompPeer.await(alice.client().send("/topic/chat", "hi bob, alice here", null, true), "alice's SEND");
            alice.awaitMessages(1);
            bob.awaitMessages(1);
            StompPeer.await(bob.client().send("/topic/chat", "hello alice!", null, true), "bob's SEND");
            CliRun cli = CliRun.of("stomp", url.toString(), "send", "/topic/chat", "carol, from a terminal") // <2>
                    .expectExit(0);
            List<StompFrame> aliceSaw = alice.awaitMessages(3);
            List<StompFrame> bobSaw = bob.awaitMessages(3);
            // end::chat[]
            for (String body : List.of("hi bob, alice here", "hello alice!", "carol, from a terminal")) {
                if (!alice.bodies().contains(body) || !bob.bodies().contains(body)) {
                    throw new ChapterFailure("the chat message \"" + body + "\" did not reach both clients: alice "
                            + alice.bodies() + ", bob " + bob.bodies());
                }
            }
            snippets.write("ch06/chat-wire.txt", StompPeer.cut(log, from, StompPeer.mark(log)));
            alice.disconnect();
            bob.disconnect();
            snippets.write("ch06/chat-seen.txt", "alice saw: " + quoted(aliceSaw) + "\nbob saw:   " + quoted(bobSaw)
                    + "\n\n" + cli.transcript("stomp " + url + " send /topic/chat 'carol, from a terminal'"));
        }
    }

    private static void acknowledgements(URI url, Snippets snippets) throws Exception {
        StringBuilder log = new StringBuilder();
        try (StompPeer boss = StompPeer.connect("boss", url, QUIET, new StringBuilder())) {
            for (String job : List.of("job-1", "job-2", "job-3")) {
                StompPeer.await(boss.client().send("/queue/jobs", job, null, true), "the RECEIPT of " + job);
            }
            boss.disconnect();
        }
        try (StompPeer worker = StompPeer.connect("worker", url, QUIET, log)) {
            int from = StompPeer.mark(log);
            // tag::ack[]
            worker.subscribe("jobs", "/queue/jobs", AckMode.CLIENT_INDIVIDUAL, m -> { // <1>
                boolean firstTry = m.header("redelivered") == null;
                if (m.bodyText().equals("job-2") && firstTry) {
                    worker.client().nack(m, null, false); // <2>
                } else {
                    worker.client().ack(m, null, false);
                }
            });
            List<StompFrame> deliveries = worker.awaitMessages(4); // <3>
            // end::ack[]
            String wire = StompPeer.cut(log, from, StompPeer.mark(log));
            worker.disconnect();
            StompFrame again = deliveries.get(3);
            if (!again.bodyText().equals("job-2") || !"true".equals(again.header("redelivered"))) {
                throw new ChapterFailure("the NACKed job-2 was not redelivered last: " + quoted(deliveries));
            }
            snippets.write("ch06/ack-nack.txt", wire);
        }
        // client mode: one ACK settles everything delivered up to it
        StringBuilder cumulative = new StringBuilder();
        try (StompPeer boss = StompPeer.connect("boss", url, QUIET, new StringBuilder())) {
            for (String job : List.of("batch-1", "batch-2", "batch-3")) {
                StompPeer.await(boss.client().send("/queue/batch", job, null, true), "the RECEIPT of " + job);
            }
            try (StompPeer first = StompPeer.connect("first", url, QUIET, new StringBuilder())) {
                // tag::cumulative[]
                first.subscribe("b", "/queue/batch", AckMode.CLIENT);
                List<StompFrame> three = first.awaitMessages(3);
                StompPeer.await(first.client().ack(three.get(2), null, true), "the RECEIPT of the ACK"); // <1>
                // end::cumulative[]
                three.forEach(m -> cumulative.append("first got \"").append(m.bodyText()).append("\", ack:")
                        .append(m.header("ack")).append('\n'));
                cumulative.append("first sent ACK id:").append(three.get(2).header("ack"))
                        .append(" (receipt received), then DISCONNECT\n");
                first.disconnect();
            }
            StompPeer.await(boss.client().send("/queue/batch", "batch-4", null, true), "the RECEIPT of batch-4");
            cumulative.append("boss sent \"batch-4\"\n");
            boss.disconnect();
        }
        try (StompPeer second = StompPeer.connect("second", url, QUIET, new StringBuilder())) {
            second.subscribe("b", "/queue/batch", AckMode.AUTO);
            List<StompFrame> left = second.awaitMessages(1);
            second.disconnect();
            cumulative.append("second subscribed and got: ").append(quoted(second.received())).append('\n');
            if (!left.get(0).bodyText().equals("batch-4") || second.received().size() != 1) {
                throw new ChapterFailure("one cumulative ACK did not settle batch-1…3: the next consumer got "
                        + quoted(second.received()));
            }
        }
        snippets.write("ch06/ack-cumulative.txt", cumulative.toString());
    }

    private static void transactions(URI url, Snippets snippets) throws Exception {
        StringBuilder log = new StringBuilder();
        StringBuilder seen = new StringBuilder();
        try (StompPeer reader = StompPeer.connect("reader", url, QUIET, new StringBuilder());
             StompPeer writer = StompPeer.connect("writer", url, QUIET, log)) {
            reader.subscribe("0", "/topic/ledger", AckMode.AUTO);
            int from = StompPeer.mark(log);
            // tag::tx[]
            StompPeer.await(writer.client().transaction(StompCommand.BEGIN, "tx-1", true), "BEGIN");
            StompPeer.await(writer.client().send("/topic/ledger", "debit 10", "tx-1", true), "SEND in tx-1");
            StompPeer.await(writer.client().send("/topic/ledger", "credit 10", "tx-1", true), "SEND in tx-1");
            StompPeer.await(writer.client().send("/topic/ledger", "not in any transaction", null, true), "SEND"); // <1>
            reader.awaitMessages(1);
            seen.append("before COMMIT the reader has: ").append(quoted(reader.received())).append('\n');
            StompPeer.await(writer.client().transaction(StompCommand.COMMIT, "tx-1", true), "COMMIT"); // <2>
            reader.awaitMessages(3);
            seen.append("after COMMIT:                 ").append(quoted(reader.received())).append('\n');
            StompPeer.await(writer.client().transaction(StompCommand.BEGIN, "tx-2", true), "BEGIN");
            StompPeer.await(writer.client().send("/topic/ledger", "debit 99", "tx-2", true), "SEND in tx-2");
            StompPeer.await(writer.client().transaction(StompCommand.ABORT, "tx-2", true), "ABORT"); // <3>
            StompPeer.await(writer.client().send("/topic/ledger", "after the ABORT", null, true), "SEND");
            reader.awaitMessages(4);
            // end::tx[]
            seen.append("after ABORT and one more:    ").append(quoted(reader.received())).append('\n');
            List<String> bodies = reader.bodies();
            if (!bodies.equals(List.of("not in any transaction", "debit 10", "credit 10", "after the ABORT"))) {
                throw new ChapterFailure("the transaction's messages were not withheld until COMMIT, or the aborted one "
                        + "was delivered: " + bodies);
            }
            snippets.write("ch06/transaction-wire.txt", StompPeer.cut(log, from, StompPeer.mark(log)));
            writer.disconnect();
            reader.disconnect();
        }
        snippets.write("ch06/transaction-seen.txt", seen.toString());
    }

    private static void errors(URI url, Snippets snippets) throws IOException {
        // tag::error-cli[]
        CliRun wrong = CliRun.of("stomp", url.toString(), "send", "/chat", "where does this go?", "--trace",
                        "--heart-beat", "0,0")
                .expectExit(1) // <1>
                .expectOutput("ERROR");
        // end::error-cli[]
        if (wrong.out().contains("<<< RECEIPT")) {
            throw new ChapterFailure("after its ERROR the server still answered the DISCONNECT: " + wrong.out());
        }
        snippets.write("ch06/error-destination.txt", wrong.transcript("stomp " + url + " send /chat 'where does this go?'"
                + " --trace --heart-beat 0,0"));

        StringBuilder log = new StringBuilder();
        String wire;
        try (StompPeer rude = StompPeer.connect("rude", url, QUIET, log)) {
            int from = StompPeer.mark(log);
            // tag::error-raw[]
            rude.writeRaw("SEND\ndestination:/topic/chat\nthis line has no colon\n\nhi\0"); // <1>
            boolean ended = rude.awaitEnd();
            // end::error-raw[]
            wire = StompPeer.cut(log, from, StompPeer.mark(log));
            if (!ended || !wire.contains("rude <<< ERROR^J") || !wire.contains("colon")) {
                throw new ChapterFailure("a header line without a colon did not give an ERROR and a closed connection: " + wire);
            }
            wire += "# the connection has ended: " + (rude.client().closed().isCompletedExceptionally()
                    ? "the client saw the ERROR, then the server's close" : "closed") + "\n";
        }
        snippets.write("ch06/error-raw.txt", wire);
    }

    /** The bodies of {@code frames}, quoted, in arrival order. */
    static String quoted(List<StompFrame> frames) {
        return String.join(", ", frames.stream().map(f -> "\"" + f.bodyText() + "\"").toList());
    }
}
