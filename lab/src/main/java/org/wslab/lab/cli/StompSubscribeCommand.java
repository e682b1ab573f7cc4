package org.wslab.lab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.wslab.lab.common.ConnectFailure;
import org.wslab.lab.common.LabFailure;
import org.wslab.lab.report.JsonReport;
import org.wslab.lab.stomp.client.StompMessagePrinter;
import org.wslab.stomp.StompViolation;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.client.StompClient;
import org.wslab.stomp.client.StompErrorException;
import org.wslab.stomp.codec.StompFrame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code wslab stomp URL subscribe DEST...}: one SUBSCRIBE per destination, each with its own id and
 * a receipt (STOMP 1.2 "SUBSCRIBE"), then each MESSAGE printed, labelled by its destination and
 * acknowledged in the {@code client} and {@code client-individual} modes ("ACK"). {@code --count N}
 * disconnects after N messages; Ctrl-C or SIGTERM disconnects politely ("DISCONNECT", RECEIPT) and
 * prints a summary. The messages wait in a bounded queue: while it is full the reader waits, so the
 * server is held back through TCP rather than a message dropped.
 */
@Command(name = "subscribe",
        header = "Subscribe to one or more destinations and print each MESSAGE.",
        description = {"Subscribes to each DEST (ids 0, 1, …). Status goes to stderr: 'connected to …', then "
                + "'subscribed to DEST (receipt received)' once the server confirmed each (a script can wait for that "
                + "line before sending). Each MESSAGE goes to stdout: its command, headers, blank line and body, after "
                + "a '--- DEST' line when there are several destinations. Runs until Ctrl-C (or SIGTERM), or until "
                + "--count messages arrived; Ctrl-C sends DISCONNECT, prints 'N messages from DEST…; interrupted (Ctrl-C)' "
                + "on stdout and exits 130 (143 after SIGTERM).",
            "With --json stdout is JSON Lines, each with an \"event\": tls, connected, subscribed, message, error, "
                + "then summary (always, also after --count)."})
final class StompSubscribeCommand implements Callable<Integer> {
    /** Messages waiting to be printed before the reader waits. */
    static final int INBOX_CAPACITY = 256;

    /** One MESSAGE of a subscription. */
    private record Delivery(String destination, StompFrame frame) {}

    @ParentCommand
    StompCli parent;

    @Parameters(index = "0", arity = "1..*", paramLabel = "DEST",
            description = "Destinations, e.g. /topic/greetings /queue/jobs")
    List<String> destinations;

    @Option(names = "--ack", defaultValue = "auto", paramLabel = "MODE",
            description = "Ack mode: auto, client (cumulative) or client-individual; in the client modes each printed "
                    + "message is acknowledged (default: ${DEFAULT-VALUE}).")
    String ack;

    @Option(names = "--count", paramLabel = "N",
            description = "Disconnect and exit 0 after N messages in all (default: run until Ctrl-C).")
    Integer count;

    @Option(names = "--json", description = "Print JSON Lines on stdout: status events, each MESSAGE (headers in order, "
            + "body or bodyBase64), a summary.")
    boolean json;

    @Mixin
    StompClientOptions options;

    @Spec
    CommandSpec spec;

    private final BlockingQueue<Delivery> inbox = new ArrayBlockingQueue<>(INBOX_CAPACITY);
    private final Map<String, Integer> received = new LinkedHashMap<>();
    private volatile boolean stopRequested;

    @Override
    public Integer call() throws Exception {
        AckMode mode = AckMode.fromHeader(ack);
        if (mode == null) {
            throw new ParameterException(spec.commandLine(), "--ack must be auto, client or client-individual, not '" + ack + "'");
        }
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, not " + count);
        }
        destinations.forEach(d -> received.put(d, 0));
        StompMessagePrinter printer = new StompMessagePrinter(spec.commandLine().getOut(), json, destinations.size() > 1);
        try (StompConnector connector = new StompConnector(spec, parent.url, options, json);
             StopSignal.Registration stop = StopSignal.whileRunning(() -> stopRequested = true)) {
            try {
                return run(connector, mode, printer);
            } catch (StompConnector.ServerError error) {
                return connector.report(error, json);
            }
        }
    }

    private int run(StompConnector connector, AckMode mode, StompMessagePrinter printer) throws InterruptedException {
        StompClient client = connector.connect(true, json);
        for (int i = 0; i < destinations.size(); i++) {
            String destination = destinations.get(i);
            String id = Integer.toString(i);
            connector.await(client.subscribe(id, destination, mode, f -> deliver(destination, f), true),
                    "the RECEIPT of SUBSCRIBE " + destination + " from");
            subscribed(id, destination);
        }
        long deadline = options.timeout == null ? Long.MAX_VALUE : System.nanoTime() + options.timeout.toNanos();
        int total = 0;
        while ((count == null || total < count) && !stopRequested) {
            Delivery d = inbox.poll(100, TimeUnit.MILLISECONDS);
            if (d != null) {
                print(client, mode, printer, d);
                total++;
            } else if (client.closed().isDone() && inbox.isEmpty()) {
                throw connector.failure(why(client));
            } else if (System.nanoTime() - deadline > 0) {
                throw new LabFailure(new ConnectFailure.TimedOut((count == null ? "more" : count) + " messages on "
                        + String.join(", ", destinations) + " (" + total + " came) from", connector.where(),
                        options.timeout, -1), null);
            }
        }
        disconnect(connector, client, mode, printer);
        summary(total);
        return StopSignal.exitCode(ExitCode.OK);
    }

    /** Called on the reader thread: waits while the queue is full (the reader then stops reading). */
    private void deliver(String destination, StompFrame frame) {
        try {
            inbox.put(new Delivery(destination, frame));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void print(StompClient client, AckMode mode, StompMessagePrinter printer, Delivery d) {
        printer.print(d.destination(), d.frame());
        received.merge(d.destination(), 1, Integer::sum);
        if (mode != AckMode.AUTO) {
            acknowledge(client, d.frame());
        }
    }

    /** DISCONNECT; the messages already on their way are printed while its RECEIPT comes (none is dropped). */
    private void disconnect(StompConnector connector, StompClient client, AckMode mode, StompMessagePrinter printer)
            throws InterruptedException {
        Duration wait = stopRequested ? Duration.ofMillis(Math.min(options.replyTimeout().toMillis(), 2_000))
                : options.replyTimeout();
        CompletableFuture<StompFrame> receipt = client.disconnect();
        long until = System.nanoTime() + wait.toNanos();
        while (!receipt.isDone() && System.nanoTime() - until < 0) {
            Delivery d = inbox.poll(20, TimeUnit.MILLISECONDS);
            if (d != null) {
                print(client, AckMode.AUTO, printer, d); // no ACK after DISCONNECT
            }
        }
        connector.awaitDisconnect(receipt, Duration.ofMillis(Math.max(1, (until - System.nanoTime()) / 1_000_000)));
    }

    private void subscribed(String id, String destination) {
        if (json) {
            println(JsonReport.object().put("event", "subscribed").put("destination", destination).put("id", id).toString(),
                    spec.commandLine().getOut());
        } else {
            println("subscribed to " + destination + " (receipt received)", spec.commandLine().getErr());
        }
    }

    private void summary(int total) {
        String how = StopSignal.describe();
        if (json) {
            ObjectNode o = JsonReport.object().put("event", "summary").put("messages", total);
            ObjectNode each = o.putObject("byDestination");
            received.forEach(each::put);
            o.put("stoppedBy", how.isEmpty() ? "count" : how.startsWith("interrupted") ? "SIGINT" : "SIGTERM");
            o.put("exitCode", StopSignal.exitCode(ExitCode.OK));
            println(o.toString(), spec.commandLine().getOut());
        } else if (!how.isEmpty()) {
            List<String> parts = new ArrayList<>();
            received.forEach((d, n) -> parts.add(n + " from " + d));
            println(total + (total == 1 ? " message" : " messages") + (received.size() == 1 ? " from "
                    + received.keySet().iterator().next() : " (" + String.join(", ", parts) + ")") + "; " + how,
                    spec.commandLine().getOut());
        }
    }

    private static void println(String line, PrintWriter out) {
        out.println(line);
        out.flush();
    }

    /** Why the connection ended: the ERROR or violation it failed with, or a plain end. */
    private static Throwable why(StompClient client) {
        try {
            client.closed().join();
            return new StompErrorException("closed", null, null);
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        }
    }

    /** ACKs {@code frame}; an ACK the negotiated version cannot write (STOMP 1.2 "Value Encoding") is a failure naming the rule. */
    private static void acknowledge(StompClient client, StompFrame frame) {
        CompletableFuture<StompFrame> acked = client.ack(frame, null, false); // no receipt: done at once
        java.util.Optional<StompViolation> refused = StompErrorException.refusal(acked);
        if (refused.isPresent()) {
            StompViolation v = refused.get();
            throw new LabFailure("cannot ACK message-id " + frame.header("message-id", "(none)") + ": " + v.rule()
                    + " (" + v.citation() + "): " + v.detail());
        }
    }
}
