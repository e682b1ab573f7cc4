package org.wslab.lab.server.watch;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.wslab.framing.codec.Frame;
import org.wslab.framing.engine.FrameListener;
import org.wslab.handshake.spec.SpecRule;

/**
 * One connection as {@code serve --log} / {@code --trace} sees it, fed by either engine: its id and
 * peer, the handshake decision (RFC 6455 §4.2.2), every frame both ways (§5.2; a message is counted
 * at its final frame, §5.4) and, once, its end. Thread-safe: Jetty may call from several threads.
 */
public final class ConnectionWatch implements FrameListener {
    private final ServeWatch watch;
    private final long id;
    private final String remote;
    private final long startNanos;
    private final AtomicInteger framesIn = new AtomicInteger();
    private final AtomicInteger framesOut = new AtomicInteger();
    private final AtomicLong messagesIn = new AtomicLong();
    private final AtomicLong messagesOut = new AtomicLong();
    private final AtomicBoolean decided = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();

    ConnectionWatch(ServeWatch watch, long id, String remote, long startNanos) {
        this.watch = watch;
        this.id = id;
        this.remote = remote;
        this.startNanos = startNanos;
    }

    /** The connection's id, {@code #id} in the output. */
    public long id() {
        return id;
    }

    /** The handshake succeeded: 101 with what was agreed ({@code request} is e.g. {@code GET /websocket/echo}). */
    public void accepted(String request, Optional<String> subprotocol, List<String> extensions) {
        if (decided.compareAndSet(false, true) && watch.logs()) {
            watch.opened(this);
            watch.print(WatchLines.accepted(id, remote, request, subprotocol, extensions));
        }
    }

    /** The request was answered {@code status} for {@code rule} (a refusal, an index page, a 404); the connection ends. */
    public void answered(String request, int status, SpecRule rule, String detail) {
        if (decided.compareAndSet(false, true) && watch.logs()) {
            watch.print(WatchLines.answered(id, remote, request, status, rule, detail));
        }
    }

    /** Jetty answered {@code status} by itself and says no rule: shown as status and reason. */
    public void answeredByJetty(String request, int status, String reason) {
        if (decided.compareAndSet(false, true) && watch.logs()) {
            watch.print(WatchLines.answeredUnnamed(id, remote, request, status, reason, "Jetty"));
        }
    }

    /** The handshake ended without an answer: {@code rule} says why (timeout, the peer left, TLS). */
    public void ended(SpecRule rule, String detail) {
        if (decided.compareAndSet(false, true) && watch.logs()) {
            watch.print(WatchLines.ended(id, remote, rule, detail));
        }
    }

    /** The open connection ended with {@code code} (§7.1.5; 1006 without a close frame); printed once. */
    public void closed(int code, String reason) {
        if (ended.compareAndSet(false, true) && watch.logs()) {
            watch.print(WatchLines.closed(id, code, reason, System.nanoTime() - startNanos,
                    messagesIn.get(), messagesOut.get()));
            watch.ended(this); // after the line: stopped() waits for it
        }
    }

    @Override
    public void onFrame(Direction direction, Frame frame) {
        int n = count(direction, frame.fin(), frame.opcode().isControl());
        if (watch.traces()) {
            watch.print(WatchLines.frame(id, direction == Direction.RECEIVED, n, frame));
        }
    }

    /** Whether frames are traced: when not, an engine may {@link #count} a frame without building it. */
    public boolean traces() {
        return watch.traces();
    }

    /** Counts a frame (a message at its final data frame, §5.4) without tracing it; returns its number that way. */
    public int count(Direction direction, boolean fin, boolean control) {
        boolean fromClient = direction == Direction.RECEIVED;
        if (fin && !control) {
            (fromClient ? messagesIn : messagesOut).incrementAndGet();
        }
        return (fromClient ? framesIn : framesOut).incrementAndGet();
    }
}
