package org.wslab.lab.cli;

import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT, signal 2) and SIGTERM (15) for the lab's commands: a command that runs for a
 * while registers how to stop ({@link #whileRunning}); the first signal calls that, the command winds
 * down (closes with 1000, sends DISCONNECT, stops the server), prints what it did, and returns
 * {@link #exitCode(int)} — 130 or 143, the shell's 128 + signal number (POSIX, "Exit Status for
 * Commands"). A second signal, or a command still running {@link #GRACE_MILLIS} after the first,
 * ends the process at once with that code. With nothing registered a signal ends the process with
 * it, as the JVM's own handler would.
 *
 * <p>{@link Main#main} installs the handlers; commands run in-process by tests never see a signal,
 * so for them {@link #received()} stays empty and nothing here changes their exit code.
 */
public final class StopSignal {
    /** The exit code after Ctrl-C: 128 + SIGINT (2). */
    public static final int INTERRUPTED = 130;
    /** The exit code after SIGTERM: 128 + SIGTERM (15). */
    public static final int TERMINATED = 143;
    /** How long a command may take to wind down after the first signal. */
    public static final long GRACE_MILLIS = 3_000;

    private static final AtomicReference<Runnable> STOP = new AtomicReference<>();
    private static final AtomicInteger RECEIVED = new AtomicInteger();

    private StopSignal() {}

    /** A registered way to stop; closing it unregisters (a signal then ends the process). */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Installs the handlers for SIGINT and SIGTERM; called once by {@link Main#main}. */
    static void install() {
        handle("INT", INTERRUPTED);
        handle("TERM", TERMINATED);
    }

    private static void handle(String name, int code) {
        try {
            Signal.handle(new Signal(name), s -> received(code));
        } catch (IllegalArgumentException unsupported) {
            // this platform (or -Xrs) keeps the signal: the JVM's default handling applies
        }
    }

    /** A signal arrived: the first stops the registered command, a second (or none registered) ends the process. */
    static void received(int code) {
        if (!RECEIVED.compareAndSet(0, code)) {
            Runtime.getRuntime().halt(RECEIVED.get());
        }
        Runnable stop = STOP.get();
        if (stop == null) {
            System.exit(code);
            return;
        }
        Thread stopper = new Thread(() -> {
            try {
                stop.run();
            } catch (RuntimeException ignored) {
                // stopping is best effort; the grace period below still ends the process
            }
        }, "wslab-stop");
        stopper.setDaemon(true);
        stopper.start();
        Thread grace = new Thread(() -> {
            try {
                Thread.sleep(GRACE_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(code);
        }, "wslab-stop-grace");
        grace.setDaemon(true);
        grace.start();
    }

    /**
     * Until the returned registration is closed, a signal calls {@code stop} (on its own thread)
     * instead of ending the process; {@code stop} must not block for long.
     */
    public static Registration whileRunning(Runnable stop) {
        STOP.set(stop);
        return () -> STOP.compareAndSet(stop, null);
    }

    /** The exit code of the signal that arrived ({@link #INTERRUPTED}, {@link #TERMINATED}), or empty. */
    public static OptionalInt received() {
        int code = RECEIVED.get();
        return code == 0 ? OptionalInt.empty() : OptionalInt.of(code);
    }

    /** {@code normal}, unless a signal stopped the command: then its code. */
    public static int exitCode(int normal) {
        int code = RECEIVED.get();
        return code == 0 ? normal : code;
    }

    /** How the stop is named in a summary: {@code interrupted (Ctrl-C)} or {@code terminated (SIGTERM)}; empty when no signal came. */
    public static String describe() {
        int code = RECEIVED.get();
        return code == INTERRUPTED ? "interrupted (Ctrl-C)" : code == TERMINATED ? "terminated (SIGTERM)" : "";
    }
}
