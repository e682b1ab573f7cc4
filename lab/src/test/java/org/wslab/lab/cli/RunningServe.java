package org.wslab.lab.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code wslab serve --port 0} running in-process on its own thread, for end-to-end tests: waits
 * for the banner (on stderr), reads the port from it, and stops the command by interrupting it (as
 * a signal would, by closing the server). {@link #out()} is the status text (serve's stderr: the
 * banner, "stopped"), {@link #data()} the data (stdout: {@code --log} / {@code --trace} lines).
 */
final class RunningServe implements AutoCloseable {
    private static final Pattern ECHO_URL = Pattern.compile("(ws://127\\.0\\.0\\.1:(\\d+)/websocket/echo)");

    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-serve"));
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Future<Integer> exit;
    private final String echoUrl;
    private final int port;

    RunningServe(String... extraArgs) throws InterruptedException {
        String[] args = new String[extraArgs.length + 3];
        args[0] = "serve";
        args[1] = "--port";
        args[2] = "0";
        System.arraycopy(extraArgs, 0, args, 3, extraArgs.length);
        exit = thread.submit(() -> Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args));
        Matcher found = null;
        // the banner is printed once the server is bound; a bounded wait, not a timed assertion
        for (int i = 0; i < 3_000 && found == null && !exit.isDone(); i++) {
            String printed = err.toString();
            Matcher m = ECHO_URL.matcher(printed);
            if (m.find() && printed.contains("\nlimits: ")) { // the banner's last line is out
                found = m;
            } else {
                Thread.sleep(10);
            }
        }
        if (found == null) {
            thread.shutdownNow();
            throw new IllegalStateException("serve did not print its URL:\n" + err + out);
        }
        echoUrl = found.group(1);
        port = Integer.parseInt(found.group(2));
    }

    String echoUrl() {
        return echoUrl;
    }

    int port() {
        return port;
    }

    /** What serve printed as status: its stderr (banner, warnings, "stopped"). */
    String out() {
        return err.toString();
    }

    /** What serve printed as data: its stdout ({@code --log}, {@code --trace}). */
    String data() {
        return out.toString();
    }

    /** Stops the command and returns its exit code. */
    int stop() throws InterruptedException, ExecutionException {
        thread.shutdownNow(); // interrupts the command's wait, which stops the server
        try {
            return exit.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("serve did not stop", e);
        }
    }

    @Override
    public void close() throws ExecutionException {
        if (!exit.isDone()) {
            try {
                stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while stopping serve", e);
            }
        }
    }
}
