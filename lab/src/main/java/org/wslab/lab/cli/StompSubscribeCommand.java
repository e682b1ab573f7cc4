package org.wslab.lab.cli;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.wslab.lab.common.DurationText;
import org.wslab.lab.common.LabFailure;
import org.wslab.lab.stomp.client.StompMessagePrinter;
import org.wslab.stomp.broker.AckMode;
import org.wslab.stomp.client.StompClient;
import org.wslab.stomp.client.StompConnection;
import org.wslab.stomp.client.StompErrorException;
import org.wslab.stomp.codec.StompCommand;
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
 * {@code wslab stomp URL subscribe DEST}: SUBSCRIBE with a receipt (STOMP 1.2 "SUBSCRIBE"), print
 * {@code subscribed to DEST (receipt received)} once the server confirmed it, then print each
 * MESSAGE with its headers and body, acknowledging it in the {@code client} and
 * {@code client-individual} modes (STOMP 1.2 "ACK"). {@code --count N} disconnects after N
 * messages; without it the command runs until Ctrl-C.
 */
@Command(name = "subscribe",
        header = "Subscribe to a destination and print each MESSAGE.",
        description = "Prints 'subscribed to DEST (receipt received)' once the server confirmed the subscription "
                + "(a script can wait for that line before sending), then each MESSAGE: its command, headers, "
                + "blank line and body. Runs until Ctrl-C, or until --count messages arrived.")
final class StompSubscribeCommand implements Callable<Integer> {
    /** Put in the queue when the connection ends, so the wait for the next message ends too. */
    private static final StompFrame ENDED = StompFrame.of(StompCommand.DISCONNECT);

    @ParentCommand
    StompCli parent;

    @Parameters(index = "0", paramLabel = "DEST", description = "Destination, e.g. /topic/greetings or /queue/jobs")
    String destination;

    @Option(names = "--ack", defaultValue = "auto", paramLabel = "MODE",
            description = "Ack mode: auto, client (cumulative) or client-individual; in the client modes each printed "
                    + "message is acknowledged (default: ${DEFAULT-VALUE}).")
    String ack;

    @Option(names = "--count", paramLabel = "N",
            description = "Disconnect and exit 0 after N messages (default: run until Ctrl-C).")
    Integer count;

    @Option(names = "--json", description = "Print each MESSAGE as one line of JSON (headers in order, body or bodyBase64).")
    boolean json;

    @Mixin
    StompClientOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AckMode mode = AckMode.fromHeader(ack);
        if (mode == null) {
            throw new ParameterException(spec.commandLine(), "--ack must be auto, client or client-individual, not '" + ack + "'");
        }
        if (count != null && count < 1) {
            throw new ParameterException(spec.commandLine(), "--count must be at least 1, not " + count);
        }
        StompMessagePrinter printer = new StompMessagePrinter(spec.commandLine().getOut(), json);
        try (StompConnector connector = new StompConnector(spec, parent.url, options)) {
            try {
                return run(connector, mode, printer);
            } catch (StompConnector.ServerError error) {
                return connector.report(error, json);
            }
        }
    }

    private int run(StompConnector connector, AckMode mode, StompMessagePrinter printer) throws InterruptedException {
        StompConnection connection = connector.connect(json);
        StompClient client = connection.client();
        BlockingQueue<StompFrame> inbox = new LinkedBlockingQueue<>();
        client.closed().whenComplete((f, e) -> inbox.add(ENDED));
        connector.await(client.subscribe("0", destination, mode, inbox::add, true), "the RECEIPT of SUBSCRIBE");
        printer.event("subscribed", "subscribed to " + destination + " (receipt received)");

        Thread hook = new Thread(() -> disconnectQuietly(client), "wslab-stomp-disconnect");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            long deadline = options.timeout == null ? Long.MAX_VALUE : System.nanoTime() + options.timeout.toNanos();
            int received = 0;
            while (count == null || received < count) {
                StompFrame frame = next(inbox, deadline);
                if (frame == null) {
                    throw new LabFailure("timed out after " + DurationText.format(options.timeout) + " with "
                            + received + " of " + count + " messages from " + destination);
                }
                if (frame == ENDED) {
                    throw connector.failure(ended(client), "messages on " + destination);
                }
                printer.print(frame);
                received++;
                if (mode != AckMode.AUTO) {
                    acknowledge(client, frame);
                }
            }
            connector.disconnect();
            return ExitCode.OK;
        } finally {
            removeHook(hook);
        }
    }

    private static StompFrame next(BlockingQueue<StompFrame> inbox, long deadline) throws InterruptedException {
        if (deadline == Long.MAX_VALUE) {
            return inbox.take();
        }
        return inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** Why the connection ended: the ERROR (or violation) it failed with, or a plain close. */
    /** ACKs {@code frame}; an ACK the negotiated version cannot write (STOMP 1.2 "Value Encoding") is a failure naming the rule. */
    private static void acknowledge(StompClient client, StompFrame frame) {
        CompletableFuture<StompFrame> acked = client.ack(frame, null, false); // no receipt: done at once
        if (acked.isCompletedExceptionally()) {
            Throwable why = acked.handle((f, e) -> e).join();
            throw new LabFailure("cannot ACK message-id " + frame.header("message-id", "(none)") + ": "
                    + (why instanceof StompErrorException s && s.violation() != null ? s.violation() : why), why);
        }
    }

    private static Throwable ended(StompClient client) {
        CompletableFuture<StompFrame> closed = client.closed();
        try {
            closed.join();
            return new StompErrorException("the server closed the connection", null, null);
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        }
    }

    /** Ctrl-C: leave politely (DISCONNECT, RECEIPT) within a second. */
    private static void disconnectQuietly(StompClient client) {
        try {
            client.disconnect().get(1, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the process is exiting anyway
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already running the hook
        }
    }
}
