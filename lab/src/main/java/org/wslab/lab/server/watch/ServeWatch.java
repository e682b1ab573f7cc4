package org.wslab.lab.server.watch;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.wslab.framing.codec.CloseCode;

/**
 * What {@code wslab serve} shows of its traffic, the same on both engines: with {@code log}, one
 * line per handshake decision (RFC 6455 §4.2.2: 101, or the refusal naming its rule) and one per
 * closed connection (§7.1.5 close code, duration, messages each way); with {@code trace}, every
 * frame both ways (§5.2) as an annotated dump. Each connection gets an id, {@code #1}, {@code #2}, …,
 * that prefixes its lines. Lines go through a bounded {@link WatchOutput}.
 */
public final class ServeWatch {
    private static final ServeWatch OFF = new ServeWatch(null, false, false);

    private final WatchOutput output;
    private final boolean log;
    private final boolean trace;
    private final AtomicLong ids = new AtomicLong();
    /** Connections past their 101 and not yet closed: what {@link #stopped()} reports as ended. */
    private final Set<ConnectionWatch> open = ConcurrentHashMap.newKeySet();

    private ServeWatch(WatchOutput output, boolean log, boolean trace) {
        this.output = output;
        this.log = log;
        this.trace = trace;
    }

    /** Nothing shown (the default). */
    public static ServeWatch off() {
        return OFF;
    }

    /** Shows the log lines when {@code log}, the frames when {@code trace}, through {@code output}. */
    public static ServeWatch to(WatchOutput output, boolean log, boolean trace) {
        return log || trace ? new ServeWatch(Objects.requireNonNull(output, "output"), log, trace) : OFF;
    }

    /** Whether anything is shown at all. */
    public boolean active() {
        return log || trace;
    }

    /** Whether connections and handshake decisions are logged. */
    public boolean logs() {
        return log;
    }

    /** Whether frames are traced. */
    public boolean traces() {
        return trace;
    }

    /** The output, when active. */
    public Optional<WatchOutput> output() {
        return Optional.ofNullable(output);
    }

    /** A new connection from {@code remote} (null when unknown), with the next id. */
    public ConnectionWatch connection(InetSocketAddress remote) {
        return new ConnectionWatch(this, ids.incrementAndGet(), WatchLines.address(remote), System.nanoTime());
    }

    /** A connection over the limit of {@code limit} was answered 503 (RFC 9110 §15.6.4) before any request. */
    public void refusedOverLimit(InetSocketAddress remote, int limit) {
        if (log) {
            output.print(WatchLines.overLimit(ids.incrementAndGet(), WatchLines.address(remote), limit));
        }
    }

    /**
     * The server has stopped: each connection still open in the watch's view (an engine that drops
     * its connections at stop may not report every end) is reported closed with 1006 (RFC 6455 §7.1.5:
     * no close frame came), once.
     */
    public void stopped() {
        for (ConnectionWatch c : open) {
            c.closed(CloseCode.ABNORMAL_CLOSURE.code(), "server stopped");
        }
        // an engine thread may be printing a connection's own close line right now: give it a moment,
        // so the output is not closed under it (its line would count as dropped)
        long until = System.nanoTime() + STOP_WAIT_NANOS;
        while (!open.isEmpty() && System.nanoTime() - until < 0) {
            try {
                Thread.sleep(1); // a stop, not a hot path: no need to spin
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** How long {@link #stopped()} waits for close lines other threads are printing. */
    private static final long STOP_WAIT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    void opened(ConnectionWatch c) {
        open.add(c);
    }

    void ended(ConnectionWatch c) {
        open.remove(c);
    }

    void print(String entry) {
        if (output != null) {
            output.print(entry);
        }
    }
}
