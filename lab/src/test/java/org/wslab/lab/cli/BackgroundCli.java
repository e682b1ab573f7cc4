package org.wslab.lab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One in-process {@code wslab} run on its own thread (e.g. {@code stomp … subscribe --count 1}
 * while the test sends), with its stdout readable while it runs. Waits are bounded; {@link #close()}
 * interrupts a run that is still going.
 */
final class BackgroundCli implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-cli"));
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Future<Integer> exit;

    BackgroundCli(String... args) {
        exit = thread.submit(() -> Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args));
    }

    /**
     * Waits (at most 30 s) until stdout or stderr contains {@code text} (a status line such as
     * {@code subscribed to …} is on stderr, a JSON event on stdout); fails with the output so far otherwise.
     */
    void awaitOutput(String text) throws InterruptedException {
        for (int i = 0; i < 3_000; i++) {
            if (out.toString().contains(text) || err.toString().contains(text)) {
                return;
            }
            if (exit.isDone()) {
                break;
            }
            Thread.sleep(10);
        }
        if (!out.toString().contains(text) && !err.toString().contains(text)) {
            throw new AssertionError("no '" + text + "' on stdout or stderr:\n" + out + "--- stderr ---\n" + err);
        }
    }

    /** What it printed on stdout so far. */
    String outSoFar() {
        return out.toString();
    }

    /** Waits (at most 30 s) for the run to end and returns what it printed. */
    CliRun finish() throws Exception {
        int code = exit.get(30, TimeUnit.SECONDS);
        return new CliRun(code, out.toString(), err.toString());
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
